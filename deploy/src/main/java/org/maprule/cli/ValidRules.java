package org.maprule.cli;

import java.io.PrintWriter;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;

/**
 * The rule set a tool command ({@code encode}, {@code lookup}, {@code diff}) works on: read,
 * validated whole, and either returned (warnings are not printed, as in {@code calc}) or refused
 * with every violation on stderr — a command never works on an invalid rule set.
 */
final class ValidRules {
  private ValidRules() {}

  /**
   * Validates {@code bytes}; on an error prints every violation (errors and warnings, the
   * {@code validate} table) and {@code maprule: SOURCE is invalid (N errors); CONSEQUENCE} to
   * {@code err}.
   *
   * @param bytes the document
   * @param format its format (null: native)
   * @param source the file name or {@code built-in example}, for the message
   * @param consequence what is not done, for example {@code nothing encoded}
   * @param err standard error
   * @return the loaded rule set, or null when it is invalid
   */
  static LoadedRuleSet check(byte[] bytes, RuleSetFormat format, String source, String consequence,
      PrintWriter err) {
    RuleCheck check = RuleCheck.of(bytes, format == null ? RuleSetFormat.NATIVE : format);
    if (check.valid()) {
      return check.loaded();
    }
    ViolationTable.print(check.violations(), err);
    err.println("maprule: " + source + " is invalid ("
        + ViolationTable.count(check.errors(), "error") + "); " + consequence);
    err.flush();
    return null;
  }
}
