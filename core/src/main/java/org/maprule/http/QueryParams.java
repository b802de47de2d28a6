package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * Reading query parameters: the first value counts when a name repeats, unknown names are
 * ignored (HB46PP requires it; every endpoint does it).
 */
final class QueryParams {
  private QueryParams() {}

  /**
   * The first value of a required parameter (possibly empty: emptiness is the caller's check).
   *
   * @throws MapruleException {@link ErrorCode#MISSING_PARAMETER} naming it when absent
   */
  static String required(HttpRequest request, String name) {
    String v = request.queryFirst(name);
    if (v == null) {
      throw new MapruleException(ErrorCode.MISSING_PARAMETER, name, null,
          "query parameter '" + name + "' is required");
    }
    return v;
  }

  /** The first value of an optional parameter, or null. */
  static String optional(HttpRequest request, String name) {
    return request.queryFirst(name);
  }

  /** An {@link ErrorCode#INVALID_PARAMETER} exception; {@code value} null to not echo it. */
  static MapruleException invalid(String name, String value, String why) {
    return new MapruleException(ErrorCode.INVALID_PARAMETER, name, value,
        "query parameter '" + name + "'" + (value == null ? "" : " value '" + value + "'")
            + " is invalid: " + why);
  }

  /**
   * A strict non-negative decimal: 1 to {@code maxDigits} ASCII digits, no sign, no leading zero
   * (except "0" itself), at most {@code max}.
   *
   * @param s the text
   * @param maxDigits most digits accepted, 1..9
   * @param max largest value accepted
   * @return the value, or -1 when the text is not such a decimal
   */
  static int decimal(String s, int maxDigits, int max) {
    if (s.isEmpty() || s.length() > maxDigits || (s.length() > 1 && s.charAt(0) == '0')) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= max ? v : -1;
  }
}
