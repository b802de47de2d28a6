package org.maprule.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures table, from made-up outcomes: the exact text and the exit status. */
class FiguresTest {

  private static Outcome ok(int i, int phase, String by) {
    return new Outcome(i, phase, "aws", "aws", 200, by, false, false, null);
  }

  private static Result.Run run(double seconds, List<String> phases, Outcome... outcomes) {
    return new Result.Run(phases, List.of(outcomes), seconds);
  }

  private static String print(List<Result> results, int[] status) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    status[0] = Figures.print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void passingScenariosAndAnUncountedOneOfExpectedFailures() {
    Result a = new Result("(a)", "mode aws: kill aws", true, run(10.64,
        List.of("aws up", "aws killed"), ok(0, 0, "aws"), ok(1, 0, "aws"), ok(2, 1, "azure")));
    a.check("failover exercised", true);
    Result d = new Result("(d)", "mode aws-only with aws down: expected failures, NOT counted",
        false, run(6.0, List.of("aws-only, aws down"),
            new Outcome(0, 0, "aws-only", "aws-only", 503, "-", true, false, "ocn / -> 503"),
            new Outcome(1, 0, "aws-only", "aws-only", 503, "-", true, false, "calc -> 503")));
    d.check("every request failed with HAProxy's 503", true);
    int[] status = new int[1];
    String text = print(List.of(a, d), status);
    assertThat(status[0]).isEqualTo(Drill.PASS);
    assertThat(text).isEqualTo(String.join("\n",
        "",
        "Failover drill figures (HAProxy standing in for the CDN; two local maprule servers "
            + "standing in for AWS and Azure)",
        "       sent  failed  wrong body   secs  result       scenario",
        "(a)       3       0           0   10.6  PASS         mode aws: kill aws",
        "(d)       2       2           0    6.0  as expected  mode aws-only with aws down: "
            + "expected failures, NOT counted",
        "",
        "(a) mode aws: kill aws",
        "      served aws/azure per phase: aws up 2/0 | aws killed 0/1",
        "      ok    failover exercised",
        "(d) mode aws-only with aws down: expected failures, NOT counted",
        "      served aws/azure per phase: aws-only, aws down 0/0",
        "      ok    every request failed with HAProxy's 503",
        "      e.g. #0 ocn / -> 503",
        "",
        "drill: PASS: counted scenarios sent 3 CE requests, 0 failed, 0 wrong bodies (goal: 0 and "
            + "0, every check ok)",
        ""));
  }

  @Test
  void aWrongBodyOrAFailedCheckFailsTheDrillAndShowsExamples() {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      outcomes.add(new Outcome(i, 0, "aws", "aws", 200, "aws", false, true,
          "calc /calc?prefix=x via aws: body differs at byte " + i));
    }
    Result b = new Result("(b)", "mode aws: invalid rules", true,
        new Result.Run(List.of("aws valid"), outcomes, 1.0));
    Result c = new Result("(c)", "switch modes", true, run(1.0, List.of("mode aws"), ok(0, 0,
        "aws")));
    c.check("every request went to its mode's origin", false);
    int[] status = new int[1];
    String text = print(List.of(b, c), status);
    assertThat(status[0]).isEqualTo(Drill.FAIL);
    assertThat(text).contains("(b)       7       0           7    1.0  FAIL         mode aws: invalid rules",
        "(c)       1       0           0    1.0  FAIL         switch modes",
        "      FAIL  every request went to its mode's origin",
        "      e.g. #4 calc /calc?prefix=x via aws: body differs at byte 4",
        "drill: FAIL: counted scenarios sent 8 CE requests, 0 failed, 7 wrong bodies");
    assertThat(text).doesNotContain("e.g. #5"); // five examples per counted scenario
    Result d = new Result("(d)", "expected failures", false, run(1.0, List.of("p"), ok(0, 0, "aws")));
    d.check("every request failed", false);
    assertThat(print(List.of(d), status)).contains("1.0  UNEXPECTED   expected failures");
    assertThat(status[0]).isEqualTo(Drill.PASS); // not counted
  }
}
