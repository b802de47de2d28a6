package org.maprule.calc;

import java.util.Objects;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * A rule together with the domain it belongs to: the answer of a longest-match look-up
 * (RFC 7597 §5: the BMR is the rule whose Rule IPv6 prefix is the longest match).
 *
 * @param domain the domain holding {@code rule}
 * @param rule the matching rule
 */
public record RuleMatch(Domain domain, MapRule rule) {
  /** Checks non-null fields. */
  public RuleMatch {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(rule, "rule");
  }
}
