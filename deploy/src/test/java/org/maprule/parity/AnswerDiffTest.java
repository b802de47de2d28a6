package org.maprule.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure comparison of two answers: no HTTP, golden cases. */
class AnswerDiffTest {
  private static final List<String> NAMES = List.of("content-type", "etag", "x-maprule-ruleset");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Answer answer(int status, Map<String, String> headers, String body) {
    return new Answer(status, headers, utf8(body), null);
  }

  @Test
  void equalAnswersHaveNoDifference() {
    Answer a = answer(200, Map.of("content-type", "application/json"), "{\"a\":1}");
    Answer b = answer(200, Map.of("content-type", "application/json"), "{\"a\":1}");
    assertThat(AnswerDiff.of(a, b, NAMES)).isEmpty();
    // a header that is not compared does not count
    Answer c = answer(200, Map.of("content-type", "application/json", "date", "x"), "{\"a\":1}");
    assertThat(AnswerDiff.of(a, c, NAMES)).isEmpty();
  }

  @Test
  void statusHeadersAndTheFirstDifferingByteAreReported() {
    Answer a = answer(200, Map.of("etag", "\"1\"", "content-type", "application/json"),
        "{\"a\":\"1\",\"b\":\"2\"}");
    Answer b = answer(404, Map.of("content-type", "application/problem+json"),
        "{\"a\":\"1\",\"b\":\"3\"}");
    AnswerDiff d = AnswerDiff.of(a, b, NAMES).orElseThrow();
    assertThat(d.unanswered()).isFalse();
    assertThat(d.status()).isTrue();
    assertThat(d.headers()).containsExactly(
        new AnswerDiff.HeaderDiff("content-type", "application/json", "application/problem+json"),
        new AnswerDiff.HeaderDiff("etag", "\"1\"", null));
    assertThat(d.bodyOffset()).isEqualTo(14);
  }

  @Test
  void onlyTheBodyDiffers() {
    AnswerDiff d = AnswerDiff.of(answer(200, Map.of(), "abc"), answer(200, Map.of(), "abcd"),
        NAMES).orElseThrow();
    assertThat(d.status()).isFalse();
    assertThat(d.headers()).isEmpty();
    assertThat(d.bodyOffset()).isEqualTo(3);
  }

  @Test
  void noAnswerOnEitherSideIsADifferenceOfItsOwn() {
    Answer a = answer(200, Map.of(), "x");
    AnswerDiff d = AnswerDiff.of(a, Answer.none("cannot connect"), NAMES).orElseThrow();
    assertThat(d.unanswered()).isTrue();
    assertThat(d.second().status()).isEqualTo(-1);
    assertThat(d.second().body()).isEmpty();
    assertThat(AnswerDiff.of(Answer.none("a"), Answer.none("a"), NAMES).orElseThrow().unanswered())
        .isTrue();
  }

  @Test
  void answersKeepTheNamedHeadersJoiningRepeatedOnes() {
    Map<String, List<String>> raw = Map.of("etag", List.of("\"1\""), "vary", List.of("a", "b"),
        "cache-control", List.of("public", "max-age=60"));
    Answer a = Answer.of(200, name -> raw.getOrDefault(name, List.of()), null,
        List.of("cache-control", "etag", "content-type"));
    assertThat(a.headers()).containsExactly(Map.entry("cache-control", "public, max-age=60"),
        Map.entry("etag", "\"1\""));
    assertThat(a.body()).isEmpty();
    assertThat(a.answered()).isTrue();
  }

  @Test
  void firstDifferenceAndSnippets() {
    byte[] a = utf8("{\"a\":\"1\",\"b\":\"2\"}");
    byte[] b = utf8("{\"a\":\"1\",\"b\":\"3\"}");
    assertThat(AnswerDiff.firstDifference(a, a.clone())).isEqualTo(-1);
    assertThat(AnswerDiff.firstDifference(a, b)).isEqualTo(14);
    assertThat(AnswerDiff.firstDifference(a, Arrays.copyOf(a, 5))).isEqualTo(5);
    assertThat(AnswerDiff.firstDifference(new byte[0], new byte[0])).isEqualTo(-1);
    assertThat(AnswerDiff.snippet(b, 14)).isEqualTo("{\"a\":\"1\",\"b\":\"3\"}");
    assertThat(AnswerDiff.snippet(Arrays.copyOf(a, 5), 5)).isEqualTo("{\"a\":(end)");
    byte[] longer = utf8("x".repeat(100) + "\n\u0001" + "y".repeat(100));
    assertThat(AnswerDiff.snippet(longer, 100))
        .isEqualTo("…" + "x".repeat(24) + "\\n\\x01" + "y".repeat(46) + "…");
    assertThat(AnswerDiff.snippet(utf8("a\tb\rc"), 0)).isEqualTo("a\\tb\\rc");
  }
}
