package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;

class Hb46ppQueryTest {
  private static Map<String, List<String>> valid() {
    Map<String, List<String>> q = new LinkedHashMap<>();
    q.put("vendorid", List.of("001122"));
    q.put("product", List.of("test-ce"));
    q.put("version", List.of("1_0"));
    q.put("capability", List.of("map_e"));
    return q;
  }

  private static Hb46ppQuery parse(Map<String, List<String>> q) {
    return Hb46ppQuery.parse(new HttpRequest("GET", "/hb46pp", q, Headers.empty(), null, null));
  }

  private static Hb46ppQuery with(String name, String value) {
    Map<String, List<String>> q = valid();
    q.put(name, List.of(value));
    return parse(q);
  }

  /** parameter, value, accepted?, why. */
  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("vendorid", "abcdef", true, "lower-case hex OUI"),
        Arguments.of("vendorid", "ABCDEF", true, "upper-case hex OUI"),
        Arguments.of("vendorid", "001122-x", true, "suffix of 1"),
        Arguments.of("vendorid", "001122-" + "A_9".repeat(8), true, "suffix of 24"),
        Arguments.of("vendorid", "001122-" + "a".repeat(25), false, "suffix of 25"),
        Arguments.of("vendorid", "001122-", false, "empty suffix"),
        Arguments.of("vendorid", "00112", false, "5 hex digits"),
        Arguments.of("vendorid", "0011223", false, "7 hex digits"),
        Arguments.of("vendorid", "00112g", false, "not hex"),
        Arguments.of("vendorid", "001122-a-b", false, "'-' inside the suffix"),
        Arguments.of("vendorid", "", false, "empty"),
        Arguments.of("product", "a", true, "1 character"),
        Arguments.of("product", "Aa0_-".repeat(6) + "xy", true, "32 characters"),
        Arguments.of("product", "a".repeat(33), false, "33 characters"),
        Arguments.of("product", "a b", false, "space"),
        Arguments.of("product", "café", false, "non-ASCII letter"),
        Arguments.of("product", "", false, "empty"),
        Arguments.of("version", "0", true, "1 digit"),
        Arguments.of("version", "1_2_3", true, "underscores"),
        Arguments.of("version", "9".repeat(32), true, "32 characters"),
        Arguments.of("version", "9".repeat(33), false, "33 characters"),
        Arguments.of("version", "1.0", false, "dot"),
        Arguments.of("version", "v1", false, "letter"),
        Arguments.of("version", "١", false, "non-ASCII digit"),
        Arguments.of("capability", "map_e", true, "one item"),
        Arguments.of("capability", "464xlat,dslite,ipip,lw4o6,map_e,map_t,hubspoke,mesh", true,
            "every name of v6mig-prov 1.1"),
        Arguments.of("capability", "z".repeat(32), true, "an unknown name of 32"),
        Arguments.of("capability", "z".repeat(33), false, "an item of 33"),
        Arguments.of("capability", "map-e", false, "'-' is not allowed"),
        Arguments.of("capability", "Map_e", false, "upper case"),
        Arguments.of("capability", "map_e,,dslite", false, "empty item"),
        Arguments.of("capability", ",map_e", false, "leading comma"),
        Arguments.of("capability", "map_e, dslite", false, "space after the comma"),
        Arguments.of("capability", "", false, "empty list"),
        Arguments.of("token", "0123456789abcdef".repeat(4), true, "64 lower-case hex"),
        Arguments.of("token", "0123456789abcdef".repeat(4) + "0", false, "65 digits"),
        Arguments.of("token", "0123456789abcdef".repeat(4).substring(1), false, "63 digits"),
        Arguments.of("token", "0123456789ABCDEF".repeat(4), false, "upper case"),
        Arguments.of("token", "", false, "empty"));
  }

  @ParameterizedTest(name = "[{index}] {0}={1}: {3}")
  @MethodSource("values")
  void eachParameterIsCheckedStrictly(String name, String value, boolean accepted, String why) {
    if (accepted) {
      assertThat(with(name, value)).isNotNull();
      return;
    }
    assertThatThrownBy(() -> with(name, value)).as(why)
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
          assertThat(e.field()).isEqualTo(name);
          assertThat(e.value()).isEqualTo(name.equals("token") ? null : value);
        });
  }

  @Test
  void eachRequiredParameterIsReportedByName() {
    for (String name : List.of("vendorid", "product", "version", "capability")) {
      Map<String, List<String>> q = valid();
      q.remove(name);
      assertThatThrownBy(() -> parse(q)).isInstanceOfSatisfying(MapruleException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PARAMETER);
        assertThat(e.field()).isEqualTo(name);
      });
    }
  }

  @Test
  void userAndPassComeTogetherAndAreNeverEchoed() {
    Map<String, List<String>> q = valid();
    q.put("user", List.of("alice"));
    q.put("pass", List.of("x".repeat(32)));
    assertThat(parse(q).user()).isEqualTo("alice");
    q.put("pass", List.of("😀".repeat(32)));
    assertThat(parse(q).pass()).as("32 characters, 64 UTF-16 units").hasSize(64);
    q.put("pass", List.of("😀".repeat(33)));
    assertThatThrownBy(() -> parse(q)).isInstanceOfSatisfying(MapruleException.class, e -> {
      assertThat(e.field()).isEqualTo("pass");
      assertThat(e.value()).isNull();
      assertThat(e.getMessage()).doesNotContain("😀");
    });
    q.put("pass", List.of("ok"));
    q.put("user", List.of(""));
    assertThatThrownBy(() -> parse(q)).isInstanceOfSatisfying(MapruleException.class,
        e -> assertThat(e.field()).isEqualTo("user"));
    q.remove("user");
    assertThatThrownBy(() -> parse(q)).isInstanceOfSatisfying(MapruleException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PARAMETER);
      assertThat(e.field()).isEqualTo("user");
    });
  }

  @Test
  void capabilitiesKeepUnknownNamesAndMapEIsFoundAnywhere() {
    Hb46ppQuery q = with("capability", "future_one,map_e,dslite");
    assertThat(q.capabilities()).containsExactly("future_one", "map_e", "dslite");
    assertThat(q.mapE()).isTrue();
    assertThat(with("capability", "dslite,map_t").mapE()).isFalse();
  }

  @Test
  void theFirstValueOfARepeatedParameterCounts() {
    Map<String, List<String>> q = valid();
    q.put("capability", List.of("dslite", "map_e"));
    assertThat(parse(q).mapE()).isFalse();
  }
}
