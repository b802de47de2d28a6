package org.maprule.format;

import org.maprule.ErrorCode;
import org.maprule.calc.CeParameters;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * The CE-facing bodies, byte-exact: every one UTF-8 JSON, fixed field order, no floats, no
 * trailing newline. STUB: implemented by the format work package.
 */
public final class CeFormats {
  private CeFormats() {}

  /**
   * OCN answer (DOMAIN.md §6.2): {@code {"basicMapRules":[{"brIpv6Address":…,"eaBitLength":…,
   * "ipv4Prefix":…,"ipv4PrefixLength":…,"ipv6Prefix":…,"ipv6PrefixLength":…,"psIdOffset":…},…]}}
   * with every value a JSON string, one entry per rule of the domain in file order.
   *
   * @param domain the domain whose rules are sent
   * @return the body
   */
  public static byte[] ocn(Domain domain) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * HB46PP answer (DOMAIN.md §6.1): {@code enabler_name}, {@code service_name}, {@code isp_name}
   * (when set), {@code ttl}, {@code order}, and when {@code mapE} is true {@code map_e} with
   * {@code version}, {@code mesh} 1, {@code br} and at most 256 rules (the BMR always among them).
   *
   * @param ruleSet for names and ttl
   * @param domain the CE's domain, ignored when {@code mapE} is false
   * @param bmr the CE's BMR, ignored when {@code mapE} is false
   * @param mapE whether the CE can do MAP-E; false gives {@code "order":[]} and no {@code map_e}
   * @return the body
   */
  public static byte[] hb46pp(RuleSet ruleSet, Domain domain, MapRule bmr, boolean mapE) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * One {@code maprule calc} object (DESIGN.md §4), also the {@code /calc} body.
   *
   * @param p the calculation
   * @return the JSON object, no trailing newline
   */
  public static byte[] calc(CeParameters p) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The {@code maprule calc} line for a prefix that cannot be mapped:
   * {@code {"prefix":…,"error":{"code":…,"message":…}}}.
   *
   * @param prefix the prefix as given
   * @param code the stable code
   * @param message the message
   * @return the JSON object, no trailing newline
   */
  public static byte[] calcError(String prefix, ErrorCode code, String message) {
    throw new UnsupportedOperationException("TODO");
  }
}
