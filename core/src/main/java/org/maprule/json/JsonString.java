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

  /**
   * Appends {@code s} as a JSON string literal (RFC 8259 §7: quote, backslash and C0 controls
   * escaped; also U+2028, U+2029 and unpaired surrogates, so the text is always valid Unicode).
   */
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
          boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
          if (paired) {
            b.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
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
