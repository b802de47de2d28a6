package org.maprule.json;

/**
 * One JSON value as read by {@link Json#read}: an immutable tree that keeps what the rule-set
 * readers need to be strict, namely member order, the exact literal of every number (so
 * {@code 16.0} and {@code 1e1} stay distinguishable from {@code 16}) and nothing else.
 *
 * <p>This tree is for reading only; bodies are written with {@link JsonWriter}, never from a tree.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /**
   * The JSON type in words, for messages: {@code an object}, {@code an array}, {@code a string},
   * {@code an integer}, {@code a number with a fraction or exponent}, {@code a boolean},
   * {@code null}.
   */
  String typeName();

  /**
   * Compact JSON text of this value, for messages and the values quoted in
   * {@link JsonProblems} reports (numbers as read, strings escaped as RFC 8259 §7 requires, and
   * an unpaired surrogate escaped as {@code \ud800} so a message shows what was read).
   */
  String toJson();

  /**
   * {@link #toJson()} cut to at most {@code max} characters (an ellipsis marks a cut), so a
   * violation on a large object does not quote the whole document.
   *
   * @param max the most characters returned, at least 2
   * @return the text
   */
  default String toJson(int max) {
    String s = toJson();
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
