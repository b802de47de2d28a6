package org.maprule.drill;

import java.time.Duration;

/**
 * One drill scenario: actions on the lab while a {@link CeStream} runs, and its checks. A new
 * scenario is a class implementing this and one line in {@link Scenarios#all()}.
 */
interface Scenario {
  /** How long a stream may stall, and a phase may take, before the scenario is given up. */
  Duration TIMEOUT = Duration.ofSeconds(90);

  /**
   * What a scenario works with.
   *
   * @param lab the origins and HAProxy
   * @param load the requests and core's answers
   * @param rate requests per second
   * @param phase requests per phase
   */
  record Drive(Lab lab, Workload load, int rate, int phase) {
    /** A new stream of the workload at the rate, not started. */
    CeStream stream() {
      return new CeStream(lab, load, rate);
    }
  }

  /**
   * Runs the scenario; it leaves both origins serving the valid rules and the mode {@code aws}
   * for the next one.
   *
   * @param drive the lab, workload, rate and phase length
   * @return what happened
   * @throws Exception when the lab cannot do what the scenario needs (the drill breaks off)
   */
  Result run(Drive drive) throws Exception;
}
