package org.maprule.validate;

import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.MapRule;

/**
 * A rule with its place in the file, for the checks that compare rules across the whole set.
 *
 * @param domain index of the domain in {@code domains[]}, from 0
 * @param index index of the rule in that domain's {@code rules[]}, from 0
 * @param order position of the rule over the whole file (domain by domain, rule by rule), from 0:
 *     "earlier" and "later" in reports mean lower and higher {@code order}
 * @param rule the rule
 */
record LocatedRule(int domain, int index, int order, MapRule rule) {

  /** The rule's IPv6 prefix. */
  Ipv6Prefix ipv6() {
    return rule.ipv6Prefix();
  }

  /** The rule's IPv4 prefix. */
  Ipv4Prefix ipv4() {
    return rule.ipv4Prefix();
  }

  /** The rule's path in the native file, for example {@code domains[0].rules[3]}. */
  String path() {
    return "domains[" + domain + "].rules[" + index + "]";
  }

  /** The path of one of the rule's fields, for example {@code domains[0].rules[3].ipv6Prefix}. */
  String path(String field) {
    return path() + "." + field;
  }

  /** Short description for messages: {@code domains[0].rules[3] (2001:db8::/40 -> 192.0.2.0/24)}. */
  String describe() {
    return path() + " (" + rule.ipv6Prefix() + " -> " + rule.ipv4Prefix() + ", eaBitLength "
        + rule.eaBitLength() + ", psidOffset " + rule.psidOffset() + ")";
  }

  /**
   * Whether o and n + o are usable (0 ≤ o ≤ 48 and n + o ≤ 128), so that n + o means a real
   * End-user prefix length.
   */
  boolean eaBitsSound() {
    int o = rule.eaBitLength();
    return o >= 0 && o <= 48 && rule.endUserPrefixLength() <= 128;
  }
}
