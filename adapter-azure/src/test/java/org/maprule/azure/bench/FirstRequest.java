package org.maprule.azure.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.maprule.azure.AzureFunctionTransport;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;

/**
 * The child JVM of {@link FirstRequestBenchmark}: answers one CE request through
 * {@code MapruleFunction} built as the Java worker builds it (public no-arg constructor, settings
 * from the {@code MAPRULE_*} environment), then prints one line of timings and exits. Not a test.
 */
public final class FirstRequest {
  private FirstRequest() {}

  /**
   * Answers the first request.
   *
   * @param args the CE's IPv6 address (the client address the front end reports)
   */
  public static void main(String[] args) {
    long mainStart = System.nanoTime();
    HttpResponse answer = AzureFunctionTransport.overInstance().exchange(HttpRequest.get(
        "/hb46pp?vendorid=acde48&product=maprule-bench&version=1_0&capability=map_e",
        Headers.empty(), args[0]));
    long inMain = System.nanoTime() - mainStart;
    Instant answered = Instant.now();
    if (answer.status() != 200) {
      throw new IllegalStateException("first request answered " + answer.status());
    }
    long launch = Long.getLong("bench.launchMicros");
    long fromLaunch = ChronoUnit.MICROS.between(Instant.EPOCH, answered) - launch;
    long fromJvmStart = ChronoUnit.MICROS.between(Instant.EPOCH, answered)
        - ManagementFactory.getRuntimeMXBean().getStartTime() * 1000;
    long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1000;
    System.out.printf(Locale.ROOT, "bench %d %d %d %d%n", fromLaunch, fromJvmStart, inMain / 1000, cpu);
  }
}
