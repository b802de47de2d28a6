package org.maprule;

import java.util.List;
import java.util.Objects;
import org.maprule.validate.Violation;

/**
 * The one unchecked exception maprule throws for bad input: it carries a stable
 * {@link ErrorCode}, the name of the offending field and the offending value, so that every
 * caller (CLI, HTTP problem+json, tests) can report it without a stack trace.
 *
 * <p>A rule set that fails validation is reported as one exception with code
 * {@link ErrorCode#RULE_SET_INVALID} whose {@link #violations()} lists every problem found.
 */
public final class MapruleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String field;
  private final String value;
  private final List<Violation> violations;

  /**
   * Creates an exception for one bad value.
   *
   * @param code stable code, never null
   * @param field the field or parameter name (for example {@code "ipv6Prefix"}); may be null when
   *     the input has no field names
   * @param value the offending value as received, may be null when absent
   * @param message a human-readable sentence naming the field and the value
   */
  public MapruleException(ErrorCode code, String field, String value, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.field = field;
    this.value = value;
    this.violations = List.of();
  }

  private MapruleException(List<Violation> violations, String message) {
    super(message);
    this.code = ErrorCode.RULE_SET_INVALID;
    this.field = null;
    this.value = null;
    this.violations = List.copyOf(violations);
  }

  /**
   * An exception for a rule set with at least one error-severity violation.
   *
   * @param violations every violation found (errors and warnings), not empty
   * @return an exception with code {@link ErrorCode#RULE_SET_INVALID}
   */
  public static MapruleException invalidRuleSet(List<Violation> violations) {
    long errors = violations.stream().filter(Violation::isError).count();
    return new MapruleException(violations, "rule set is invalid: " + errors + " error(s)");
  }

  /** The stable code. */
  public ErrorCode code() {
    return code;
  }

  /** The offending field or parameter name, or null. */
  public String field() {
    return field;
  }

  /** The offending value as received, or null. */
  public String value() {
    return value;
  }

  /** For {@link ErrorCode#RULE_SET_INVALID}: every violation found; otherwise empty. */
  public List<Violation> violations() {
    return violations;
  }
}
