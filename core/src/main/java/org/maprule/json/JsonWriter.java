package org.maprule.json;

import java.util.Objects;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one JSON document through Jackson's streaming generator in exactly the order the calls
 * are made: the only way maprule writes JSON, so that every transport returns the same bytes.
 * Obtain one from {@link Json#write}; the calls must form exactly one complete value.
 *
 * <p>Only strings, integers, booleans and null can be written: there is no method for floats.
 * Output is compact (no space, no newline), UTF-8, non-ASCII characters written as themselves,
 * {@code /} not escaped, C0 controls escaped as {@code \n}, {@code \t}, ... or {@code \u001f}
 * (lower-case hex), and U+2028/U+2029 escaped so the same bytes are also safe inside JSONP.
 */
public final class JsonWriter {
  private final JsonGenerator g;

  JsonWriter(JsonGenerator g) {
    this.g = g;
  }

  /** Starts an object ({@code {}). */
  public JsonWriter beginObject() {
    g.writeStartObject();
    return this;
  }

  /** Ends the current object ({@code }}). */
  public JsonWriter endObject() {
    g.writeEndObject();
    return this;
  }

  /** Starts an array ({@code [}). */
  public JsonWriter beginArray() {
    g.writeStartArray();
    return this;
  }

  /** Ends the current array ({@code ]}). */
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
    g.writeName(Objects.requireNonNull(name, "name"));
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
      g.writeString(value);
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
   * Writes {@code true} or {@code false}.
   *
   * @param value the boolean
   * @return this writer
   */
  public JsonWriter value(boolean value) {
    g.writeBoolean(value);
    return this;
  }

  /** Writes {@code null}. */
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
}
