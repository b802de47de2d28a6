package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTagsTest {
  private static final String CURRENT = "\"abc\"";

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "\"abc\"                | true  | exact strong tag",
      "W/\"abc\"              | true  | weak comparison ignores W/ (RFC 9110 §8.8.3.2)",
      "*                      | true  | any current representation",
      "\"x\", \"abc\"         | true  | second of a list",
      "\"x\",W/\"abc\"        | true  | no space after the comma",
      ",, \"abc\" ,           | true  | empty list members are allowed (RFC 9110 §5.6.1)",
      "\"a,b\", \"abc\"       | true  | a comma inside an opaque tag is part of the tag",
      "\"abcd\"               | false | longer tag",
      "\"ab\"                 | false | shorter tag",
      "\"ABC\"                | false | opaque tags compare case-sensitively",
      "abc                    | false | unquoted: malformed, never a match",
      "w/\"abc\"              | false | the weak prefix is case-sensitive W/",
      "\"x\", abc             | false | malformed after a non-matching tag",
      "\"abc                  | false | unterminated",
      "''                     | false | empty field"})
  void ifNoneMatch(String field, boolean matches, String why) {
    assertThat(EntityTags.noneMatchFails(List.of(field.strip()), CURRENT)).as(why).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\"x\" | \"abc\"", "\"x\" | *"})
  void severalFieldLinesAreOneList(String first, String second) {
    assertThat(EntityTags.noneMatchFails(List.of(first, second), CURRENT)).isTrue();
    assertThat(EntityTags.noneMatchFails(List.of(first), CURRENT)).isFalse();
  }
}
