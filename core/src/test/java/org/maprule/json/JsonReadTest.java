package org.maprule.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.json.JsonProblems.Kind;
import org.maprule.json.RecordedProblems.Problem;

class JsonReadTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Problem> problems(byte[] doc) {
    RecordedProblems out = new RecordedProblems();
    Json.read(doc, out);
    return out.list();
  }

  @Test
  void readsEveryTypeKeepingOrderAndLiterals() {
    JsonValue v = Json.parse(utf8("{\"b\":[1,-0,16.0,1e1,\"x\\u00e9\\ud83d\\ude00\",true,false,null],\"a\":{}}"));
    JsonObject o = (JsonObject) v;
    assertThat(o.members().keySet()).containsExactly("b", "a");
    List<JsonValue> b = ((JsonArray) o.get("b")).elements();
    assertThat(b).containsExactly(new JsonNumber("1", true), new JsonNumber("-0", true),
        new JsonNumber("16.0", false), new JsonNumber("1e1", false), new JsonString("x\u00e9\ud83d\ude00"),
        new JsonBoolean(true), new JsonBoolean(false), JsonNull.INSTANCE);
    assertThat(o.get("a")).isEqualTo(new JsonObject(Map.of()));
  }

  @Test
  void intRangeIsExact() {
    assertThat(new JsonNumber("2147483647", true).fitsInt()).isTrue();
    assertThat(new JsonNumber("-2147483648", true).fitsInt()).isTrue();
    assertThat(new JsonNumber("2147483648", true).fitsInt()).isFalse();
    assertThat(new JsonNumber("-2147483649", true).fitsInt()).isFalse();
    assertThat(new JsonNumber("16.0", false).fitsInt()).isFalse();
  }

  @Test
  void acceptsWhitespaceAroundTheValueAndMultiByteUtf8() {
    assertThat(Json.parse(utf8(" \t\r\n\"\u00e9\u3042\ud83d\ude00\" \n"))).isEqualTo(new JsonString("\u00e9\u3042\ud83d\ude00"));
  }

  static Stream<Arguments> malformed() {
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    return Stream.of(
        Arguments.of("empty document", "", ""),
        Arguments.of("whitespace only", " \n ", ""),
        Arguments.of("comment //", "{\"a\":1 // c\n}", ""),
        Arguments.of("bad value deep inside", "{\"a\":[0,{\"b\":[1,2,x]}]}", "a[1].b[2]"),
        Arguments.of("bad value in nested object", "{\"b\":{\"c\":1,\"a\":NaN}}", "b.a"),
        Arguments.of("comment /* */", "/* c */ {\"a\":1}", ""),
        Arguments.of("yaml comment", "# c\n{}", ""),
        Arguments.of("trailing comma in object", "{\"a\":1,}", ""),
        Arguments.of("trailing comma in array", "{\"a\":[1,]}", "a[1]"),
        Arguments.of("missing value", "{\"a\":[1,,2]}", "a[1]"),
        Arguments.of("single quotes", "{'a':1}", ""),
        Arguments.of("unquoted name", "{a:1}", ""),
        Arguments.of("leading zero", "{\"a\":016}", "a"),
        Arguments.of("leading plus", "{\"a\":+1}", "a"),
        Arguments.of("NaN", "{\"a\":NaN}", "a"),
        Arguments.of("Infinity", "{\"a\":-Infinity}", "a"),
        Arguments.of("trailing decimal point", "{\"a\":1.}", "a"),
        Arguments.of("unescaped control character", "{\"a\":\"x\u0001y\"}", "a"),
        Arguments.of("bad escape", "{\"a\":\"\\x41\"}", "a"),
        Arguments.of("unclosed object", "{\"a\":1", ""),
        Arguments.of("unclosed string", "{\"a\":\"x}", "a"),
        Arguments.of("trailing garbage", "{\"a\":1} x", ""),
        Arguments.of("second value", "{\"a\":1}{}", ""),
        Arguments.of("trailing comma after root", "{\"a\":1},", ""),
        Arguments.of("number too long", "{\"a\":" + "9".repeat(1001) + "}", "a"),
        Arguments.of("nesting deeper than the limit", deep, "[0]".repeat(Json.MAX_DEPTH)),
        Arguments.of("BOM", "\ufeff{}", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedIsOneViolationWithPath(String reason, String doc, String path) {
    List<Problem> v = problems(utf8(doc));
    assertThat(v).as(reason).hasSize(1);
    assertThat(v.get(0).kind()).isEqualTo(Kind.MALFORMED_JSON);
    assertThat(v.get(0).path()).as(reason).isEqualTo(path);
    assertThat(v.get(0).readable()).as("no value can be read").isFalse();
  }

  @Test
  void malformedNamesLineAndColumn() {
    List<Problem> v = problems(utf8("{\n  \"a\": [1,\n  ]\n}"));
    assertThat(v.get(0).message()).contains("line 3, column 3");
  }

  static Stream<Arguments> notUtf8() {
    return Stream.of(
        Arguments.of("0xFF", new byte[] {'"', (byte) 0xFF, '"'}, "FF", 1),
        Arguments.of("Latin-1 e-acute", new byte[] {'"', 'a', (byte) 0xE9, '"'}, "E9", 2),
        Arguments.of("overlong slash", new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, "C0", 1),
        Arguments.of("CESU-8 surrogate", new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, "ED", 1),
        Arguments.of("truncated sequence at end", new byte[] {'"', (byte) 0xE3, (byte) 0x81}, "E381", 1),
        Arguments.of("UTF-16LE with BOM", new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}, "FF", 0),
        Arguments.of("beyond U+10FFFF", new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, "F4", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notUtf8")
  void nonUtf8IsRejectedWithOffset(String reason, byte[] doc, String bytes, int offset) {
    List<Problem> v = problems(doc);
    assertThat(v).as(reason).hasSize(1);
    assertThat(v.get(0).kind()).isEqualTo(Kind.MALFORMED_JSON);
    assertThat(v.get(0).value()).startsWith(bytes);
    assertThat(v.get(0).message()).contains("not UTF-8").contains("byte offset " + offset);
  }

  @Test
  void bomIsRejectedWithAFix() {
    List<Problem> v = problems(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.kind()).isEqualTo(Kind.MALFORMED_JSON);
      assertThat(x.message()).contains("byte order mark").contains("without BOM");
    });
  }

  @Test
  void everyDuplicateIsReportedWithItsPathAndReadingGoesOn() {
    RecordedProblems out = new RecordedProblems();
    JsonValue v = Json.read(utf8("{\"a\":1,\"b\":{\"c\":2,\"c\":3},\"a\":4}"), out);
    assertThat(out.list()).extracting(Problem::kind, Problem::path, Problem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.MALFORMED_JSON, "b.c", "3"),
            org.assertj.core.groups.Tuple.tuple(Kind.MALFORMED_JSON, "a", "4"));
    assertThat(out.allValuesRead()).isTrue();
    assertThat(((JsonObject) v).get("a")).isEqualTo(new JsonNumber("1", true));
  }

  @Test
  void unpairedSurrogateEscapesAreRejected() {
    List<Problem> v = problems(utf8("{\"n\":\"a\\ud800b\",\"\\udc00\":\"\\ud83d\\ude00\"}"));
    assertThat(v).extracting(Problem::path).containsExactly("n", "[\"\\udc00\"]");
    assertThat(v).allSatisfy(x -> assertThat(x.kind()).isEqualTo(Kind.MALFORMED_JSON));
  }

  @Test
  void parseThrowsTheFirstProblem() {
    assertThatThrownBy(() -> Json.parse(utf8("{")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the document is not well-formed JSON at line 1");
    assertThatThrownBy(() -> Json.parse(utf8("{\"a\":1,\"a\":2}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a appears more than once");
  }

  @Test
  void pathsQuoteNamesThatAreNotIdentifiers() {
    assertThat(JsonPath.member("", "ttl")).isEqualTo("ttl");
    assertThat(JsonPath.member("domains[0]", "name")).isEqualTo("domains[0].name");
    assertThat(JsonPath.member("a", "odd name")).isEqualTo("a[\"odd name\"]");
    assertThat(JsonPath.member("", "a.b")).isEqualTo("[\"a.b\"]");
    assertThat(JsonPath.index("rules", 3)).isEqualTo("rules[3]");
  }
}
