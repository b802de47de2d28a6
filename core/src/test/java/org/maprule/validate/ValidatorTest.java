package org.maprule.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maprule.validate.TestRules.BR;
import static org.maprule.validate.TestRules.RFC_EXAMPLE;
import static org.maprule.validate.TestRules.briefs;
import static org.maprule.validate.TestRules.domain;
import static org.maprule.validate.TestRules.rfc7597Domain;
import static org.maprule.validate.TestRules.rule;
import static org.maprule.validate.TestRules.set;
import static org.maprule.validate.TestRules.single;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * One focused case per check of docs/domain.md §7: a minimal rule set that triggers exactly that
 * violation, next to its nearest valid neighbour (boundary values). Each case lists the complete
 * report as {@code CODE SEVERITY field=value}.
 */
class ValidatorTest {
  private static final String R0 = "domains[0].rules[0].";
  private static final String R1 = "domains[0].rules[1].";

  private static Arguments c(String name, RuleSet set, String... expected) {
    return Arguments.of(name, set, List.of(expected));
  }

  private static MapRule rfc(int o, int a) {
    return rule("2001:db8::/40", "192.0.2.0/24", o, a);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c("RFC 7597 example 1 is clean", single(RFC_EXAMPLE)),
        // ---- ttl ----
        c("ttl 1 ok", set(1, domain("d", BR, RFC_EXAMPLE))),
        c("ttl 604800 ok", set(604800, domain("d", BR, RFC_EXAMPLE))),
        c("ttl 604801", set(604801, domain("d", BR, RFC_EXAMPLE)), "TTL_OUT_OF_RANGE ERROR ttl=604801"),
        c("ttl 0", set(0, domain("d", BR, RFC_EXAMPLE)), "TTL_OUT_OF_RANGE ERROR ttl=0"),
        c("ttl -1", set(-1, domain("d", BR, RFC_EXAMPLE)), "TTL_OUT_OF_RANGE ERROR ttl=-1"),
        c("ttl MIN_VALUE", set(Integer.MIN_VALUE, domain("d", BR, RFC_EXAMPLE)),
            "TTL_OUT_OF_RANGE ERROR ttl=" + Integer.MIN_VALUE),
        // ---- o ----
        c("o 48 ok (r 0, k 16, a 0 only warns)", single(rule("2000::/16", "0.0.0.0/0", 48, 0)),
            "PSID_ZERO_SYSTEM_PORTS WARNING " + R0 + "psidOffset=0"),
        c("o 49", single(rule("2000::/16", "0.0.0.0/0", 49, 0)),
            "EA_BITS_OUT_OF_RANGE ERROR " + R0 + "eaBitLength=49"),
        c("o -1", single(rfc(-1, 6)), "EA_BITS_OUT_OF_RANGE ERROR " + R0 + "eaBitLength=-1"),
        c("o 200", single(rfc(200, 6)), "EA_BITS_OUT_OF_RANGE ERROR " + R0 + "eaBitLength=200"),
        c("o MAX_VALUE", single(rfc(Integer.MAX_VALUE, 6)),
            "EA_BITS_OUT_OF_RANGE ERROR " + R0 + "eaBitLength=" + Integer.MAX_VALUE),
        c("o MIN_VALUE", single(rfc(Integer.MIN_VALUE, 6)),
            "EA_BITS_OUT_OF_RANGE ERROR " + R0 + "eaBitLength=" + Integer.MIN_VALUE),
        // ---- n + o ----
        c("n + o 128 only warns", single(rule("2001:db8::/99", "198.51.0.0/16", 29, 3)),
            "EA_BITS_BEYOND_64 WARNING " + R0 + "eaBitLength=29"),
        c("n + o 129", single(rule("2001:db8::/100", "198.51.0.0/16", 29, 3)),
            "EA_BITS_EXCEED_IPV6 ERROR " + R0 + "eaBitLength=29"),
        c("n 128 o 0 r 32 ok", single(rule("2001:db8::1/128", "192.0.2.1/32", 0, 6)),
            "EA_BITS_BEYOND_64 WARNING " + R0 + "eaBitLength=0"),
        c("n 128 o 1", single(rule("2001:db8::1/128", "192.0.2.1/32", 1, 6)),
            "EA_BITS_EXCEED_IPV6 ERROR " + R0 + "eaBitLength=1"),
        c("n + o 64 no warning", single(rule("2001:db8::/48", "192.0.2.0/24", 16, 6))),
        c("n + o 65 warns", single(rule("2001:db8::/49", "192.0.2.0/24", 16, 6)),
            "EA_BITS_BEYOND_64 WARNING " + R0 + "eaBitLength=16"),
        // ---- a ----
        c("a 15 with k 0 ok", single(rfc(8, 15))),
        c("a 16", single(rfc(8, 16)), "PSID_OFFSET_OUT_OF_RANGE ERROR " + R0 + "psidOffset=16"),
        c("a -1", single(rfc(16, -1)), "PSID_OFFSET_OUT_OF_RANGE ERROR " + R0 + "psidOffset=-1"),
        c("a MIN_VALUE", single(rfc(16, Integer.MIN_VALUE)),
            "PSID_OFFSET_OUT_OF_RANGE ERROR " + R0 + "psidOffset=" + Integer.MIN_VALUE),
        // ---- k ----
        c("k 16 ok (a 0 warns)", single(rule("2001:db8::/40", "192.0.2.1/32", 16, 0)),
            "PSID_ZERO_SYSTEM_PORTS WARNING " + R0 + "psidOffset=0"),
        c("k 17", single(rule("2001:db8::/40", "192.0.2.1/32", 17, 0)),
            "PSID_LENGTH_TOO_LONG ERROR " + R0 + "eaBitLength=17"),
        c("a + k 16 ok", single(rfc(16, 8))),
        c("a + k 17", single(rfc(16, 9)), "PSID_EXCEEDS_PORT_BITS ERROR " + R0 + "psidOffset=9"),
        c("a 15 + k 8: root cause a + k", single(rfc(16, 15)),
            "PSID_EXCEEDS_PORT_BITS ERROR " + R0 + "psidOffset=15"),
        c("k 0 ok", single(rfc(8, 6))),
        c("k -1 warns", single(rfc(7, 6)), "IPV4_PREFIX_PER_CE WARNING " + R0 + "eaBitLength=7"),
        c("o 0 r 24 warns one-to-one", single(rule("2001:db8::/56", "192.0.2.0/24", 0, 6)),
            "ONE_TO_ONE_PREFIX WARNING " + R0 + "eaBitLength=0"),
        c("o 0 r 32 ok", single(rule("2001:db8::/56", "192.0.2.1/32", 0, 6))),
        c("a 0 k 8 warns", single(rfc(16, 0)), "PSID_ZERO_SYSTEM_PORTS WARNING " + R0 + "psidOffset=0"),
        c("a 1 k 8 ok", single(rfc(16, 1))),
        c("a 0 k 0 ok", single(rfc(8, 0))),
        // ---- domain ----
        c("no rules", set(domain("d", BR)), "NO_RULES ERROR domains[0].rules=[]"),
        c("name 64 chars ok", set(domain("x".repeat(64), BR, RFC_EXAMPLE))),
        c("name of every allowed class ok", set(domain("Az09._-", BR, RFC_EXAMPLE))),
        c("name 65 chars", set(domain("x".repeat(65), BR, RFC_EXAMPLE)),
            "INVALID_DOMAIN_NAME ERROR domains[0].name=" + "x".repeat(65)),
        c("name empty", set(domain("", BR, RFC_EXAMPLE)), "INVALID_DOMAIN_NAME ERROR domains[0].name="),
        c("name with space", set(domain("a b", BR, RFC_EXAMPLE)),
            "INVALID_DOMAIN_NAME ERROR domains[0].name=a b"),
        c("name with slash", set(domain("a/b", BR, RFC_EXAMPLE)),
            "INVALID_DOMAIN_NAME ERROR domains[0].name=a/b"),
        c("name non-ASCII", set(domain("ドメイン", BR, RFC_EXAMPLE)),
            "INVALID_DOMAIN_NAME ERROR domains[0].name=ドメイン"),
        c("names x and X are distinct", set(domain("x", BR, RFC_EXAMPLE),
            domain("X", "2001:db8:fffe::1", rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6)))),
        c("duplicate name", set(domain("x", BR, RFC_EXAMPLE),
            domain("x", "2001:db8:fffe::1", rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6))),
            "DUPLICATE_DOMAIN_NAME ERROR domains[1].name=x"),
        c("BR missing", set(domain("d", null, RFC_EXAMPLE)),
            "BR_MISSING ERROR domains[0].brIpv6Address=null"),
        c("BR 2000::1 ok", set(domain("d", "2000::1", RFC_EXAMPLE))),
        c("BR 3fff:ffff:… ok", set(domain("d", "3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", RFC_EXAMPLE))),
        c("BR link-local", set(domain("d", "fe80::1", RFC_EXAMPLE)),
            "BR_NOT_GLOBAL_UNICAST ERROR domains[0].brIpv6Address=fe80::1"),
        c("BR loopback", set(domain("d", "::1", RFC_EXAMPLE)),
            "BR_NOT_GLOBAL_UNICAST ERROR domains[0].brIpv6Address=::1"),
        c("BR ULA", set(domain("d", "fc00::1", RFC_EXAMPLE)),
            "BR_NOT_GLOBAL_UNICAST ERROR domains[0].brIpv6Address=fc00::1"),
        c("BR 4000::1", set(domain("d", "4000::1", RFC_EXAMPLE)),
            "BR_NOT_GLOBAL_UNICAST ERROR domains[0].brIpv6Address=4000::1"),
        c("BR IPv4-mapped", set(domain("d", "::ffff:192.0.2.1", RFC_EXAMPLE)),
            "BR_NOT_GLOBAL_UNICAST ERROR domains[0].brIpv6Address=::ffff:192.0.2.1"),
        c("BR inside its rule", set(domain("d", "2001:db8::1", RFC_EXAMPLE)),
            "BR_INSIDE_RULE_PREFIX ERROR domains[0].brIpv6Address=2001:db8::1"),
        c("BR last address of the rule", set(domain("d", "2001:db8:ff:ffff:ffff:ffff:ffff:ffff", RFC_EXAMPLE)),
            "BR_INSIDE_RULE_PREFIX ERROR domains[0].brIpv6Address=2001:db8:ff:ffff:ffff:ffff:ffff:ffff"),
        c("BR just past the rule ok", set(domain("d", "2001:db8:100::", RFC_EXAMPLE))),
        c("BR inside another domain's rule", set(domain("a", BR, RFC_EXAMPLE),
            domain("b", "2001:db8:12::1", rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6))),
            "BR_INSIDE_RULE_PREFIX ERROR domains[1].brIpv6Address=2001:db8:12::1"),
        c("End-user prefix length 56 = n + o ok", set(domain("d", BR, 56, RFC_EXAMPLE))),
        c("End-user prefix length 128 ok", set(domain("d", BR, 128, RFC_EXAMPLE))),
        c("End-user prefix length 55 < n + o", set(domain("d", BR, 55, RFC_EXAMPLE)),
            "END_USER_PREFIX_LENGTH_INVALID ERROR domains[0].endUserPrefixLength=55"),
        c("End-user prefix length 0", set(domain("d", BR, 0, RFC_EXAMPLE)),
            "END_USER_PREFIX_LENGTH_INVALID ERROR domains[0].endUserPrefixLength=0"),
        c("End-user prefix length 129", set(domain("d", BR, 129, RFC_EXAMPLE)),
            "END_USER_PREFIX_LENGTH_INVALID ERROR domains[0].endUserPrefixLength=129"),
        c("End-user prefix length 1 with n + o 1 ok", set(domain("d", BR, 1,
            rule("8000::/1", "192.0.2.1/32", 0, 6)))),
        c("End-user prefix length ignores a broken rule's n + o", set(domain("d", BR, 56, RFC_EXAMPLE,
            rule("2001:db8:100::/40", "198.51.100.0/24", 99, 6))),
            "EA_BITS_OUT_OF_RANGE ERROR " + R1 + "eaBitLength=99"),
        c("same n + o in a domain ok", single(RFC_EXAMPLE, rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6))),
        c("mixed n + o warns", single(RFC_EXAMPLE, rule("2001:db8:100::/40", "198.51.0.0/16", 24, 6)),
            "END_USER_PREFIX_LENGTH_MIXED WARNING domains[0].rules=56,64"),
        c("256 rules ok", single(manyRules(256).toArray(MapRule[]::new))),
        c("257 rules warn", single(manyRules(257).toArray(MapRule[]::new)),
            "HB46PP_RULES_TRIMMED WARNING domains[0].rules=257"),
        // ---- rule set ----
        c("no domains", set(), "NO_DOMAINS ERROR domains=[]"),
        // ---- IPv6 overlap and redundancy ----
        c("adjacent /40s ok", single(RFC_EXAMPLE, rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6))),
        c("/48 inside /40, other mapping", single(RFC_EXAMPLE, rule("2001:db8::/48", "198.51.100.0/24", 8, 6)),
            "IPV6_RULE_OVERLAP ERROR " + R1 + "ipv6Prefix=2001:db8::/48"),
        c("reported on the later rule", single(rule("2001:db8::/48", "198.51.100.0/24", 8, 6), RFC_EXAMPLE),
            "IPV6_RULE_OVERLAP ERROR " + R1 + "ipv6Prefix=2001:db8::/40"),
        c("same IPv6 prefix, other IPv4, same domain",
            single(RFC_EXAMPLE, rule("2001:db8::/40", "198.51.100.0/24", 16, 6)),
            "IPV6_RULE_OVERLAP ERROR " + R1 + "ipv6Prefix=2001:db8::/40"),
        c("same IPv6 prefix in two domains", set(domain("a", BR, RFC_EXAMPLE),
            domain("b", "2001:db8:fffe::1", rule("2001:db8::/40", "198.51.100.0/24", 16, 6))),
            "IPV6_RULE_OVERLAP ERROR domains[1].rules[0].ipv6Prefix=2001:db8::/40"),
        c("same rule in two domains", set(domain("a", BR, RFC_EXAMPLE),
            domain("b", "2001:db8:fffe::1", RFC_EXAMPLE)),
            "IPV6_RULE_OVERLAP ERROR domains[1].rules[0].ipv6Prefix=2001:db8::/40",
            "IPV4_RULE_OVERLAP ERROR domains[1].rules[0].ipv4Prefix=192.0.2.0/24"),
        c("exact duplicate in one domain is redundant", single(RFC_EXAMPLE, RFC_EXAMPLE),
            "REDUNDANT_RULE WARNING " + R1 + "ipv6Prefix=2001:db8::/40"),
        c("nested equivalent /41 is redundant",
            single(RFC_EXAMPLE, rule("2001:db8:80::/41", "192.0.2.128/25", 15, 6)),
            "REDUNDANT_RULE WARNING " + R1 + "ipv6Prefix=2001:db8:80::/41"),
        c("nested equivalent first in the file",
            single(rule("2001:db8:80::/41", "192.0.2.128/25", 15, 6), RFC_EXAMPLE),
            "REDUNDANT_RULE WARNING " + R1 + "ipv6Prefix=2001:db8::/40"),
        c("nested equivalent using every IPv4-suffix bit",
            single(RFC_EXAMPLE, rule("2001:db8:ff::/48", "192.0.2.255/32", 8, 6)),
            "REDUNDANT_RULE WARNING " + R1 + "ipv6Prefix=2001:db8:ff::/48"),
        c("nested, wrong IPv4 half", single(RFC_EXAMPLE, rule("2001:db8:80::/41", "192.0.2.0/25", 15, 6)),
            "IPV6_RULE_OVERLAP ERROR " + R1 + "ipv6Prefix=2001:db8:80::/41",
            "IPV4_RULE_OVERLAP ERROR " + R1 + "ipv4Prefix=192.0.2.0/25"),
        c("nested, other PSID offset", single(RFC_EXAMPLE, rule("2001:db8:80::/41", "192.0.2.128/25", 15, 4)),
            "IPV6_RULE_OVERLAP ERROR " + R1 + "ipv6Prefix=2001:db8:80::/41",
            "IPV4_RULE_OVERLAP ERROR " + R1 + "ipv4Prefix=192.0.2.128/25"),
        c("nested, other n + o", single(RFC_EXAMPLE, rule("2001:db8:80::/41", "192.0.2.128/26", 16, 6)),
            "END_USER_PREFIX_LENGTH_MIXED WARNING domains[0].rules=56,57",
            "IPV6_RULE_OVERLAP ERROR " + R1 + "ipv6Prefix=2001:db8:80::/41",
            "IPV4_RULE_OVERLAP ERROR " + R1 + "ipv4Prefix=192.0.2.128/26"),
        c("nested equivalent in another domain is an overlap", set(domain("a", BR, RFC_EXAMPLE),
            domain("b", "2001:db8:fffe::1", rule("2001:db8:80::/41", "192.0.2.128/25", 15, 6))),
            "IPV6_RULE_OVERLAP ERROR domains[1].rules[0].ipv6Prefix=2001:db8:80::/41",
            "IPV4_RULE_OVERLAP ERROR domains[1].rules[0].ipv4Prefix=192.0.2.128/25"),
        c("chain of three nested equivalents: three pairs", single(RFC_EXAMPLE,
            rule("2001:db8:80::/41", "192.0.2.128/25", 15, 6), rule("2001:db8:c0::/42", "192.0.2.192/26", 14, 6)),
            "REDUNDANT_RULE WARNING " + R1 + "ipv6Prefix=2001:db8:80::/41",
            "REDUNDANT_RULE WARNING domains[0].rules[2].ipv6Prefix=2001:db8:c0::/42",
            "REDUNDANT_RULE WARNING domains[0].rules[2].ipv6Prefix=2001:db8:c0::/42"),
        // ---- IPv4 overlap ----
        c("IPv4 /25 inside /24", single(RFC_EXAMPLE, rule("2001:db8:100::/40", "192.0.2.0/25", 16, 6)),
            "IPV4_RULE_OVERLAP ERROR " + R1 + "ipv4Prefix=192.0.2.0/25"),
        c("IPv4 overlap across domains", set(domain("a", BR, RFC_EXAMPLE),
            domain("b", "2001:db8:fffe::1", rule("2001:db8:100::/40", "192.0.2.128/25", 15, 6))),
            "IPV4_RULE_OVERLAP ERROR domains[1].rules[0].ipv4Prefix=192.0.2.128/25"),
        c("adjacent IPv4 /24s ok", single(RFC_EXAMPLE, rule("2001:db8:100::/40", "192.0.3.0/24", 16, 6))),
        // ---- interface-id layout: OCN and JPNE cannot carry RFC 7597 ----
        c("draft03 domain: no layout warning", set(domain("d", BR, RFC_EXAMPLE))),
        c("RFC 7597 domain warns once, however many rules",
            set(rfc7597Domain("d", BR, RFC_EXAMPLE, rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6))),
            "RFC7597_DOMAIN_NOT_ON_OCN_JPNE WARNING domains[0].interfaceIdFormat=rfc7597"),
        c("only the RFC 7597 domain of a mixed set warns", set(domain("a", BR, RFC_EXAMPLE),
            rfc7597Domain("b", "2001:db8:fffe::1", rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6))),
            "RFC7597_DOMAIN_NOT_ON_OCN_JPNE WARNING domains[1].interfaceIdFormat=rfc7597"),
        c("layout warning comes after the domain's errors, before its rules'",
            set(rfc7597Domain("d", null, rule("2001:db8::/40", "192.0.2.0/24", 49, 6))),
            "BR_MISSING ERROR domains[0].brIpv6Address=null",
            "RFC7597_DOMAIN_NOT_ON_OCN_JPNE WARNING domains[0].interfaceIdFormat=rfc7597",
            "EA_BITS_OUT_OF_RANGE ERROR " + R0 + "eaBitLength=49"));
  }

  /** {@code count} disjoint rules 2001:db8:i::/48 → 10.i.0/24 with o 16 (n + o 64), a 4. */
  static List<MapRule> manyRules(int count) {
    List<MapRule> rules = new ArrayList<>();
    Ipv6Address base = Ipv6Address.parse("2001:db8::");
    for (int i = 0; i < count; i++) {
      rules.add(new MapRule(Ipv6Prefix.of(base.withBits(32, 16, i), 48),
          Ipv4Prefix.of(Ipv4Address.of((10 << 24) | (i << 8)), 24), 16, 4));
    }
    return rules;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactly(String name, RuleSet set, List<String> expected) {
    ValidationReport report = Validator.validate(set);
    assertThat(briefs(report)).containsExactlyElementsOf(expected);
    assertThat(report.isValid()).isEqualTo(expected.stream().noneMatch(e -> e.contains(" ERROR ")));
    for (Violation v : report.violations()) {
      assertThat(v.message()).as("message names the field").contains(v.field());
      if (v.value() != null) {
        assertThat(v.message()).as("message names the value").contains(v.value());
      }
      assertThat(v.severity()).as("severity of " + v.code())
          .isEqualTo(WARNINGS.contains(v.code()) ? Severity.WARNING : Severity.ERROR);
    }
  }

  private static final List<ErrorCode> WARNINGS = List.of(ErrorCode.EA_BITS_BEYOND_64,
      ErrorCode.IPV4_PREFIX_PER_CE, ErrorCode.ONE_TO_ONE_PREFIX, ErrorCode.PSID_ZERO_SYSTEM_PORTS,
      ErrorCode.REDUNDANT_RULE, ErrorCode.END_USER_PREFIX_LENGTH_MIXED, ErrorCode.HB46PP_RULES_TRIMMED,
      ErrorCode.RFC7597_DOMAIN_NOT_ON_OCN_JPNE);

  @Test
  void layoutWarningNamesTheDomainAndWhereItsCesShouldGo() {
    ValidationReport report = Validator.validate(set(rfc7597Domain("lab", BR, RFC_EXAMPLE)));
    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).singleElement().satisfies(v -> assertThat(v.message())
        .contains("'lab'", "/hb46pp", "/calc?format=openwrt", "INTERFACE_ID_FORMAT_NOT_CARRIED"));
  }

  @Test
  void overlapMessageNamesTheEarlierRule() {
    ValidationReport report = Validator.validate(single(RFC_EXAMPLE, rule("2001:db8::/48", "198.51.100.0/24", 8, 6)));
    assertThat(report.violations()).singleElement().satisfies(v -> assertThat(v.message())
        .contains("domains[0].rules[0]").contains("2001:db8::/40").contains("2001:db8::/48"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    RuleSet set = RuleSet.of(0, List.of(
        domain("bad name", null, 40, rfc(49, 6), rule("2001:db8:100::/40", "198.51.100.0/24", 16, 16),
            rule("2001:db8:100::/48", "203.0.113.0/24", 8, 6)),
        domain("bad name", "fe80::1"),
        domain("ok", "2001:db8:100::1", 56, rule("2001:db8:200::/40", "198.51.100.128/25", 15, 0))));
    ValidationReport report = Validator.validate(set);
    assertThat(briefs(report)).containsExactly(
        "TTL_OUT_OF_RANGE ERROR ttl=0",
        "INVALID_DOMAIN_NAME ERROR domains[0].name=bad name",
        "BR_MISSING ERROR domains[0].brIpv6Address=null",
        "END_USER_PREFIX_LENGTH_INVALID ERROR domains[0].endUserPrefixLength=40",
        "EA_BITS_OUT_OF_RANGE ERROR domains[0].rules[0].eaBitLength=49",
        "PSID_OFFSET_OUT_OF_RANGE ERROR domains[0].rules[1].psidOffset=16",
        "IPV6_RULE_OVERLAP ERROR domains[0].rules[2].ipv6Prefix=2001:db8:100::/48",
        "INVALID_DOMAIN_NAME ERROR domains[1].name=bad name",
        "DUPLICATE_DOMAIN_NAME ERROR domains[1].name=bad name",
        "BR_NOT_GLOBAL_UNICAST ERROR domains[1].brIpv6Address=fe80::1",
        "NO_RULES ERROR domains[1].rules=[]",
        "BR_INSIDE_RULE_PREFIX ERROR domains[2].brIpv6Address=2001:db8:100::1",
        "PSID_ZERO_SYSTEM_PORTS WARNING domains[2].rules[0].psidOffset=0",
        "IPV4_RULE_OVERLAP ERROR domains[2].rules[0].ipv4Prefix=198.51.100.128/25");
    assertThat(report.isValid()).isFalse();
    assertThat(report.errors()).hasSize(13);
    assertThat(report.warnings()).hasSize(1);
  }

  @Test
  void brInsideNestedRulesNamesTheLongestMatch() {
    ValidationReport report = Validator.validate(set(domain("d", "2001:db8:ff::1", RFC_EXAMPLE,
        rule("2001:db8:ff::/48", "192.0.2.255/32", 8, 6))));
    assertThat(report.errors()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ErrorCode.BR_INSIDE_RULE_PREFIX);
      assertThat(v.message()).contains("domains[0].rules[1]").contains("1 other rule");
    });
  }

  @Test
  void largeDisjointSetHasOnlyTheSizeWarning() {
    // 20000 rules: a pairwise check would make 2·10^8 comparisons; the sweep makes ~3·10^5
    ValidationReport report = Validator.validate(single(manyRules(20_000).toArray(MapRule[]::new)));
    assertThat(briefs(report)).containsExactly("HB46PP_RULES_TRIMMED WARNING domains[0].rules=20000");
  }

  @Test
  void neverThrowsOnOddValues() {
    int[] odd = {Integer.MIN_VALUE, -129, -1, 0, 1, 15, 16, 17, 32, 33, 48, 49, 64, 65, 127, 128, 129,
        200, Integer.MAX_VALUE};
    for (int o : odd) {
      for (int a : odd) {
        for (MapRule r : List.of(rfc(o, a), rule("2001:db8::1/128", "192.0.2.1/32", o, a),
            rule("::/0", "0.0.0.0/0", o, a))) {
          // the rule twice (a pair for the overlap checks) plus a nested neighbour
          Validator.validate(set(o, domain("d", BR, a, r, r, rfc(16, 6))));
        }
      }
    }
    ValidationReport report = Validator.validate(set(0, domain("d", BR, 0, rfc(Integer.MIN_VALUE,
        Integer.MAX_VALUE))));
    assertThat(report.errors()).extracting(Violation::code).containsExactly(ErrorCode.TTL_OUT_OF_RANGE,
        ErrorCode.END_USER_PREFIX_LENGTH_INVALID, ErrorCode.EA_BITS_OUT_OF_RANGE,
        ErrorCode.PSID_OFFSET_OUT_OF_RANGE);
  }
}
