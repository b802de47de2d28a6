package org.maprule.validate;

import java.util.Objects;
import org.maprule.ErrorCode;

/**
 * One problem found in a rule set.
 *
 * @param code stable code
 * @param severity error or warning
 * @param field path of the offending field in the native file's terms, for example
 *     {@code domains[0].rules[3].eaBitLength}; {@code ""} for the whole document
 * @param value the offending value as text (a prefix in canonical form, a number), or null
 * @param message one sentence naming the field and value and saying what is wrong
 */
public record Violation(ErrorCode code, Severity severity, String field, String value, String message) {
  /** Checks non-null code, severity, field and message. */
  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** An error-severity violation. */
  public static Violation error(ErrorCode code, String field, String value, String message) {
    return new Violation(code, Severity.ERROR, field, value, message);
  }

  /** A warning-severity violation. */
  public static Violation warning(ErrorCode code, String field, String value, String message) {
    return new Violation(code, Severity.WARNING, field, value, message);
  }

  /** Whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
