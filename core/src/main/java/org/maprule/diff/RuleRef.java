package org.maprule.diff;

import java.util.Objects;
import org.maprule.rule.MapRule;

/**
 * A rule as it appears in one of the two rule sets.
 *
 * @param domain the domain's name
 * @param index the rule's position in the domain, from 0
 * @param rule the rule
 */
public record RuleRef(String domain, int index, MapRule rule) {
  /** Checks non-null fields. */
  public RuleRef {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(rule, "rule");
  }

  /** {@code domain[index] ipv6Prefix -> ipv4Prefix ea o offset a}. */
  @Override
  public String toString() {
    return domain + "[" + index + "] " + rule.ipv6Prefix() + " -> " + rule.ipv4Prefix() + " ea "
        + rule.eaBitLength() + " offset " + rule.psidOffset();
  }
}
