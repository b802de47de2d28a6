package org.maprule.cli;

import java.io.PrintWriter;
import java.util.List;
import org.maprule.validate.Violation;

/**
 * Violations for people: one line each, columns aligned —
 * {@code SEVERITY  CODE  field  value  message}; an empty field shows as {@code (document)}, a
 * missing value as {@code -}.
 */
final class ViolationTable {
  private ViolationTable() {}

  /**
   * Prints every violation, in order.
   *
   * @param violations the violations
   * @param out where to print
   */
  static void print(List<Violation> violations, PrintWriter out) {
    int sev = 0;
    int code = 0;
    int field = 0;
    int value = 0;
    for (Violation v : violations) {
      sev = Math.max(sev, v.severity().name().length());
      code = Math.max(code, v.code().name().length());
      field = Math.max(field, field(v).length());
      value = Math.max(value, value(v).length());
    }
    for (Violation v : violations) {
      out.println(pad(v.severity().name(), sev) + "  " + pad(v.code().name(), code) + "  "
          + pad(field(v), field) + "  " + pad(value(v), value) + "  " + v.message());
    }
  }

  private static String field(Violation v) {
    return v.field().isEmpty() ? "(document)" : v.field();
  }

  private static String value(Violation v) {
    return v.value() == null ? "-" : v.value();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** {@code n thing} or {@code n things}. */
  static String count(long n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }
}
