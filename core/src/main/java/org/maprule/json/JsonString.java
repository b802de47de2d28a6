package org.maprule.json;

import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the string with escapes resolved
 */
public record JsonString(String value) implements JsonValue {
  /** Checks non-null. */
  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String typeName() {
    return "a string";
  }

  @Override
  public String toJson() {
    return quote(value, new StringBuilder()).toString();
  }

  /** Appends {@code s} as a JSON string literal (RFC 8259 §7: quote, backslash and C0 escaped). */
  static StringBuilder quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"');
  }
}
