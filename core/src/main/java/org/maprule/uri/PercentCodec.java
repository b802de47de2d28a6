package org.maprule.uri;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percent-decoding and percent-encoding (RFC 3986 §2.1, §2.3; WHATWG URL §5.1
 * {@code application/x-www-form-urlencoded} for queries), UTF-8 for every code point including
 * those outside the Basic Multilingual Plane.
 *
 * <p>Decoding is lenient the way browsers and every cloud front end are: a {@code %} not followed
 * by two hexadecimal digits is kept literally ({@code /a%zz} decodes to {@code /a%zz}), and bytes
 * that are not valid UTF-8 after decoding become U+FFFD. So a decoded value is always a string
 * and the service, not the transport, decides what an odd value means (usually a 4xx naming it).
 *
 * <p>Encoding writes every UTF-8 byte outside the RFC 3986 unreserved set
 * ({@code A-Z a-z 0-9 - . _ ~}) as {@code %XX} with upper-case hex (RFC 3986 §2.1), in paths
 * keeping {@code /}; space is {@code %20}, never {@code +}, which every decoder reads alike.
 * Decoding what was encoded gives the input back for every string of Unicode scalar values.
 */
public final class PercentCodec {
  private PercentCodec() {}

  /**
   * Decodes a raw path: {@code %XX} escapes become bytes read as UTF-8, {@code +} stays
   * {@code +} (it means space only in queries). For example {@code /a%20b/%F0%9F%98%80} decodes
   * to {@code /a b/😀}.
   *
   * @param rawPath the path as sent, without the query; null or empty is the root path
   * @return the decoded path; {@code /} for null or empty
   */
  public static String decodePath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    return decode(rawPath, false);
  }

  /**
   * Decodes one query name or value as {@code application/x-www-form-urlencoded} (WHATWG URL
   * §5.1): {@code +} is space, {@code %XX} escapes are UTF-8 bytes. For example
   * {@code q%3D%F0%9F%98%80+x} decodes to {@code q=😀 x}.
   *
   * @param raw the component as sent
   * @return the decoded text
   */
  public static String decodeQueryComponent(String raw) {
    return decode(raw, true);
  }

  /**
   * Decodes a raw query string (WHATWG URL §5.1): pairs split on {@code &}, empty pairs
   * skipped, name and value split on the first {@code =} (no {@code =}: the value is empty),
   * each decoded by {@link #decodeQueryComponent}. Repeated names keep every value in order.
   *
   * @param rawQuery the query without {@code ?}; null or empty gives an empty map
   * @return name to values, in first-appearance order (a new, modifiable map)
   */
  public static Map<String, List<String>> decodeQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    int start = 0;
    int n = rawQuery.length();
    while (start <= n) {
      int amp = rawQuery.indexOf('&', start);
      int end = amp < 0 ? n : amp;
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq >= end) {
          name = decode(rawQuery.substring(start, end), true);
          value = "";
        } else {
          name = decode(rawQuery.substring(start, eq), true);
          value = decode(rawQuery.substring(eq + 1, end), true);
        }
        out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      if (amp < 0) {
        break;
      }
      start = amp + 1;
    }
    return out;
  }

  /**
   * Encodes a path: every UTF-8 byte outside the unreserved set and {@code /} as {@code %XX}.
   * For example {@code /a b/😀} encodes to {@code /a%20b/%F0%9F%98%80}.
   *
   * @param path the decoded path
   * @return the encoded path
   */
  public static String encodePath(String path) {
    return encode(path, true);
  }

  /**
   * Encodes one query name or value: every UTF-8 byte outside the unreserved set as
   * {@code %XX} (so {@code +}, {@code &}, {@code =}, {@code %} and space are escaped).
   *
   * @param component the decoded text
   * @return the encoded text
   */
  public static String encodeQueryComponent(String component) {
    return encode(component, false);
  }

  /**
   * Encodes a query map as {@code name=value} pairs joined by {@code &}, each component by
   * {@link #encodeQueryComponent}, in map and value order. {@link #decodeQuery} of the result
   * gives the map back (but for names with no values, which are dropped).
   *
   * @param query name to values
   * @return the raw query without {@code ?}; empty for an empty map
   */
  public static String encodeQuery(Map<String, List<String>> query) {
    StringBuilder b = new StringBuilder();
    query.forEach((name, values) -> {
      for (String v : values) {
        if (b.length() > 0) {
          b.append('&');
        }
        b.append(encode(name, false)).append('=').append(encode(v, false));
      }
    });
    return b.toString();
  }

  private static String decode(String s, boolean plusIsSpace) {
    int pct = s.indexOf('%');
    if (pct < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8); // '%', '+' and hex digits are ASCII
    byte[] out = new byte[utf8.length];
    int n = 0;
    for (int i = 0; i < utf8.length; i++) {
      byte c = utf8[i];
      if (c == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
        out[n++] = (byte) (hex(utf8[i + 1]) << 4 | hex(utf8[i + 2]));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out[n++] = ' ';
      } else {
        out[n++] = c;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static String encode(String s, boolean path) {
    StringBuilder b = null;
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      int c = utf8[i] & 0xff;
      boolean keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || (path && c == '/');
      if (keep) {
        if (b != null) {
          b.append((char) c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(utf8.length + 16);
        for (int j = 0; j < i; j++) {
          b.append((char) utf8[j]);
        }
      }
      b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
    }
    return b == null ? s : b.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
