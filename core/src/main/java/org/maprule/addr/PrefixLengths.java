package org.maprule.addr;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/** Strict parsing of the decimal length after the slash of a prefix. */
final class PrefixLengths {
  private PrefixLengths() {}

  /**
   * Parses text[from..] as a prefix length: 1 to 3 ASCII digits, no leading zero (except "0"),
   * at most {@code max}.
   */
  static int parse(String text, int from, int max, String field) {
    int n = text.length();
    int len = n - from;
    String reason = null;
    int value = 0;
    if (len == 0) {
      reason = "has no length after '/'";
    } else if (len > 3) {
      reason = "has a length that is too long";
    } else {
      for (int i = from; i < n; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          reason = "has a length that is not a decimal number";
          break;
        }
        value = value * 10 + (c - '0');
      }
      if (reason == null && len > 1 && text.charAt(from) == '0') {
        reason = "has a length with a leading zero";
      } else if (reason == null && value > max) {
        reason = "has a length greater than " + max;
      }
    }
    if (reason != null) {
      throw new MapruleException(ErrorCode.INVALID_PREFIX, field, text,
          field + " '" + text + "' is not a prefix: it " + reason);
    }
    return value;
  }
}
