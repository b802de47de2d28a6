package org.maprule.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
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

  static Domain domain(String name, String br, MapRule... rules) {
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
}
