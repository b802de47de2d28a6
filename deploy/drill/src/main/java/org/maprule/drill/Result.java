package org.maprule.drill;

import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario did: its stream of outcomes, phase by phase, and its own checks.
 */
final class Result {
  /**
   * A finished stream.
   *
   * @param phases the phase labels, in order
   * @param outcomes every request's outcome (in completion order)
   * @param seconds from the first request to the last answer
   */
  record Run(List<String> phases, List<Outcome> outcomes, double seconds) {}

  final String label;
  final String title;
  final boolean counted;
  final Run run;
  final List<String> checks = new ArrayList<>();
  private boolean checksPass = true;

  /**
   * A result.
   *
   * @param label the scenario's label in the figures, for example {@code (a)}
   * @param title what it does, for example {@code mode aws: kill aws (SIGKILL) mid-stream}
   * @param counted whether it counts towards the goal (a scenario of expected failures does not)
   * @param run its stream
   */
  Result(String label, String title, boolean counted, Run run) {
    this.label = label;
    this.title = title;
    this.counted = counted;
    this.run = run;
  }

  /** Records a check: {@code ok    WHAT} or {@code FAIL  WHAT}. */
  void check(String what, boolean ok) {
    checks.add((ok ? "ok    " : "FAIL  ") + what);
    checksPass &= ok;
  }

  /** Whether every check passed. */
  boolean checksPass() {
    return checksPass;
  }

  /** Requests of phase {@code phase} answered by {@code origin} (not failed). */
  long served(int phase, String origin) {
    return run.outcomes().stream()
        .filter(o -> o.phase() == phase && !o.failed() && o.servedBy().equals(origin)).count();
  }

  long sent() {
    return run.outcomes().size();
  }

  long failed() {
    return run.outcomes().stream().filter(Outcome::failed).count();
  }

  long wrong() {
    return run.outcomes().stream().filter(Outcome::wrongBody).count();
  }

  /** The goal: no failed request, no wrong body, every check ok. */
  boolean pass() {
    return failed() == 0 && wrong() == 0 && checksPass;
  }
}
