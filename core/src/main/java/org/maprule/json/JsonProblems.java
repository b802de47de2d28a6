package org.maprule.json;

/**
 * Where {@link Json#read} and {@link JsonFields} report what is wrong with a document, so that
 * every problem is reported instead of the first only. The codec knows nothing of what the
 * document means; the caller turns each problem into its own error type (the rule-set readers
 * into violations with stable codes named like the {@link Kind}s).
 *
 * <p>Two kinds of report are told apart: {@link #error} means a value could not be read (absent,
 * wrong type, not well-formed), so no result can be built from the document; {@link #flag} is a
 * problem that leaves every value readable (an unknown member, a duplicate member name, an
 * unpaired surrogate), so the reader can still build its result. Either makes the document
 * invalid.
 *
 * <p>Paths are {@link JsonPath} paths, {@code ""} for the whole document; values are the
 * offending value as compact JSON text cut to 100 characters ({@link JsonValue#toJson(int)}), an
 * offending byte sequence in hex, or null; messages are one sentence naming the path and value.
 */
public interface JsonProblems {

  /** What is wrong. */
  enum Kind {
    /**
     * The document is not one well-formed UTF-8 JSON value (RFC 8259 §2, §8.1), starts with a
     * byte order mark, has a duplicate member name (RFC 7493 §2.3) or an unpaired surrogate
     * (RFC 7493 §2.1).
     */
    MALFORMED_JSON,
    /** A required member is absent. */
    MISSING_FIELD,
    /** A member has the wrong JSON type (a number where a string is required, {@code null}). */
    WRONG_TYPE,
    /** A member has the right type but a value the reader does not accept (out of range). */
    INVALID_VALUE,
    /** A member the reader did not ask for ({@link JsonFields#rejectUnknown()}). */
    UNKNOWN_FIELD
  }

  /**
   * Records a value that could not be read.
   *
   * @param kind what is wrong
   * @param path the value's path, {@code ""} for the document
   * @param value the offending value as text, or null when absent
   * @param message one sentence naming the path and value
   */
  void error(Kind kind, String path, String value, String message);

  /**
   * Records a problem that leaves every value readable (the result can still be built).
   *
   * @param kind what is wrong
   * @param path the value's path
   * @param value the offending value as text, or null
   * @param message one sentence naming the path and value
   */
  void flag(Kind kind, String path, String value, String message);
}
