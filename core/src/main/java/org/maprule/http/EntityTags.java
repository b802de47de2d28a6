package org.maprule.http;

import java.util.List;

/**
 * {@code If-None-Match} evaluation (RFC 9110 §13.1.2, §8.8.3): the field is {@code *} or a
 * comma-separated list of entity-tags ({@code "opaque"} or {@code W/"opaque"}), and a GET/HEAD
 * precondition fails (answer 304) when any listed tag matches the current one by the weak
 * comparison (§8.8.3.2: opaque-tags equal, the {@code W/} prefix ignored) or the field is
 * {@code *}. Several field lines are one list (RFC 9110 §5.3). A malformed member ends the parse
 * and the tags read so far still count; garbage never matches.
 */
final class EntityTags {
  private EntityTags() {}

  /**
   * Whether {@code If-None-Match} matches the current entity-tag.
   *
   * @param fieldValues every {@code If-None-Match} field line, in order (may be empty)
   * @param currentTag the current strong entity-tag with its quotes, for example {@code "abc"}
   * @return true when the answer is 304 Not Modified
   */
  static boolean noneMatchFails(List<String> fieldValues, String currentTag) {
    for (String value : fieldValues) {
      if (matchesList(value, currentTag)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesList(String v, String currentTag) {
    int i = 0;
    int n = v.length();
    while (true) {
      while (i < n && (v.charAt(i) == ' ' || v.charAt(i) == '\t' || v.charAt(i) == ',')) {
        i++;
      }
      if (i >= n) {
        return false;
      }
      if (v.charAt(i) == '*') {
        // "*" is only valid alone, but a list holding it clearly asks "any representation"
        return true;
      }
      if (v.startsWith("W/", i)) {
        i += 2;
      }
      if (i >= n || v.charAt(i) != '"') {
        return false;
      }
      int close = v.indexOf('"', i + 1);
      if (close < 0) {
        return false;
      }
      if (v.regionMatches(i, currentTag, 0, currentTag.length())
          && close + 1 - i == currentTag.length()) {
        return true;
      }
      i = close + 1;
    }
  }
}
