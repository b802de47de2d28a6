package org.maprule.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.maprule.ErrorCode;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/** Short builders for rule sets in validator tests (documentation prefixes where possible). */
final class TestRules {
  /** A BR outside every prefix the tests use. */
  static final String BR = "2001:db8:ffff::1";
  /** RFC 7597 Appendix A example 1: 2001:db8::/40 to 192.0.2.0/24, o = 16, a = 6 (k = 8). */
  static final MapRule RFC_EXAMPLE = rule("2001:db8::/40", "192.0.2.0/24", 16, 6);

  private TestRules() {}

  static MapRule rule(String ipv6, String ipv4, int o, int a) {
    return new MapRule(Ipv6Prefix.parse(ipv6), Ipv4Prefix.parse(ipv4), o, a);
  }

  /**
   * A draft-03 domain without an End-user prefix length: the layout every CE format can carry, so
   * that a case's report holds only what the case is about.
   */
  static Domain domain(String name, String br, MapRule... rules) {
    return new Domain(name, br == null ? null : Ipv6Address.parse(br), InterfaceIdFormat.DRAFT03,
        OptionalInt.empty(), Arrays.asList(rules));
  }

  /** An RFC 7597-layout domain (warned about: OCN and JPNE cannot serve it). */
  static Domain rfc7597Domain(String name, String br, MapRule... rules) {
    return new Domain(name, br == null ? null : Ipv6Address.parse(br), InterfaceIdFormat.RFC7597,
        OptionalInt.empty(), Arrays.asList(rules));
  }

  static Domain domain(String name, String br, int endUserPrefixLength, MapRule... rules) {
    return new Domain(name, br == null ? null : Ipv6Address.parse(br), InterfaceIdFormat.DRAFT03,
        OptionalInt.of(endUserPrefixLength), Arrays.asList(rules));
  }

  static Domain withRules(Domain d, List<MapRule> rules) {
    return new Domain(d.name(), d.brIpv6Address(), d.interfaceIdFormat(), d.endUserPrefixLength(), rules);
  }

  static RuleSet set(Domain... domains) {
    return RuleSet.of(86400, Arrays.asList(domains));
  }

  static RuleSet set(int ttl, Domain... domains) {
    return RuleSet.of(ttl, Arrays.asList(domains));
  }

  /** One domain "d" with the standard BR holding {@code rules}. */
  static RuleSet single(MapRule... rules) {
    return set(domain("d", BR, rules));
  }

  /** Compact form of a violation for exact-list assertions: {@code CODE SEVERITY field=value}. */
  static String brief(Violation v) {
    return v.code() + " " + v.severity() + " " + v.field() + "=" + v.value();
  }

  static List<String> briefs(ValidationReport report) {
    List<String> out = new ArrayList<>();
    for (Violation v : report.violations()) {
      out.add(brief(v));
    }
    return out;
  }

  /**
   * The field of the one {@code RFC7597_DOMAIN_NOT_ON_OCN_JPNE} warning each RFC 7597-layout
   * domain of {@code set} must get, in file order.
   */
  static List<String> layoutWarningFields(RuleSet set) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < set.domains().size(); d++) {
      if (set.domains().get(d).interfaceIdFormat() == InterfaceIdFormat.RFC7597) {
        out.add("domains[" + d + "].interfaceIdFormat");
      }
    }
    return out;
  }

  /**
   * The report's violations but the {@code RFC7597_DOMAIN_NOT_ON_OCN_JPNE} warnings, after
   * checking that those are exactly one per RFC 7597-layout domain of {@code set}.
   */
  static List<Violation> withoutLayoutWarnings(RuleSet set, ValidationReport report) {
    List<String> layout = new ArrayList<>();
    List<Violation> rest = new ArrayList<>();
    for (Violation v : report.violations()) {
      if (v.code() == ErrorCode.RFC7597_DOMAIN_NOT_ON_OCN_JPNE) {
        assertThat(v.isError()).as(brief(v)).isFalse();
        assertThat(v.value()).isEqualTo("rfc7597");
        layout.add(v.field());
      } else {
        rest.add(v);
      }
    }
    assertThat(layout).as("layout warnings")
        .isEqualTo(layoutWarningFields(set));
    return rest;
  }
}
