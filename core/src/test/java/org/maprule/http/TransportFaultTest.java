package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Core's answers to transport faults: the golden cases, and the rules every one keeps. */
class TransportFaultTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<TransportFaultCase> cases() {
    return TransportFaultCase.loadAll().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answerIsTheGoldenOneByteForByte(TransportFaultCase c) {
    HttpResponse r = c.answer();
    assertThat(r.status()).isEqualTo(c.status()).isEqualTo(c.fault().status());
    assertThat(r.headers().asMap()).as("every header, in order")
        .containsExactlyEntriesOf(c.headers().asMap());
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(c.body());
  }

  @Test
  void everyFaultHasAGoldenCase() {
    Set<TransportFault> covered = cases().map(TransportFaultCase::fault)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(TransportFault.class)));
    assertThat(covered).containsExactlyInAnyOrder(TransportFault.values());
  }

  @Test
  void statusesAreTheRfcOnes() {
    assertThat(Stream.of(TransportFault.values()).map(f -> f.name() + "=" + f.status()))
        .containsExactly("MALFORMED_REQUEST=400", "REQUEST_TIMEOUT=408", "BODY_TOO_LARGE=413",
            "REQUEST_LINE_TOO_LONG=414", "HEADERS_TOO_LARGE=431", "TRANSFER_CODING_UNKNOWN=501",
            "HTTP_VERSION_NOT_SUPPORTED=505", "CONNECTION_LIMIT=503");
    for (TransportFault f : TransportFault.values()) {
      assertThat(f.code().name()).as("one name for the fault and its code").isEqualTo(f.name());
      assertThat(Responses.reasonPhrase(f.status())).as(f.name()).isNotEqualTo("Error");
    }
  }

  @ParameterizedTest
  @MethodSource("allFaults")
  void everyAnswerIsProblemJsonWithTheDigestAndNoInternals(TransportFault f) {
    MapruleService s = TransportFaultCase.service("example");
    HttpResponse r = s.transportFault(f, "v\u0000\"<x>", "what the transport saw");
    assertThat(r.headers().first("content-type")).isEqualTo(Responses.PROBLEM_JSON);
    assertThat(r.headers().first("cache-control")).isEqualTo("no-store");
    assertThat(r.headers().first("x-maprule-ruleset")).isEqualTo(s.ruleSetDigest());
    assertThat(r.headers().contains("allow")).isFalse();
    JsonNode body = JSON.readTree(r.body());
    assertThat(new java.util.ArrayList<>(body.propertyNames()))
        .containsExactly("type", "title", "status", "detail", "code", "field", "value");
    assertThat(body.get("status").asInt()).isEqualTo(f.status());
    assertThat(body.get("code").asString()).isEqualTo(f.code().name());
    assertThat(body.get("field").asString()).isEqualTo(f.field());
    assertThat(body.get("detail").asString())
        .isEqualTo(f.summary() + ": what the transport saw");
    assertThat(body.get("value").asString()).isEqualTo("v\u0000\"<x>");
  }

  static Stream<TransportFault> allFaults() {
    return Stream.of(TransportFault.values());
  }

  @Test
  void noReasonGivesTheSummaryAloneAndNoValueIsOmitted() {
    HttpResponse r = TransportFaultCase.service("example")
        .transportFault(TransportFault.MALFORMED_REQUEST, null, null);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("detail").asString()).isEqualTo("the request is not valid HTTP/1.1");
    assertThat(body.has("value")).isFalse();
    assertThat(JSON.readTree(TransportFaultCase.service("example")
        .transportFault(TransportFault.MALFORMED_REQUEST, null, "").body())
        .get("detail").asString()).isEqualTo("the request is not valid HTTP/1.1");
  }

  @Test
  void aLongValueIsCutTo256CharsAndMarked() {
    String longValue = "x".repeat(255) + "\uD83D\uDE00" + "y".repeat(1000);
    HttpResponse r = TransportFaultCase.service("example")
        .transportFault(TransportFault.TRANSFER_CODING_UNKNOWN, longValue, null);
    String v = JSON.readTree(r.body()).get("value").asString();
    // the cut falls inside the surrogate pair: its half becomes U+FFFD, never invalid UTF-8
    assertThat(v).isEqualTo("x".repeat(255) + "\uFFFD\u2026");
    assertThat(TransportFaultCase.service("example")
        .transportFault(TransportFault.TRANSFER_CODING_UNKNOWN, "z".repeat(256), null).body())
        .asString(StandardCharsets.UTF_8).contains("\"value\":\"" + "z".repeat(256) + "\"");
  }

  @Test
  void withoutAValidRuleSetTheDigestIsNone() {
    HttpResponse r = TransportFaultCase.service("invalid")
        .transportFault(TransportFault.REQUEST_TIMEOUT, null, "late");
    assertThat(r.headers().first("x-maprule-ruleset")).isEqualTo("none");
    assertThat(r.status()).isEqualTo(408);
  }

  @Test
  void goldenFilesAreAllIndexed() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(TransportFaultCase.class.getClassLoader()
        .getResource(TransportFaultCase.FOLDER + "index.txt").toURI()).getParent();
    List<String> files;
    try (Stream<java.nio.file.Path> s = java.nio.file.Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")
          && n.endsWith(".txt")).map(n -> n.substring(0, n.length() - 4)).sorted().toList();
    }
    assertThat(cases().map(TransportFaultCase::name).sorted().toList()).isEqualTo(files);
  }
}
