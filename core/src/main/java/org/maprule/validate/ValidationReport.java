package org.maprule.validate;

import java.util.List;

/**
 * Every violation found in one rule set, errors and warnings together, in the order found.
 *
 * @param violations all violations (immutable copy)
 */
public record ValidationReport(List<Violation> violations) {
  /** Copies the list. */
  public ValidationReport {
    violations = List.copyOf(violations);
  }

  /** Whether no violation is an error (warnings allowed). */
  public boolean isValid() {
    return violations.stream().noneMatch(Violation::isError);
  }

  /** The error-severity violations. */
  public List<Violation> errors() {
    return violations.stream().filter(Violation::isError).toList();
  }

  /** The warning-severity violations. */
  public List<Violation> warnings() {
    return violations.stream().filter(v -> !v.isError()).toList();
  }
}
