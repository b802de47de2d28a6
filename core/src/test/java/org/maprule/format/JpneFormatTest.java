package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JpneFormatTest {
  static final String DIGEST = "3f0c6f0d1b1e8a4e5b7e0c2d9a6b1f4e8c7d2a5b6e9f0a1b2c3d4e5f60718293";
  static final Domain DRAFT03 = new Domain("example-draft03", Ipv6Address.parse("2001:db8:ffff::2"),
      InterfaceIdFormat.DRAFT03, OptionalInt.of(56), List.of(
          new MapRule(Ipv6Prefix.parse("2001:db8:100::/40"), Ipv4Prefix.parse("198.51.100.0/24"), 16, 4),
          new MapRule(Ipv6Prefix.parse("2001:db8:200::/40"), Ipv4Prefix.parse("203.0.113.0/24"), 16, 4)));

  @Test
  void goldenBytes() {
    String expected = "v6plus({\"dmr\":\"2001:db8:ffff::2\",\"id\":\"" + DIGEST + "\",\"ipv6_fixlen\":56,"
        + "\"fmr\":[{\"ipv6\":\"2001:db8:100::/40\",\"ipv4\":\"198.51.100.0/24\",\"psid_offset\":4,\"ea_length\":16},"
        + "{\"ipv6\":\"2001:db8:200::/40\",\"ipv4\":\"203.0.113.0/24\",\"psid_offset\":4,\"ea_length\":16}]})";
    assertThat(JpneFormat.getRules(DRAFT03, DIGEST, "v6plus")).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void goldenForTheDomainMdJpneShape() {
    // docs/domain.md §6.3's first fmr entry, n + o = 32 + 24 = 56, no End-user prefix length set
    Domain jpne = new Domain("jpne", Ipv6Address.parse("2404:9200:225:100::64"), InterfaceIdFormat.DRAFT03,
        OptionalInt.empty(), List.of(
            new MapRule(Ipv6Prefix.parse("240b:10::/32"), Ipv4Prefix.parse("106.72.0.0/16"), 24, 4)));
    assertThat(new String(JpneFormat.getRules(jpne, "abc", "cb_1$"), StandardCharsets.UTF_8)).isEqualTo(
        "cb_1$({\"dmr\":\"2404:9200:225:100::64\",\"id\":\"abc\",\"ipv6_fixlen\":56,\"fmr\":[{\"ipv6\":\"240b:10::/32\","
            + "\"ipv4\":\"106.72.0.0/16\",\"psid_offset\":4,\"ea_length\":24}]})");
  }

  /** The object (built once per domain by a server) wrapped per request gives getRules's bytes. */
  @Test
  void objectWrappedIsGetRules() {
    byte[] object = JpneFormat.object(DRAFT03, DIGEST);
    String o = new String(object, StandardCharsets.UTF_8);
    assertThat(o).startsWith("{\"dmr\":").endsWith("}]}");
    for (String cb : new String[] {"v6plus", "$", "_a1"}) {
      assertThat(JpneFormat.jsonp(cb, object)).isEqualTo(JpneFormat.getRules(DRAFT03, DIGEST, cb));
    }
    assertThatThrownBy(() -> JpneFormat.jsonp("a(b", object))
        .isInstanceOfSatisfying(MapruleException.class, e -> assertThat(e.field()).isEqualTo("callback"));
    assertThatThrownBy(() -> JpneFormat.jsonp(null, object))
        .isInstanceOfSatisfying(MapruleException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PARAMETER));
  }

  @Test
  void fixLengthIsTheDomainsEndUserPrefixLengthElseTheLongestNPlusO() {
    assertThat(JpneFormat.ipv6FixLength(DRAFT03)).isEqualTo(56);
    Domain mixed = new Domain("m", DRAFT03.brIpv6Address(), InterfaceIdFormat.DRAFT03, OptionalInt.empty(), List.of(
        new MapRule(Ipv6Prefix.parse("2001:db8:100::/40"), Ipv4Prefix.parse("198.51.100.0/24"), 16, 4),
        new MapRule(Ipv6Prefix.parse("2001:db8:200::/40"), Ipv4Prefix.parse("203.0.113.0/24"), 20, 4)));
    assertThat(JpneFormat.ipv6FixLength(mixed)).isEqualTo(60);
    Domain set64 = new Domain("s", DRAFT03.brIpv6Address(), InterfaceIdFormat.DRAFT03, OptionalInt.of(64),
        DRAFT03.rules());
    assertThat(JpneFormat.ipv6FixLength(set64)).isEqualTo(64);
  }

  @Test
  void publishedJpneTableReadsBackAsTheSameRules() {
    for (Domain d : JpRules.ruleSet("JPNE").domains()) {
      byte[] body = JpneFormat.getRules(d, DIGEST, "v6plus");
      String s = new String(body, StandardCharsets.UTF_8);
      assertThat(s).startsWith("v6plus({").endsWith("})");
      JsonNode root = JsonMapper.builder().build().readTree(s.substring("v6plus(".length(), s.length() - 1));
      assertThat(root.get("dmr").asString()).isEqualTo(d.brIpv6Address().toString());
      assertThat(root.get("ipv6_fixlen").isInt()).isTrue();
      assertThat(root.get("ipv6_fixlen").asInt()).isEqualTo(56);
      assertThat(root.get("fmr")).hasSize(d.rules().size());
      for (int i = 0; i < d.rules().size(); i++) {
        JsonNode f = root.get("fmr").get(i);
        MapRule r = d.rules().get(i);
        assertThat(Ipv6Prefix.parse(f.get("ipv6").asString())).isEqualTo(r.ipv6Prefix());
        assertThat(Ipv4Prefix.parse(f.get("ipv4").asString())).isEqualTo(r.ipv4Prefix());
        assertThat(f.get("psid_offset").isInt()).isTrue();
        assertThat(f.get("psid_offset").asInt()).isEqualTo(r.psidOffset());
        assertThat(f.get("ea_length").isInt()).isTrue();
        assertThat(f.get("ea_length").asInt()).isEqualTo(r.eaBitLength());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v6plus", "_", "$", "a", "A9", "jQuery123_456", "$jsonp$", "__proto__",
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$"})
  void acceptsIdentifiers(String callback) {
    assertThat(JpneFormat.validateCallback(callback)).isEqualTo(callback);
    assertThat(new String(JpneFormat.getRules(DRAFT03, DIGEST, callback), StandardCharsets.UTF_8))
        .startsWith(callback + "({");
  }

  static Stream<Arguments> badCallbacks() {
    return Stream.of(
        arguments("alert(1)//", "parentheses call a function; // comments out the rest"),
        arguments("a.b", "a dot reaches into another object"),
        arguments("a b", "a space ends the identifier"),
        arguments("a".repeat(65), "65 characters: longer than the 64 allowed"),
        arguments("", "empty: no function to call"),
        arguments("é", "a non-ASCII letter (é)"),
        arguments("ｖ6plus", "a full-width letter"),
        arguments("ℵ", "a letter-like symbol outside ASCII"),
        arguments("</script>", "closes the script element"),
        arguments("1abc", "starts with a digit"),
        arguments("a-b", "a minus is an operator"),
        arguments("a;b", "a semicolon ends the statement"),
        arguments("a\nb", "a line break"),
        arguments("a\u0000", "a NUL"),
        arguments("a[0]", "brackets index another object"),
        arguments("a\u2028b", "U+2028 LINE SEPARATOR"),
        arguments("cb%28", "percent-encoded text is not decoded here"),
        arguments("a'b", "a quote"),
        arguments("\uD83D\uDE00", "an emoji (surrogate pair)"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badCallbacks")
  void rejectsEverythingElse(String callback, String reason) {
    assertThatThrownBy(() -> JpneFormat.getRules(DRAFT03, DIGEST, callback))
        .as(reason)
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
          assertThat(e.field()).isEqualTo("callback");
          assertThat(e.value()).isEqualTo(callback);
        });
  }

  @Test
  void missingCallbackIsAMissingParameter() {
    assertThatThrownBy(() -> JpneFormat.validateCallback(null))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PARAMETER);
          assertThat(e.field()).isEqualTo("callback");
        });
  }

  @Test
  void refusesAnIdThatWouldNeedEscaping() {
    for (String id : new String[] {"", "a\"b", "</script>", "x".repeat(129), null}) {
      assertThatThrownBy(() -> JpneFormat.getRules(DRAFT03, id, "v6plus"))
          .isInstanceOfSatisfying(MapruleException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("id");
          });
    }
  }

  @Test
  void refusesADomainWithoutBr() {
    Domain noBr = new Domain("x", null, InterfaceIdFormat.DRAFT03, OptionalInt.of(56), DRAFT03.rules());
    assertThatThrownBy(() -> JpneFormat.getRules(noBr, DIGEST, "v6plus"))
        .isInstanceOfSatisfying(MapruleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BR_MISSING));
  }
}
