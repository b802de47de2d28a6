package org.maprule.json;

import java.math.BigInteger;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one JSON document through Jackson's streaming generator in exactly the order the calls
 * are made: the only way maprule writes JSON (HTTP bodies, problem+json, rule-set files, diffs,
 * Kea snippets, CLI output), so that every transport and tool writes the same bytes for the same
 * value. Obtain one from {@link Json#write} or {@link Json#writeIndented}; the calls must form
 * exactly one complete value, else those throw {@link IllegalStateException}.
 *
 * <p>Only strings, integers (any size), booleans and null can be written: there is no method for
 * floats. Output is UTF-8, non-ASCII characters written as themselves, {@code /} not escaped, C0
 * controls escaped as {@code \n}, {@code \t}, ... or {@code \u001f} (lower-case hex),
 * U+2028/U+2029 escaped so the same bytes are also safe inside JSONP, and an unpaired surrogate
 * in a name or string written as U+FFFD (RFC 7493 §2.1), so no input makes writing fail.
 */
public final class JsonWriter {
  private final JsonGenerator g;

  JsonWriter(JsonGenerator g) {
    this.g = g;
  }

  /**
   * Starts an object: <code>&#123;</code>.
   *
   * @return this writer
   */
  public JsonWriter beginObject() {
    g.writeStartObject();
    return this;
  }

  /**
   * Ends the current object: <code>&#125;</code>.
   *
   * @return this writer
   */
  public JsonWriter endObject() {
    g.writeEndObject();
    return this;
  }

  /**
   * Starts an array: {@code [}.
   *
   * @return this writer
   */
  public JsonWriter beginArray() {
    g.writeStartArray();
    return this;
  }

  /**
   * Ends the current array: {@code ]}.
   *
   * @return this writer
   */
  public JsonWriter endArray() {
    g.writeEndArray();
    return this;
  }

  /**
   * Writes a member name; the next call writes its value.
   *
   * @param name the name, not null
   * @return this writer
   */
  public JsonWriter name(String name) {
    g.writeName(wellFormed(Objects.requireNonNull(name, "name")));
    return this;
  }

  /**
   * Writes a string value.
   *
   * @param value the string, or null to write {@code null}
   * @return this writer
   */
  public JsonWriter value(String value) {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(wellFormed(value));
    }
    return this;
  }

  /**
   * Writes an integer value.
   *
   * @param value the integer
   * @return this writer
   */
  public JsonWriter value(long value) {
    g.writeNumber(value);
    return this;
  }

  /**
   * Writes an integer value of any size (RFC 8259 §6 puts no limit on integers; a reader in
   * JavaScript needs a big-integer parse past 2^53).
   *
   * @param value the integer, not null
   * @return this writer
   */
  public JsonWriter value(BigInteger value) {
    g.writeNumber(Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Writes {@code true} or {@code false}.
   *
   * @param value the boolean
   * @return this writer
   */
  public JsonWriter value(boolean value) {
    g.writeBoolean(value);
    return this;
  }

  /**
   * Writes {@code null}.
   *
   * @return this writer
   */
  public JsonWriter nullValue() {
    g.writeNull();
    return this;
  }

  /**
   * Writes a member with a string value.
   *
   * @param name the name
   * @param value the string, or null to write {@code null}
   * @return this writer
   */
  public JsonWriter field(String name, String value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with an integer value.
   *
   * @param name the name
   * @param value the integer
   * @return this writer
   */
  public JsonWriter field(String name, long value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with an integer value of any size.
   *
   * @param name the name
   * @param value the integer, not null
   * @return this writer
   */
  public JsonWriter field(String name, BigInteger value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with a boolean value.
   *
   * @param name the name
   * @param value the boolean
   * @return this writer
   */
  public JsonWriter field(String name, boolean value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with a string value only when the value is not null.
   *
   * @param name the name
   * @param value the string, or null to write nothing
   * @return this writer
   */
  public JsonWriter fieldIfPresent(String name, String value) {
    return value == null ? this : field(name, value);
  }

  /** {@code s} with every unpaired surrogate replaced by U+FFFD; the same string when it has none. */
  static String wellFormed(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        if (b != null) {
          b.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      b.append('\uFFFD');
    }
    return b == null ? s : b.toString();
  }
}
