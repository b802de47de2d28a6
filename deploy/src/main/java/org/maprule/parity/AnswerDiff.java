package org.maprule.parity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How two answers to the same request differ ({@link #of}): the status, the compared headers,
 * the first differing body byte. Pure: no I/O.
 *
 * @param first the first side's answer
 * @param second the second side's answer
 * @param status whether the statuses differ
 * @param headers the compared headers whose values differ, in the order the names were given
 * @param bodyOffset the index of the first differing body byte (the shorter length when one
 *     body is a prefix of the other), or -1 when the bodies are equal
 */
public record AnswerDiff(Answer first, Answer second, boolean status, List<HeaderDiff> headers,
    int bodyOffset) {
  /** Bytes shown before the first difference in {@link #snippet}. */
  public static final int CONTEXT_BEFORE = 24;
  /** Bytes shown from the first difference on in {@link #snippet}. */
  public static final int CONTEXT_AFTER = 48;

  /**
   * One header whose values differ.
   *
   * @param name the header name, lower case
   * @param first its value on the first side, null when absent
   * @param second its value on the second side, null when absent
   */
  public record HeaderDiff(String name, String first, String second) {}

  /** Copies the header list. */
  public AnswerDiff {
    headers = List.copyOf(headers);
  }

  /**
   * Compares two answers: equal when both were answered with the same status, the same values
   * of every header in {@code names} (absent on both counts as equal) and the same body bytes.
   *
   * @param first the first side's answer
   * @param second the second side's answer
   * @param names the compared headers, lower case, in the order differences are listed
   * @return empty when the answers are equal, else how they differ (when either side was not
   *     answered: {@link #unanswered()}, nothing else compared)
   */
  public static Optional<AnswerDiff> of(Answer first, Answer second, List<String> names) {
    if (!first.answered() || !second.answered()) {
      return Optional.of(new AnswerDiff(first, second, false, List.of(), -1));
    }
    List<HeaderDiff> headers = new ArrayList<>();
    for (String name : names) {
      String a = first.headers().get(name);
      String b = second.headers().get(name);
      if (!Objects.equals(a, b)) {
        headers.add(new HeaderDiff(name, a, b));
      }
    }
    boolean status = first.status() != second.status();
    int at = firstDifference(first.body(), second.body());
    if (!status && headers.isEmpty() && at < 0) {
      return Optional.empty();
    }
    return Optional.of(new AnswerDiff(first, second, status, headers, at));
  }

  /**
   * Whether a side gave no answer at all (then nothing else was compared).
   *
   * @return true when either answer has an {@link Answer#error()}
   */
  public boolean unanswered() {
    return !first.answered() || !second.answered();
  }

  /**
   * The index of the first byte that differs.
   *
   * @param a one body
   * @param b the other
   * @return the index; the shorter length when one is a prefix of the other; -1 when equal
   */
  public static int firstDifference(byte[] a, byte[] b) {
    return Arrays.mismatch(a, b);
  }

  /**
   * The bytes around {@code at} as one line of text: up to {@value #CONTEXT_BEFORE} bytes
   * before, {@value #CONTEXT_AFTER} from it, {@code …} where cut, line breaks, tabs and other
   * control characters escaped ({@code \n}, {@code \r}, {@code \t}, {@code \xNN}), and
   * {@code (end)} when the body ends at {@code at}. The bytes are read as UTF-8 (a character cut
   * at either edge shows as U+FFFD).
   *
   * @param body the body
   * @param at an index, 0..body.length
   * @return the snippet
   */
  public static String snippet(byte[] body, int at) {
    int from = Math.max(0, at - CONTEXT_BEFORE);
    int to = Math.min(body.length, at + CONTEXT_AFTER);
    StringBuilder out = new StringBuilder();
    if (from > 0) {
      out.append('…');
    }
    String text = new String(body, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (at >= body.length) {
      out.append("(end)");
    } else if (to < body.length) {
      out.append('…');
    }
    return out.toString();
  }
}
