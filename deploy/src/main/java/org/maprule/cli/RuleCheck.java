package org.maprule.cli;

import java.util.List;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.validate.Violation;

/**
 * The outcome of reading and validating a rule-set document with {@link RuleSetLoader#load}:
 * either a loaded rule set (warnings only) or every violation found.
 *
 * @param loaded the loaded rule set, or null when it has an error
 * @param violations every violation, errors and warnings, in the order found
 */
record RuleCheck(LoadedRuleSet loaded, List<Violation> violations) {

  /**
   * Reads and validates {@code bytes}.
   *
   * @param bytes the document
   * @param format its format
   * @return the outcome; never throws for bad content
   */
  static RuleCheck of(byte[] bytes, RuleSetFormat format) {
    try {
      LoadedRuleSet loaded = RuleSetLoader.load(bytes, format);
      return new RuleCheck(loaded, loaded.report().violations());
    } catch (MapruleException e) {
      if (e.code() == ErrorCode.RULE_SET_INVALID && !e.violations().isEmpty()) {
        return new RuleCheck(null, e.violations());
      }
      return new RuleCheck(null, List.of(Violation.error(e.code(),
          e.field() == null ? "" : e.field(), e.value(), e.getMessage())));
    }
  }

  /** Whether the rule set can be served (no error). */
  boolean valid() {
    return loaded != null;
  }

  /** The number of errors. */
  long errors() {
    return violations.stream().filter(Violation::isError).count();
  }

  /** The number of warnings. */
  long warnings() {
    return violations.size() - errors();
  }

  /** {@code 2 domains, 3 rules} of the loaded rule set. */
  String sizes() {
    return ViolationTable.count(loaded.ruleSet().domains().size(), "domain") + ", "
        + ViolationTable.count(loaded.ruleSet().ruleCount(), "rule");
  }
}
