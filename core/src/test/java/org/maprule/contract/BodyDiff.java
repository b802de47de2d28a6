package org.maprule.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A readable description of where two bodies differ, shown as UTF-8 text. */
final class BodyDiff {
  private static final int CONTEXT = 60;

  private BodyDiff() {}

  /**
   * Null when the bodies are byte-identical; otherwise the first differing byte offset, a window
   * of each body around it, and both bodies in full (as UTF-8).
   */
  static String describe(byte[] expected, byte[] actual) {
    if (Arrays.equals(expected, actual)) {
      return null;
    }
    int n = Math.min(expected.length, actual.length);
    int at = 0;
    while (at < n && expected[at] == actual[at]) {
      at++;
    }
    return "body: differs at byte " + at + " (expected " + expected.length + " bytes, got "
        + actual.length + ")\n"
        + "  expected …" + window(expected, at) + "…\n"
        + "  actual   …" + window(actual, at) + "…\n"
        + "  expected body: " + text(expected) + "\n"
        + "  actual body:   " + text(actual);
  }

  private static String window(byte[] b, int at) {
    int from = Math.max(0, at - CONTEXT);
    int to = Math.min(b.length, at + CONTEXT);
    return text(Arrays.copyOfRange(b, from, to));
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8).replace("\n", "\\n");
  }
}
