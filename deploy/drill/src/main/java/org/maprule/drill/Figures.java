package org.maprule.drill;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The drill's figures: one table row per scenario, then each scenario's phases and checks. */
final class Figures {
  private Figures() {}

  /**
   * Prints the figures.
   *
   * @param results the scenarios' results, in order
   * @param out where to
   * @return {@value Drill#PASS} when every counted scenario passed, else {@value Drill#FAIL}
   */
  static int print(List<Result> results, PrintStream out) {
    out.println();
    out.println("Failover drill figures (HAProxy standing in for the CDN; two local maprule "
        + "servers standing in for AWS and Azure)");
    out.printf(Locale.ROOT, "%-4s %6s %7s %11s %6s  %-11s  %s%n", "", "sent", "failed",
        "wrong body", "secs", "result", "scenario");
    boolean ok = true;
    for (Result r : results) {
      String verdict = r.counted ? (r.pass() ? "PASS" : "FAIL")
          : (r.checksPass() ? "as expected" : "UNEXPECTED");
      out.printf(Locale.ROOT, "%-4s %6d %7d %11d %6.1f  %-11s  %s%n", r.label, r.sent(),
          r.failed(), r.wrong(), r.run.seconds(), verdict, r.title);
      if (r.counted) {
        ok &= r.pass();
      }
    }
    out.println();
    for (Result r : results) {
      out.println(r.label + " " + r.title);
      StringBuilder phases = new StringBuilder("      served aws/azure per phase:");
      for (int p = 0; p < r.run.phases().size(); p++) {
        phases.append(p == 0 ? " " : " | ").append(r.run.phases().get(p)).append(' ')
            .append(r.served(p, "aws")).append('/').append(r.served(p, "azure"));
      }
      out.println(phases);
      r.checks.forEach(c -> out.println("      " + c));
      r.run.outcomes().stream().filter(o -> o.failed() || o.wrongBody())
          .limit(r.counted ? 5 : 1)
          .forEach(o -> out.println("      e.g. #" + o.index() + " " + o.detail()));
    }
    long sent = results.stream().filter(r -> r.counted).mapToLong(Result::sent).sum();
    long failed = results.stream().filter(r -> r.counted).mapToLong(Result::failed).sum();
    long wrong = results.stream().filter(r -> r.counted).mapToLong(Result::wrong).sum();
    out.println();
    out.println("drill: " + (ok ? "PASS" : "FAIL") + ": counted scenarios sent " + sent
        + " CE requests, " + failed + " failed, " + wrong + " wrong bodies (goal: 0 and 0, "
        + "every check ok)");
    return ok ? Drill.PASS : Drill.FAIL;
  }
}
