package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maprule.parity.Answer;
import org.maprule.parity.AnswerDiff;
import org.maprule.sample.CeRequest;
import org.maprule.sample.Endpoint;

/** The parity report's text, from made-up answers: no HTTP. */
class ParityReportTest {
  private static final ParityReport.Health OK_1 =
      new ParityReport.Health("http://a", 200, "ok", "aws", "d1");
  private static final ParityReport.Health OK_2 =
      new ParityReport.Health("http://b", 200, "ok", "azure", "d1");

  private static String text(ParityReport r, int[] exit) {
    StringWriter out = new StringWriter();
    exit[0] = r.print(new PrintWriter(out), false);
    return out.toString();
  }

  private static Answer answer(int status, Map<String, String> headers, String body) {
    return new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void aDifferenceIsPrintedWithStatusHeadersAndTheFirstDifferingByte() {
    ParityReport r = new ParityReport(List.of(OK_1, OK_2), 1, 2);
    r.sampledFrom = "2 domains, 3 rules";
    CeRequest calc = new CeRequest(Endpoint.CALC, "GET", "/calc?prefix=2001:db8::/56",
        Map.of("x-test-client", "2001:db8::1"), "2001:db8::1", null, null);
    Answer a = answer(200, Map.of("etag", "\"d1\""), "{\"psid\":52}");
    Answer b = answer(404, Map.of(), "{\"psid\":53}");
    r.count(calc, AnswerDiff.of(a, b, ParityCommand.COMPARED_HEADERS).orElseThrow());
    r.count(calc, null);
    CeRequest rules = new CeRequest(Endpoint.RULES, "HEAD", "/rules", Map.of(), null, null, null);
    r.count(rules, AnswerDiff.of(a, Answer.none("cannot connect"), ParityCommand.COMPARED_HEADERS)
        .orElseThrow());
    int[] exit = new int[1];
    assertThat(text(r, exit)).isEqualTo(String.join("\n",
        "endpoint 1  http://a  /health 200 ok, cloud aws, rule set d1",
        "endpoint 2  http://b  /health 200 ok, cloud azure, rule set d1",
        "samples   seed 1, 2 per format, from endpoint 1 /rules (2 domains, 3 rules)",
        "DIFFERENT calc GET /calc?prefix=2001:db8::/56  (x-test-client: 2001:db8::1)",
        "  status        200 | 404",
        "  etag          \"d1\" | (absent)",
        "  body          first difference at byte 9 (lengths 11 | 11)",
        "    1: {\"psid\":52}",
        "    2: {\"psid\":53}",
        "DIFFERENT rules HEAD /rules",
        "  answer        ok | none (cannot connect)",
        "format   requests  identical  different",
        "calc            2          1          1",
        "rules           1          0          1",
        "parity: 3 requests, 1 identical, 2 DIFFERENT",
        ""));
    assertThat(exit[0]).isEqualTo(ParityCommand.DIFFERENT);
  }

  @Test
  void aVerdictWithoutRequestsIsDifferent() {
    ParityReport r = new ParityReport(List.of(OK_1,
        new ParityReport.Health("http://b", 503, "invalid", "azure", null)), 1, 20);
    r.verdict = "no valid rule set on endpoint 2: /health must answer 200 with status ok";
    int[] exit = new int[1];
    assertThat(text(r, exit)).endsWith("endpoint 2  http://b  /health 503 invalid, cloud azure, "
        + "rule set none\nparity: DIFFERENT: no valid rule set on endpoint 2: /health must answer "
        + "200 with status ok\n");
    assertThat(exit[0]).isEqualTo(ParityCommand.DIFFERENT);
    assertThat(new ParityReport(List.of(OK_1, OK_2), 1, 1).identical()).isTrue();
  }
}
