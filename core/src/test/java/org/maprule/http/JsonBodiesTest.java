package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maprule.ErrorCode;
import org.maprule.validate.Violation;

class JsonBodiesTest {
  private static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void problemMembersInFixedOrderOmittingNullFieldAndValue() {
    assertThat(s(JsonBodies.problem("about:blank", "Bad Request", 400, "d", "INVALID_PARAMETER",
        "f", "v"))).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"d\",\"code\":\"INVALID_PARAMETER\",\"field\":\"f\",\"value\":\"v\"}");
    assertThat(s(JsonBodies.problem("about:blank", "Not Found", 404, "d", "NOT_FOUND", null, null)))
        .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"d\",\"code\":\"NOT_FOUND\"}");
    assertThat(s(JsonBodies.problem("about:blank", "Not Found", 404, "d", "NOT_FOUND", "f", null)))
        .endsWith(",\"field\":\"f\"}");
  }

  @Test
  void clientTextIsEscapedAndWrittenAsUtf8() {
    byte[] b = JsonBodies.problem("about:blank", "Bad Request", 400, "q\"\\\n\u0001", "X", "f",
        "日本\uD83D\uDE00");
    assertThat(s(b)).contains("\"detail\":\"q\\\"\\\\\\n\\u0001\"")
        .contains("\"value\":\"日本\uD83D\uDE00\"");
  }

  /** Before the one codec, problem+json was written by a plain JsonFactory: U+2028 went out raw. */
  @Test
  void lineAndParagraphSeparatorsAreEscapedLikeEveryOtherBody() {
    byte[] problem = JsonBodies.problem("about:blank", "Bad Request", 400, "a\u2028b\u2029c", "X",
        "f\u2028", "v\u2029");
    assertThat(s(problem)).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
        + "\"detail\":\"a\\u2028b\\u2029c\",\"code\":\"X\",\"field\":\"f\\u2028\",\"value\":\"v\\u2029\"}");
    assertThat(problem).doesNotContain((byte) 0xE2);
    byte[] health = JsonBodies.health("invalid", null, 0, 0, "a\u2028", "1", List.of(
        Violation.error(ErrorCode.INVALID_PREFIX, "f", "2001:db8::/40\u2028", "m\u2029")), null);
    assertThat(s(health)).contains("\"cloud\":\"a\\u2028\"")
        .contains("\"value\":\"2001:db8::/40\\u2028\",\"message\":\"m\\u2029\"");
    assertThat(health).doesNotContain((byte) 0xE2);
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    String body = s(JsonBodies.problem("about:blank", "Bad Request", 400, "x\uD800", "X", null,
        "\uDFFF"));
    assertThat(body).contains("\"detail\":\"x\uFFFD\"").contains("\"value\":\"\uFFFD\"");
  }

  @Test
  void healthFieldsInFixedOrder() {
    assertThat(s(JsonBodies.health("ok", "ab", 2, 3, "aws", "1.0", null, null))).isEqualTo(
        "{\"status\":\"ok\",\"ruleSet\":\"ab\",\"domains\":2,\"rules\":3,\"cloud\":\"aws\","
            + "\"version\":\"1.0\"}");
    assertThat(s(JsonBodies.health("invalid", null, 0, 0, "azure", "1.0", List.of(
        Violation.error(ErrorCode.NO_DOMAINS, "domains", null, "m1"),
        Violation.warning(ErrorCode.EA_BITS_BEYOND_64, "domains[0]", "7", "m2")), null))).isEqualTo(
        "{\"status\":\"invalid\",\"ruleSet\":null,\"domains\":0,\"rules\":0,\"cloud\":\"azure\","
            + "\"version\":\"1.0\",\"violations\":[{\"code\":\"NO_DOMAINS\",\"field\":\"domains\","
            + "\"value\":null,\"message\":\"m1\"},{\"code\":\"EA_BITS_BEYOND_64\",\"field\":"
            + "\"domains[0]\",\"value\":\"7\",\"message\":\"m2\"}]}");
  }
}
