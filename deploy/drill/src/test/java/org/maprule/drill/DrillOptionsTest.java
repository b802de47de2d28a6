package org.maprule.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The drill's options: run.sh's interface, picocli's parsing, usage errors exit 2. */
class DrillOptionsTest {
  private static final String[] RUN_SH = {"--jar", "/j/maprule.jar", "--work", "/w", "--config",
      "/c/haproxy.cfg", "--invalid-rules", "/c/invalid-rules.json"};

  private static Drill parse(String... more) {
    CommandLine cl = Drill.commandLine();
    cl.parseArgs(concat(RUN_SH, more));
    return cl.getCommand();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Exit status and stderr of a run that must stop at the command line. */
  private static String[] run(String... args) {
    CommandLine cl = Drill.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return new String[] {Integer.toString(cl.execute(args)), err.toString()};
  }

  @Test
  void defaultsAreRunShs() {
    Drill d = parse();
    assertThat(d.jar).isEqualTo(Path.of("/j/maprule.jar"));
    assertThat(d.work).isEqualTo(Path.of("/w"));
    assertThat(d.config).isEqualTo(Path.of("/c/haproxy.cfg"));
    assertThat(d.invalidRules).isEqualTo(Path.of("/c/invalid-rules.json"));
    assertThat(d.haproxy).isEqualTo("haproxy");
    assertThat(d.rate).isEqualTo(200);
    assertThat(d.phase).isEqualTo(600);
    assertThat(d.seed).isEqualTo(1);
  }

  @Test
  void theUsersOptionsComeAfterRunShsAndTheLastOneWins() {
    Drill d = parse("--rate", "400", "--phase", "1000", "--seed", "7", "--config", "/tmp/x.cfg",
        "--haproxy", "/usr/sbin/haproxy");
    assertThat(d.rate).isEqualTo(400);
    assertThat(d.phase).isEqualTo(1000);
    assertThat(d.seed).isEqualTo(7);
    assertThat(d.config).isEqualTo(Path.of("/tmp/x.cfg"));
    assertThat(d.haproxy).isEqualTo("/usr/sbin/haproxy");
    assertThat(parse("--seed=-3").seed).isEqualTo(-3);
  }

  @Test
  void usageErrorsExitTwoNamingTheOption() {
    String[] badRate = run(concat(RUN_SH, new String[] {"--rate", "0"}));
    assertThat(badRate[0]).isEqualTo("2");
    assertThat(badRate[1]).contains("--rate 0 is out of range: 1..10000");
    String[] badPhase = run(concat(RUN_SH, new String[] {"--phase", "39"}));
    assertThat(badPhase[0]).isEqualTo("2");
    assertThat(badPhase[1]).contains("--phase 39 is out of range: 40..1000000");
    String[] notANumber = run(concat(RUN_SH, new String[] {"--rate", "fast"}));
    assertThat(notANumber[0]).isEqualTo("2");
    assertThat(notANumber[1]).contains("--rate", "fast");
    String[] missing = run("--rate", "10");
    assertThat(missing[0]).isEqualTo("2");
    assertThat(missing[1]).contains("Missing required options", "--jar", "--work");
    assertThat(run(concat(RUN_SH, new String[] {"--unknown"}))[0]).isEqualTo("2");
  }

  @Test
  void helpListsEveryOption() {
    CommandLine cl = Drill.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("--jar=FILE", "--work=DIR", "--config=FILE",
        "--invalid-rules=FILE", "--haproxy=COMMAND", "--rate=N", "--phase=N", "--seed=S",
        "Exit status:");
  }
}
