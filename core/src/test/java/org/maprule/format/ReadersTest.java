package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.maprule.format.Fixtures.rule;
import static org.maprule.format.Fixtures.utf8;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv6Address;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.RuleSet;
import org.maprule.validate.Violation;

class ReadersTest {

  // ---- native ----

  @Test
  void nativeAcceptsPrettyPrintingCommentsDefaultsAndAbsentBr() {
    RuleSet rs = RuleSetFormat.NATIVE.read(utf8("""
        {\r
          "comment": "lab rules",\r
          "description": "no BR yet",\r
          "ttl": 600,\r
          "ispName": "ISP \u30c6\u30b9\u30c8",\r
          "domains": [ { "name": "lab", "interfaceIdFormat": "draft03", "rules": [] },\r
                       { "name": "x", "brIpv6Address": "2001:DB8:0:0::1", "interfaceIdFormat": "rfc7597",\r
                         "endUserPrefixLength": 64,\r
                         "rules": [ { "psidOffset": 0, "eaBitLength": 0, "ipv4Prefix": "0.0.0.0/0",\r
                                      "ipv6Prefix": "2001:0DB8::/32" } ] } ]\r
        }\r
        """));
    assertThat(rs).isEqualTo(new RuleSet(600, "maprule", "maprule", "ISP \u30c6\u30b9\u30c8", List.of(
        new Domain("lab", null, InterfaceIdFormat.DRAFT03, OptionalInt.empty(), List.of()),
        new Domain("x", Ipv6Address.parse("2001:db8::1"), InterfaceIdFormat.RFC7597, OptionalInt.of(64),
            List.of(rule("2001:db8::/32", "0.0.0.0/0", 0, 0))))));
  }

