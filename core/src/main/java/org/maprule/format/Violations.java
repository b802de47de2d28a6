package org.maprule.format;

import java.util.ArrayList;
import java.util.List;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.json.JsonProblems;
import org.maprule.validate.Violation;

/**
 * Collects the problems found while reading one rule-set document as {@link Violation}s with
 * stable codes, so that all of them are reported at once ({@link MapruleException#invalidRuleSet})
 * instead of the first only: the codec's ({@link JsonProblems}, each {@link JsonProblems.Kind}
 * becoming the {@link ErrorCode} of the same name) and the readers' own (a strict address parse
 * that failed, a format rule) in the order found.
 *
 * <p>Two kinds of error are told apart: {@link #error} means a value could not be read (absent,
 * wrong type, unparsable), so no result can be built from the document; {@link #flag} is an
 * error that leaves every value readable (an unknown field, a duplicate member name), so the
 * reader can still build its result and later checks (validation) can report their findings in
 * the same answer. Either kind makes the document invalid.
 *
 * <p>Not thread-safe: one instance per document read.
 */
final class Violations implements JsonProblems {
  private final List<Violation> list = new ArrayList<>();
  private int unreadable;

  /**
   * Records a value that could not be read.
   *
   * @param code stable code
   * @param field path of the field ({@link org.maprule.json.JsonPath}), {@code ""} for the whole document
   * @param value the offending value as text, or null when absent
   * @param message one sentence naming the field and value
   */
  void error(ErrorCode code, String field, String value, String message) {
    list.add(Violation.error(code, field, value, message));
    unreadable++;
  }

  /**
   * Records an error that leaves every value readable (the result can still be built).
   *
   * @param code stable code
   * @param field path of the field
   * @param value the offending value as text, or null
   * @param message one sentence naming the field and value
   */
  void flag(ErrorCode code, String field, String value, String message) {
    list.add(Violation.error(code, field, value, message));
  }

  @Override
  public void error(Kind kind, String path, String value, String message) {
    error(code(kind), path, value, message);
  }

  @Override
  public void flag(Kind kind, String path, String value, String message) {
    flag(code(kind), path, value, message);
  }

  /** The stable code of a codec problem: the one of the same name. */
  static ErrorCode code(Kind kind) {
    return switch (kind) {
      case MALFORMED_JSON -> ErrorCode.MALFORMED_JSON;
      case MISSING_FIELD -> ErrorCode.MISSING_FIELD;
      case WRONG_TYPE -> ErrorCode.WRONG_TYPE;
      case INVALID_VALUE -> ErrorCode.INVALID_VALUE;
      case UNKNOWN_FIELD -> ErrorCode.UNKNOWN_FIELD;
    };
  }

  /**
   * Records a {@link MapruleException} thrown by a strict parser (for example
   * {@link org.maprule.addr.Ipv6Prefix#parse}) as an unreadable value at {@code field}.
   *
   * @param e the exception; its code, value and message are kept
   * @param field path of the field
   */
  void error(MapruleException e, String field) {
    error(e.code(), field, e.value(), e.getMessage());
  }

  /** Whether every value could be read ({@link #error} was never called). */
  boolean allValuesRead() {
    return unreadable == 0;
  }

  /** Whether nothing at all was recorded. */
  boolean isEmpty() {
    return list.isEmpty();
  }

  /** Every violation in the order recorded (a copy). */
  List<Violation> list() {
    return List.copyOf(list);
  }

  /**
   * Throws when anything was recorded.
   *
   * @throws MapruleException {@link ErrorCode#RULE_SET_INVALID} listing every violation
   */
  void throwIfAny() {
    if (!list.isEmpty()) {
      throw MapruleException.invalidRuleSet(list);
    }
  }
}
