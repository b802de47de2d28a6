package org.maprule.json;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maprule.json.JsonProblems.Kind;

/**
 * Reads the members of one JSON object strictly, recording every problem in a {@link JsonProblems}
 * with the member's path instead of stopping at the first: a getter returns the value, or null
 * when the member is absent or could not be read (the violation is then already recorded).
 *
 * <p>Strictness, the same for every reader: {@code null} is never taken for "absent" (it is
 * {@link Kind#WRONG_TYPE}: omit an optional field instead); an integer field takes only an
 * integral JSON number ({@code 16.0}, {@code 1e1} and {@code "16"} are {@code WRONG_TYPE}) that
 * fits a Java int ({@link Kind#INVALID_VALUE} otherwise); a decimal-string field (OCN) takes
 * only a JSON string of ASCII digits without sign, space or leading zero.
 *
 * <p>Every name asked for counts as known; {@link #rejectUnknown()} then reports each other
 * member as {@link Kind#UNKNOWN_FIELD} (a {@link JsonProblems#flag flag}: the document's values
 * stay readable).
 */
public final class JsonFields {
  /** Longest accepted decimal string: 9 digits always fit an int. */
  private static final int MAX_DECIMAL_DIGITS = 9;

  private final JsonObject object;
  private final String path;
  private final JsonProblems out;
  private final Set<String> known = new LinkedHashSet<>();

  private JsonFields(JsonObject object, String path, JsonProblems out) {
    this.object = object;
    this.path = path;
    this.out = out;
  }

  /**
   * A reader over {@code value}, which must be an object.
   *
   * @param value the value, or null when it is absent (its absence is the caller's to report)
   * @param path the value's path, {@code ""} for the document
   * @param out where problems go; a non-object value is recorded as {@link Kind#WRONG_TYPE}
   * @return a reader; over a missing or non-object value every getter returns null silently
   */
  public static JsonFields of(JsonValue value, String path, JsonProblems out) {
    if (value instanceof JsonObject o) {
      return new JsonFields(o, path, out);
    }
    if (value != null) {
      out.error(Kind.WRONG_TYPE, path, value.toJson(100),
          JsonPath.describe(path) + " is " + value.typeName() + "; expected an object");
    }
    return new JsonFields(null, path, out);
  }

  /** Whether the value was an object. */
  public boolean isObject() {
    return object != null;
  }

  /** The path of member {@code name} of this object. */
  public String path(String name) {
    return JsonPath.member(path, name);
  }

  /** Whether member {@code name} is present (it counts as known from now on). */
  public boolean has(String name) {
    known.add(name);
    return object != null && object.members().containsKey(name);
  }

  /**
   * Member {@code name} of any type.
   *
   * @param name the member name
   * @param required whether absence is {@link Kind#MISSING_FIELD}
   * @return the value or null when absent
   */
  public JsonValue value(String name, boolean required) {
    known.add(name);
    if (object == null) {
      return null;
    }
    JsonValue v = object.get(name);
    if (v == null && required) {
      out.error(Kind.MISSING_FIELD, path(name), null, path(name) + " is missing");
    }
    return v;
  }

  /**
   * A string member.
   *
   * @param name the member name
   * @param required whether absence is {@link Kind#MISSING_FIELD}
   * @return the string, or null when absent or not a string ({@link Kind#WRONG_TYPE})
   */
  public String string(String name, boolean required) {
    JsonValue v = value(name, required);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    wrongType(name, v, "a string");
    return null;
  }

  /**
   * An integer member: an integral JSON number in the int range.
   *
   * @param name the member name
   * @param required whether absence is {@link Kind#MISSING_FIELD}
   * @return the value, or null when absent, not an integral number ({@link Kind#WRONG_TYPE})
   *     or outside -2^31..2^31-1 ({@link Kind#INVALID_VALUE})
   */
  public Integer integer(String name, boolean required) {
    JsonValue v = value(name, required);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.integral()) {
      wrongType(name, v, "an integer");
      return null;
    }
    if (!n.fitsInt()) {
      out.error(Kind.INVALID_VALUE, path(name), n.literal(),
          path(name) + " " + n.toJson(40) + " is outside the 32-bit integer range");
      return null;
    }
    return n.bigIntegerValue().intValue();
  }

  /**
   * A non-negative integer sent as a JSON string of decimal digits (the OCN convention):
   * {@code "18"}; not {@code 18}, {@code "+18"}, {@code "018"}, {@code " 18"} or {@code ""}.
   *
   * @param name the member name
   * @param required whether absence is {@link Kind#MISSING_FIELD}
   * @return the value, or null when absent, not a string ({@link Kind#WRONG_TYPE}) or not
   *     1 to 9 ASCII digits without a leading zero ({@link Kind#INVALID_VALUE})
   */
  public Integer decimalString(String name, boolean required) {
    String s = string(name, required);
    if (s == null) {
      return null;
    }
    String reason = null;
    if (s.isEmpty()) {
      reason = "is empty";
    } else if (!s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      reason = "has a character that is not an ASCII digit (no sign, space or fraction allowed)";
    } else if (s.length() > 1 && s.charAt(0) == '0') {
      reason = "has a leading zero";
    } else if (s.length() > MAX_DECIMAL_DIGITS) {
      reason = "is too large (more than " + MAX_DECIMAL_DIGITS + " digits)";
    }
    if (reason != null) {
      out.error(Kind.INVALID_VALUE, path(name), s,
          path(name) + " " + new JsonString(s).toJson(40) + " is not a decimal string: it " + reason);
      return null;
    }
    return Integer.parseInt(s);
  }

  /**
   * An array member.
   *
   * @param name the member name
   * @param required whether absence is {@link Kind#MISSING_FIELD}
   * @return the array, or null when absent or not an array ({@link Kind#WRONG_TYPE})
   */
  public JsonArray array(String name, boolean required) {
    JsonValue v = value(name, required);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    wrongType(name, v, "an array");
    return null;
  }

  /**
   * Records {@link Kind#WRONG_TYPE} for member {@code name}.
   *
   * @param name the member name
   * @param v its value
   * @param expected what it should be, in words ("a string", "0, 1, true or false")
   */
  public void wrongType(String name, JsonValue v, String expected) {
    out.error(Kind.WRONG_TYPE, path(name), v.toJson(100),
        path(name) + " is " + (v instanceof JsonNull ? "null" : v.typeName() + " (" + v.toJson(40) + ")")
            + "; expected " + expected);
  }

  /**
   * Marks names as known without reading them (members accepted and ignored).
   *
   * @param names the member names
   */
  public void allow(String... names) {
    known.addAll(Set.of(names));
  }

  /**
   * Reports every member not asked for (nor {@link #allow allowed}) as
   * {@link Kind#UNKNOWN_FIELD}, suggesting the known name it most likely misspells.
   */
  public void rejectUnknown() {
    if (object == null) {
      return;
    }
    for (Map.Entry<String, JsonValue> e : object.members().entrySet()) {
      if (!known.contains(e.getKey())) {
        String p = path(e.getKey());
        String hint = suggestion(e.getKey());
        out.flag(Kind.UNKNOWN_FIELD, p, e.getValue().toJson(100),
            p + " is not a field of " + JsonPath.describe(path)
                + (hint == null ? "" : "; did you mean '" + hint + "'?")
                + " (known: " + String.join(", ", known) + ")");
      }
    }
  }

  /** The known name within edit distance 2 of {@code name} (case-insensitive), or null. */
  private String suggestion(String name) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal-string-alignment edit distance (a swap of neighbours counts 1). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