  @Test
  void nativeKeepsOutOfRangeIntegersForTheValidator() {
    RuleSet rs = RuleSetFormat.NATIVE.read(utf8("{\"ttl\":-1,\"domains\":[{\"name\":\"\",\"interfaceIdFormat\":\"rfc7597\","
        + "\"endUserPrefixLength\":-7,\"rules\":[{\"ipv6Prefix\":\"::/0\",\"ipv4Prefix\":\"0.0.0.0/0\","
        + "\"eaBitLength\":2147483647,\"psidOffset\":-2147483648}]}]}"));
    assertThat(rs.ttl()).isEqualTo(-1);
    assertThat(rs.domains().get(0).endUserPrefixLength()).hasValue(-7);
    assertThat(rs.domains().get(0).rules().get(0).eaBitLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(rs.domains().get(0).rules().get(0).psidOffset()).isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void nativeEmptyDomainsIsReadable() {
    assertThat(RuleSetFormat.NATIVE.read(utf8("{\"ttl\":1,\"domains\":[]}")).domains()).isEmpty();
  }

  @Test
  void everyProblemOfADocumentIsReportedAtOnce() {
    String doc = """
        {"ttl": "86400", "domains": [
          {"name": "a", "interfaceIdFormat": "rfc7579", "endUserPrefixLenght": 56, "rules": [
            {"ipv6Prefix": "2001:db8::1/40", "ipv4Prefix": "192.0.2.0/24", "eaBitLength": 16.0}
          ]},
          {"name": 7, "interfaceIdFormat": "draft03", "rules": []}
        ]}
        """;
    MapruleException e = catchThrowableOfType(MapruleException.class, () -> RuleSetFormat.NATIVE.read(utf8(doc)));
    assertThat(e.code()).isEqualTo(ErrorCode.RULE_SET_INVALID);
    assertThat(e.violations()).extracting(Violation::code, Violation::field, Violation::value).containsExactly(
        tuple(ErrorCode.WRONG_TYPE, "ttl", "\"86400\""),
        tuple(ErrorCode.INVALID_VALUE, "domains[0].interfaceIdFormat", "rfc7579"),
        tuple(ErrorCode.UNKNOWN_FIELD, "domains[0].endUserPrefixLenght", "56"),
        tuple(ErrorCode.PREFIX_HOST_BITS_SET, "domains[0].rules[0].ipv6Prefix", "2001:db8::1/40"),
        tuple(ErrorCode.WRONG_TYPE, "domains[0].rules[0].eaBitLength", "16.0"),
        tuple(ErrorCode.MISSING_FIELD, "domains[0].rules[0].psidOffset", null),
        tuple(ErrorCode.WRONG_TYPE, "domains[1].name", "7"));
    assertThat(e.getMessage()).contains("7 error(s)");
  }

  @Test
  void fiveBrokenFieldsGiveFiveViolations() {
    String doc = "{\"ttl\":1.5,\"domains\":[{\"name\":\"d\",\"brIpv6Address\":\"::g\",\"interfaceIdFormat\":\"x\","
        + "\"rules\":[{\"ipv6Prefix\":\"2001:db8::/40\",\"ipv4Prefix\":\"192.0.2.0/33\",\"eaBitLength\":\"16\","
        + "\"psidOffset\":6,\"extra\":0}]}]}";
    MapruleException e = catchThrowableOfType(MapruleException.class, () -> RuleSetFormat.NATIVE.read(utf8(doc)));
    assertThat(e.violations()).hasSize(6).extracting(Violation::field).containsExactly("ttl",
        "domains[0].brIpv6Address", "domains[0].interfaceIdFormat", "domains[0].rules[0].ipv4Prefix",
        "domains[0].rules[0].eaBitLength", "domains[0].rules[0].extra");
  }

  @Test
  void unknownFieldsAndDuplicatesStillYieldARuleSetForValidation() {
    ReadResult r = RuleSetFormat.NATIVE.readAll(utf8(
        "{\"ttl\":1,\"ttl\":2,\"x\":0,\"domains\":[{\"name\":\"d\",\"interfaceIdFormat\":\"rfc7597\",\"rules\":[]}]}"));
    assertThat(r.violations()).extracting(Violation::code).containsExactly(ErrorCode.MALFORMED_JSON, ErrorCode.UNKNOWN_FIELD);
    assertThat(r.ruleSet()).isNotNull();
    assertThat(r.ruleSet().ttl()).isEqualTo(1);
    ReadResult broken = RuleSetFormat.NATIVE.readAll(utf8("{\"ttl\":\"1\",\"domains\":[]}"));
    assertThat(broken.ruleSet()).isNull();
  }

  // ---- OCN ----

  private static String ocnRule(String br, String v4, int v4len, String v6, int v6len, int ea, int a) {
    return "{\"brIpv6Address\":\"" + br + "\",\"eaBitLength\":\"" + ea + "\",\"ipv4Prefix\":\"" + v4
        + "\",\"ipv4PrefixLength\":\"" + v4len + "\",\"ipv6Prefix\":\"" + v6 + "\",\"ipv6PrefixLength\":\"" + v6len
        + "\",\"psIdOffset\":\"" + a + "\"}";
  }

  @Test
  void ocnGroupsByBrInFirstAppearanceOrder() {
    String doc = "{\"basicMapRules\":["
        + ocnRule("2001:db8:ffff::2", "192.0.2.0", 24, "2001:db8:100::", 40, 16, 6) + ","
        + ocnRule("2001:db8:ffff::1", "198.51.100.0", 24, "2001:db8:200::", 40, 16, 6) + ","
        + ocnRule("2001:DB8:FFFF:0::2", "203.0.113.0", 25, "2001:db8:300::", 41, 15, 6).replace("}", ",\"hostName\":\"h1\"}") + ","
        + ocnRule("2001:db8:ffff::3", "203.0.113.128", 25, "2001:db8:400::", 40, 15, 4)
        + "]}";
    RuleSet rs = RuleSetFormat.OCN.read(utf8(doc));
    assertThat(rs).isEqualTo(RuleSet.of(86400, List.of(
        new Domain("ocn-1", Ipv6Address.parse("2001:db8:ffff::2"), InterfaceIdFormat.DRAFT03, OptionalInt.of(56), List.of(
            rule("2001:db8:100::/40", "192.0.2.0/24", 16, 6), rule("2001:db8:300::/41", "203.0.113.0/25", 15, 6))),
        new Domain("ocn-2", Ipv6Address.parse("2001:db8:ffff::1"), InterfaceIdFormat.DRAFT03, OptionalInt.of(56), List.of(
            rule("2001:db8:200::/40", "198.51.100.0/24", 16, 6))),
        new Domain("ocn-3", Ipv6Address.parse("2001:db8:ffff::3"), InterfaceIdFormat.DRAFT03, OptionalInt.of(55), List.of(
            rule("2001:db8:400::/40", "203.0.113.128/25", 15, 4))))));
  }

  @Test
  void ocnOneBrIsNamedOcnAndDisagreeingNPlusOLeavesTheLengthAbsent() {
    String doc = "{\"basicMapRules\":["
        + ocnRule("2001:db8:ffff::1", "192.0.2.0", 24, "2001:db8:100::", 40, 16, 6) + ","
        + ocnRule("2001:db8:ffff::1", "198.51.100.0", 24, "2001:db8:200::", 40, 18, 6)
        + "]}";
    RuleSet rs = RuleSetFormat.OCN.read(utf8(doc));
    assertThat(rs.domains()).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("ocn");
      assertThat(d.endUserPrefixLength()).isEmpty();
      assertThat(d.interfaceIdFormat()).isEqualTo(InterfaceIdFormat.DRAFT03);
    });
  }

