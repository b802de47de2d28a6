package org.maprule.calc;

import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.RuleSet;

/**
 * MAP-E calculation for CEs over one validated rule set: BMR selection by longest match across
 * every domain, then RFC 7597 §5.2 and §6. Built once per rule set; thread-safe.
 * STUB: implemented by the calc work package.
 */
public final class MapCalculator {
  private MapCalculator() {}

  /**
   * Indexes a validated rule set.
   *
   * @param ruleSet a rule set with no validation error
   * @return the calculator
   */
  public static MapCalculator of(RuleSet ruleSet) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The CE parameters for an End-user prefix.
   *
   * @param prefix the CE's End-user prefix (or a longer prefix/address inside it)
   * @return the parameters
   * @throws org.maprule.MapruleException {@code NO_MATCHING_RULE} (field {@code prefix}) when no
   *     rule contains it; {@code END_USER_PREFIX_TOO_SHORT} when it is shorter than the BMR's n + o
   */
  public CeParameters calculate(Ipv6Prefix prefix) {
    throw new UnsupportedOperationException("TODO");
  }
}
