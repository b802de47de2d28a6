package org.maprule.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/** Rule sets the format tests share, built by hand (not read), so goldens check the writers. */
final class Fixtures {
  private Fixtures() {}

  /** RFC 7597 Appendix A example 1: 2001:db8::/40 -> 192.0.2.0/24, o 16, a 6. */
  static final MapRule RFC_RULE = rule("2001:db8::/40", "192.0.2.0/24", 16, 6);

  /** RFC 7597 Appendix A example 1 as a one-domain rule set, BR 2001:db8:ffff::1, RFC 7597 layout. */
  static final RuleSet RFC = RuleSet.of(86400, List.of(new Domain("rfc", Ipv6Address.parse("2001:db8:ffff::1"),
      InterfaceIdFormat.RFC7597, OptionalInt.empty(), List.of(RFC_RULE))));

  /** The built-in example (core/src/main/resources/org/maprule/example-rules.json), by hand. */
  static final RuleSet EXAMPLE = new RuleSet(86400, "maprule example", "maprule example MAP-E", null, List.of(
      new Domain("example-rfc7597", Ipv6Address.parse("2001:db8:ffff::1"), InterfaceIdFormat.RFC7597,
          OptionalInt.empty(), List.of(RFC_RULE)),
      new Domain("example-draft03", Ipv6Address.parse("2001:db8:ffff::2"), InterfaceIdFormat.DRAFT03,
          OptionalInt.of(56), List.of(
              rule("2001:db8:100::/40", "198.51.100.0/24", 16, 4),
              rule("2001:db8:200::/40", "203.0.113.0/24", 16, 4)))));

  static MapRule rule(String ipv6, String ipv4, int ea, int offset) {
    return new MapRule(Ipv6Prefix.parse(ipv6), Ipv4Prefix.parse(ipv4), ea, offset);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
