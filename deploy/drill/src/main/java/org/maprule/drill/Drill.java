package org.maprule.drill;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The drill's command line ({@code deploy/drill/run.sh} passes {@code --jar}, {@code --work},
 * {@code --config} and {@code --invalid-rules}, then the user's options; the last value of a
 * repeated option wins, so a user's {@code --config} replaces run.sh's). Exit status
 * {@value #PASS} when every counted scenario met the goal, {@value #FAIL} when one did not or the
 * drill broke off, {@value #CANNOT_RUN} on a usage error.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = "The maprule failover drill: HAProxy standing in for the CDN in front of two "
        + "local maprule servers standing in for AWS and Azure, a paced stream of CE requests, "
        + "origins killed, restarted with an invalid rule set, and the traffic mode switched. "
        + "Run it through deploy/drill/run.sh.",
    footerHeading = "%nExit status:%n",
    footer = {"  0  every counted scenario met the goal: 0 failed, 0 wrong bodies, checks ok",
        "  1  a scenario missed the goal, or the drill could not complete",
        "  2  usage error (run.sh also exits 2 when the jar or HAProxy is missing)"})
public final class Drill implements Callable<Integer> {
  /** Every counted scenario met the goal. */
  static final int PASS = 0;
  /** A scenario missed the goal, or the drill broke off. */
  static final int FAIL = 1;
  /** Bad command line. */
  static final int CANNOT_RUN = 2;

  @Option(names = "--jar", paramLabel = "FILE", required = true,
      description = "maprule.jar, run as each origin (java -jar FILE serve).")
  Path jar;

  @Option(names = "--work", paramLabel = "DIR", required = true,
      description = "An empty folder for configuration, rule files and logs.")
  Path work;

  @Option(names = "--config", paramLabel = "FILE", required = true,
      description = "The HAProxy configuration template (placeholders @FRONT_PORT@, "
          + "@ADMIN_PORT@, @AWS_PORT@, @AZURE_PORT@, @MODE_MAP@).")
  Path config;

  @Option(names = "--invalid-rules", paramLabel = "FILE", required = true,
      description = "A rule set that fails validation, served in scenario (b).")
  Path invalidRules;

  @Option(names = "--haproxy", paramLabel = "COMMAND", defaultValue = "haproxy",
      description = "The HAProxy executable. Default: ${DEFAULT-VALUE}.")
  String haproxy;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "200",
      description = "CE requests per second, 1..10000. Default: ${DEFAULT-VALUE}.")
  int rate;

  @Option(names = "--phase", paramLabel = "N", defaultValue = "600",
      description = "Requests per phase of a scenario, 40..1000000. Default: ${DEFAULT-VALUE}.")
  int phase;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the CE requests. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Spec CommandSpec spec;

  private PrintStream out = System.out;

  /**
   * Runs the drill and exits with its status.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line: a repeated option's last value wins.
   *
   * @return a fresh command line
   */
  static CommandLine commandLine() {
    return new CommandLine(new Drill()).setOverwrittenOptionsAllowed(true);
  }

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    if (rate < 1 || rate > 10_000) {
      throw new CommandLine.ParameterException(cl, "--rate " + rate + " is out of range: 1..10000");
    }
    if (phase < 40 || phase > 1_000_000) {
      throw new CommandLine.ParameterException(cl,
          "--phase " + phase + " is out of range: 40..1000000");
    }
    long started = System.nanoTime();
    int status;
    Lab lab = null;
    try {
      lab = new Lab(jar, work, config, invalidRules, haproxy, out);
      Lab closing = lab;
      Runtime.getRuntime().addShutdownHook(new Thread(closing::close, "drill-cleanup"));
      lab.start();
      Workload load = Workload.of(lab.goodRules, seed);
      out.println("drill: " + load.items().size() + " distinct CE requests from "
          + load.clientAddresses() + " client addresses (" + Workload.PER_ENDPOINT + " each of "
          + "OCN /, /hb46pp, /{key}/get_rules, /calc, /lookup, /rules), " + rate
          + " requests/s, expected answers from core in-process (rule set "
          + load.digest().substring(0, 12) + "…)");
      String parity = lab.parity();
      out.println("drill: preflight " + parity);
      if (!parity.startsWith("exit 0")) {
        throw new IllegalStateException(
            "the two origins do not answer identically before the drill");
      }
      Scenario.Drive drive = new Scenario.Drive(lab, load, rate, phase);
      List<Result> results = new ArrayList<>();
      for (Scenario s : Scenarios.all()) {
        results.add(s.run(drive));
      }
      status = Figures.print(results, out);
      out.printf(Locale.ROOT, "drill: %.0f s in all (set-up, scenarios, restarts)%n",
          (System.nanoTime() - started) / 1e9);
      if (status != PASS) {
        lab.showLogs();
      }
    } catch (Exception e) {
      out.println("drill: FAIL: the drill could not complete: " + describe(e));
      if (lab != null) {
        lab.showLogs();
      }
      status = FAIL;
    } finally {
      if (lab != null) {
        lab.close();
      }
    }
    out.flush();
    return status;
  }

  /** The exception and its causes, one line. */
  static String describe(Throwable e) {
    StringBuilder b = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      b.append("; caused by ").append(c);
    }
    return b.toString();
  }

  /** Where the drill prints (tests capture it). */
  void out(PrintStream stream) {
    this.out = stream;
  }
}
