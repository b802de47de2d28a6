package org.maprule.uri;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request target as sent on the request line (RFC 9112 §3.2), split into its raw path
 * and raw query; {@link #path()} and {@link #query()} decode them with {@link PercentCodec}.
 *
 * <p>Forms: origin-form {@code /calc?prefix=2001:db8::/56} (the path is everything before the
 * first {@code ?}, so {@code //get_rules} is the path {@code //get_rules}, never an authority);
 * absolute-form {@code http://maprule.example/calc?prefix=…} (RFC 9112 §3.2.2: the scheme and
 * authority are dropped, an empty path is {@code /}); asterisk-form {@code *} (path {@code *});
 * anything else is kept as the path for the service to refuse.
 *
 * @param rawPath the path exactly as sent, never null; may be empty only for an empty target
 * @param rawQuery the query exactly as sent, without {@code ?}; null when the target has no
 *     {@code ?} (an empty string when it ends in {@code ?})
 */
public record RequestTarget(String rawPath, String rawQuery) {

  /** Checks that the raw path is not null. */
  public RequestTarget {
    Objects.requireNonNull(rawPath, "rawPath");
  }

  /**
   * Splits a request target.
   *
   * @param target the request target as sent, for example {@code /hb46pp?vendorid=acde48}
   * @return the raw path and raw query
   * @throws NullPointerException when {@code target} is null
   */
  public static RequestTarget parse(String target) {
    Objects.requireNonNull(target, "target");
    String t = target;
    int scheme = schemeEnd(t);
    if (scheme > 0) {
      int slash = t.indexOf('/', scheme + 3);
      int q = t.indexOf('?', scheme + 3);
      int pathStart = slash < 0 || (q >= 0 && q < slash) ? -1 : slash;
      if (pathStart < 0) {
        return q < 0 ? new RequestTarget("/", null) : new RequestTarget("/", t.substring(q + 1));
      }
      t = t.substring(pathStart);
    }
    int q = t.indexOf('?');
    return q < 0 ? new RequestTarget(t, null)
        : new RequestTarget(t.substring(0, q), t.substring(q + 1));
  }

  /**
   * The decoded path ({@link PercentCodec#decodePath}); {@code /} when the raw path is empty.
   *
   * @return the path, for example {@code /calc}
   */
  public String path() {
    return PercentCodec.decodePath(rawPath);
  }

  /**
   * The decoded query ({@link PercentCodec#decodeQuery}); empty without one.
   *
   * @return name to values, in order (a new, modifiable map)
   */
  public Map<String, List<String>> query() {
    return PercentCodec.decodeQuery(rawQuery);
  }

  /** Index of {@code :} of a leading {@code scheme://} (RFC 3986 §3.1), or -1. */
  private static int schemeEnd(String t) {
    if (t.isEmpty() || !isAlpha(t.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ':') {
        return t.startsWith("//", i + 1) ? i : -1;
      }
      if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
