package org.maprule.calc;

import java.util.List;
import java.util.OptionalInt;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/** Small builders for calc tests. */
final class Rules {
  private Rules() {}

  static MapRule rule(String ipv6, String ipv4, int ea, int offset) {
    return new MapRule(Ipv6Prefix.parse(ipv6), Ipv4Prefix.parse(ipv4), ea, offset);
  }

  static Domain domain(String name, InterfaceIdFormat format, Integer endUserPrefixLength, MapRule... rules) {
    return new Domain(name, Ipv6Address.parse("2001:db8:ffff::1"), format,
        endUserPrefixLength == null ? OptionalInt.empty() : OptionalInt.of(endUserPrefixLength), List.of(rules));
  }

  static MapCalculator calculator(Domain... domains) {
    return MapCalculator.of(RuleSet.of(86400, List.of(domains)));
  }

  static Ipv6Prefix p6(String text) {
    return Ipv6Prefix.parse(text);
  }
}
