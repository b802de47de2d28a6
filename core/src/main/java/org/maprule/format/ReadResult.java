package org.maprule.format;

import java.util.List;
import org.maprule.rule.RuleSet;
import org.maprule.validate.Violation;

/**
 * What a reader found in one document.
 *
 * @param ruleSet the rule set, or null when some value could not be read; present (and worth
 *     validating) when the only problems leave every value readable (unknown fields, duplicate
 *     names)
 * @param violations every parse problem, all errors, in document order
 */
record ReadResult(RuleSet ruleSet, List<Violation> violations) {
  ReadResult {
    violations = List.copyOf(violations);
  }
}
