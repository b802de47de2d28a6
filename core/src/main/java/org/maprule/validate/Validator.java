package org.maprule.validate;

import org.maprule.rule.RuleSet;

/**
 * Checks a whole rule set against RFC 7597 §5 and DOMAIN.md §7, reporting every violation at
 * once. STUB: implemented by the validate work package.
 */
public final class Validator {
  private Validator() {}

  /**
   * Validates every rule, every domain and the set as a whole.
   *
   * @param ruleSet the rule set as read
   * @return every violation; {@link ValidationReport#isValid()} when there is no error
   */
  public static ValidationReport validate(RuleSet ruleSet) {
    throw new UnsupportedOperationException("TODO");
  }
}