  @Test
  void ocnEmptyTableHasNoDomains() {
    assertThat(RuleSetFormat.OCN.read(utf8("{\"basicMapRules\":[]}"))).isEqualTo(RuleSet.of(86400, List.of()));
  }

  @Test
  void ocnWithoutBrCannotBeWritten() {
    RuleSet noBr = RuleSet.of(1, List.of(new Domain("d", null, InterfaceIdFormat.DRAFT03, OptionalInt.empty(),
        List.of(Fixtures.RFC_RULE))));
    assertThatThrownBy(() -> RuleSetFormat.OCN.write(noBr)).isInstanceOfSatisfying(MapruleException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.BR_MISSING));
  }

  // ---- HB46PP ----

  @Test
  void hb46ppIgnoresOtherTechnologiesAndExtensions() {
    String doc = """
        {"enabler_name":"VNE","service_name":"IPv4 over IPv6","isp_name":"ISP","ttl":3600,
         "token":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","auth":"ok",
         "order":["dslite","map_e"],
         "dslite":{"aftr":"2001:db8::a"},
         "map_e":{"mesh":true,"br":"2001:db8:ffff::1","x-ext":1,
                  "rules":[{"ipv6":"2001:db8::/40","ipv4":"192.0.2.0/24","ea_length":16,"psid_offset":6,"x":2}]}}
        """;
    RuleSet rs = RuleSetFormat.HB46PP.read(utf8(doc));
    assertThat(rs).isEqualTo(new RuleSet(3600, "VNE", "IPv4 over IPv6", "ISP", List.of(
        new Domain("hb46pp", Ipv6Address.parse("2001:db8:ffff::1"), InterfaceIdFormat.DRAFT03, OptionalInt.empty(),
            List.of(Fixtures.RFC_RULE)))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "true", "false"})
  void hb46ppMeshForms(String mesh) {
    String doc = "{\"enabler_name\":\"e\",\"service_name\":\"s\",\"ttl\":1,\"order\":[\"map_e\"],"
        + "\"map_e\":{\"version\":1,\"mesh\":" + mesh + ",\"rules\":[]}}";
    RuleSet rs = RuleSetFormat.HB46PP.read(utf8(doc));
    assertThat(rs.domains().get(0).interfaceIdFormat()).isEqualTo(InterfaceIdFormat.RFC7597);
    assertThat(rs.domains().get(0).brIpv6Address()).isNull();
  }

  @Test
  void hb46ppWithoutDomainsWritesAnEmptyOrder() {
    assertThat(Fixtures.text(RuleSetFormat.HB46PP.write(RuleSet.of(60, List.of()))))
        .isEqualTo("{\"enabler_name\":\"maprule\",\"service_name\":\"maprule\",\"ttl\":60,\"order\":[]}");
  }

  // ---- names ----

  @Test
  void formatNames() {
    assertThat(RuleSetFormat.fromName("native")).isEqualTo(RuleSetFormat.NATIVE);
    assertThat(RuleSetFormat.fromName("OCN")).isEqualTo(RuleSetFormat.OCN);
    assertThat(RuleSetFormat.fromName("Hb46pp")).isEqualTo(RuleSetFormat.HB46PP);
    for (RuleSetFormat f : RuleSetFormat.values()) {
      assertThat(RuleSetFormat.fromName(f.cliName())).isEqualTo(f);
    }
    for (String bad : new String[] {"json", "", " ocn", null}) {
      assertThatThrownBy(() -> RuleSetFormat.fromName(bad)).isInstanceOfSatisfying(MapruleException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(e.field()).isEqualTo("format");
        assertThat(e.value()).isEqualTo(bad);
      });
    }
  }
}
