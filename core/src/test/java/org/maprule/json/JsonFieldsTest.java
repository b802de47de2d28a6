package org.maprule.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maprule.json.JsonProblems.Kind;
import org.maprule.json.RecordedProblems.Problem;

class JsonFieldsTest {

  private final RecordedProblems out = new RecordedProblems();

  private JsonFields fields(String json) {
    return JsonFields.of(Json.parse(json.getBytes(StandardCharsets.UTF_8)), "x", out);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "16            | 16    |",
      "-0            | 0     |",
      "-2147483648   | -2147483648 |",
      "2147483647    | 2147483647 |",
      "2147483648    |       | INVALID_VALUE",
      "99999999999999999999999 | | INVALID_VALUE",
      "16.0          |       | WRONG_TYPE",
      "1e1           |       | WRONG_TYPE",
      "1E+1          |       | WRONG_TYPE",
      "1e400         |       | WRONG_TYPE",
      "'\"16\"'      |       | WRONG_TYPE",
      "true          |       | WRONG_TYPE",
      "null          |       | WRONG_TYPE",
      "[16]          |       | WRONG_TYPE",
      "{}            |       | WRONG_TYPE"})
  void integers(String literal, Integer expected, Kind code) {
    Integer got = fields("{\"n\":" + literal + "}").integer("n", true);
    assertThat(got).isEqualTo(expected);
    if (code == null) {
      assertThat(out.isEmpty()).isTrue();
    } else {
      assertThat(out.list()).singleElement().satisfies(v -> {
        assertThat(v.kind()).isEqualTo(code);
        assertThat(v.path()).isEqualTo("x.n");
        assertThat(v.value()).isEqualTo(literal);
        assertThat(v.message()).startsWith("x.n ");
      });
      assertThat(out.allValuesRead()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "'\"0\"'          | 0 |",
      "'\"6\"'          | 6 |",
      "'\"999999999\"'  | 999999999 |",
      "'\"1000000000\"' |   | INVALID_VALUE",
      "'\"06\"'         |   | INVALID_VALUE",
      "'\"00\"'         |   | INVALID_VALUE",
      "'\"-6\"'         |   | INVALID_VALUE",
      "'\"+6\"'         |   | INVALID_VALUE",
      "'\" 6\"'         |   | INVALID_VALUE",
      "'\"6 \"'         |   | INVALID_VALUE",
      "'\"6.0\"'        |   | INVALID_VALUE",
      "'\"\"'           |   | INVALID_VALUE",
      "'\"\uff16\"'     |   | INVALID_VALUE",
      "'\"\u0666\"'     |   | INVALID_VALUE",
      "6                |   | WRONG_TYPE",
      "6.0              |   | WRONG_TYPE",
      "null             |   | WRONG_TYPE"})
  void decimalStrings(String literal, Integer expected, Kind code) {
    Integer got = fields("{\"n\":" + literal + "}").decimalString("n", true);
    assertThat(got).isEqualTo(expected);
    if (code == null) {
      assertThat(out.isEmpty()).isTrue();
    } else {
      assertThat(out.list()).singleElement().extracting(Problem::kind, Problem::path)
          .containsExactly(code, "x.n");
    }
  }

  @Test
  void missingRequiredIsReportedOptionalIsNot() {
    JsonFields f = fields("{}");
    assertThat(f.string("a", true)).isNull();
    assertThat(f.string("b", false)).isNull();
    assertThat(f.integer("c", true)).isNull();
    assertThat(f.array("d", true)).isNull();
    assertThat(out.list()).extracting(Problem::kind, Problem::path).containsExactly(
        tuple(Kind.MISSING_FIELD, "x.a"), tuple(Kind.MISSING_FIELD, "x.c"),
        tuple(Kind.MISSING_FIELD, "x.d"));
  }

  @Test
  void nonObjectIsWrongTypeOnceAndThenSilent() {
    JsonFields f = JsonFields.of(new JsonArray(java.util.List.of()), "domains[2]", out);
    assertThat(f.isObject()).isFalse();
    assertThat(f.string("name", true)).isNull();
    f.rejectUnknown();
    assertThat(out.list()).singleElement().extracting(Problem::kind, Problem::path, Problem::value)
        .containsExactly(Kind.WRONG_TYPE, "domains[2]", "[]");
  }

  @Test
  void absentValueIsSilent() {
    JsonFields f = JsonFields.of(null, "map_e", out);
    assertThat(f.integer("version", true)).isNull();
    assertThat(out.isEmpty()).isTrue();
  }

  @Test
  void unknownFieldsAreFlaggedWithASuggestion() {
    JsonFields f = fields("{\"name\":\"a\",\"endUserPrefixLenght\":56,\"Name2\":1,\"zzz\":true,\"ok\":1}");
    f.string("name", true);
    f.integer("endUserPrefixLength", false);
    f.allow("ok");
    f.rejectUnknown();
    assertThat(out.list()).extracting(Problem::kind, Problem::path, Problem::value).containsExactly(
        tuple(Kind.UNKNOWN_FIELD, "x.endUserPrefixLenght", "56"),
        tuple(Kind.UNKNOWN_FIELD, "x.Name2", "1"),
        tuple(Kind.UNKNOWN_FIELD, "x.zzz", "true"));
    assertThat(out.list().get(0).message()).contains("did you mean 'endUserPrefixLength'?");
    assertThat(out.list().get(1).message()).contains("did you mean 'name'?");
    assertThat(out.list().get(2).message()).doesNotContain("did you mean");
    assertThat(out.allValuesRead()).as("unknown fields leave values readable").isTrue();
  }

  @Test
  void editDistanceCountsASwapAsOne() {
    assertThat(JsonFields.distance("lenght", "length")).isEqualTo(1);
    assertThat(JsonFields.distance("abc", "abc")).isZero();
    assertThat(JsonFields.distance("", "abc")).isEqualTo(3);
    assertThat(JsonFields.distance("ttl", "tl")).isEqualTo(1);
  }
}
