package org.maprule.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider-neutral HTTP request: what every transport (local server, AWS, Azure) turns its
 * platform's event into before the core decides anything.
 *
 * @param method the method in upper case, for example {@code GET}
 * @param path the decoded path, starting with {@code /}, without the query
 * @param query decoded query parameters, name to values in order (unmodifiable)
 * @param headers the request headers
 * @param body the body bytes (empty for GET)
 * @param peerAddress the one client address this transport can trust (the TCP peer locally,
 *     {@code requestContext.http.sourceIp} on Lambda, the front end's forwarded address on Azure),
 *     as text, or null when the transport has none; a configured CDN header may override it
 *     (decided in core)
 */
public record HttpRequest(
    String method, String path, Map<String, List<String>> query, Headers headers, byte[] body,
    String peerAddress) {

  /** Checks non-null fields and copies the query. */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(headers, "headers");
    body = body == null ? new byte[0] : body;
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (query != null) {
      query.forEach((k, v) -> q.put(k, List.copyOf(v)));
    }
    query = Collections.unmodifiableMap(q);
  }

  /**
   * A GET for a target such as {@code /calc?prefix=2001:db8:12:3400::/56}, query decoded by
   * {@link #parseQuery}.
   *
   * @param target path and optional raw query
   * @param headers the headers
   * @param peerAddress the transport's client address, or null
   * @return the request
   */
  public static HttpRequest get(String target, Headers headers, String peerAddress) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String raw = q < 0 ? "" : target.substring(q + 1);
    return new HttpRequest("GET", path, parseQuery(raw), headers, new byte[0], peerAddress);
  }

  /** The first value of query parameter {@code name}, or null. */
  public String queryFirst(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * Decodes an {@code application/x-www-form-urlencoded} query string (WHATWG URL §5.1): pairs
   * split on {@code &}, name and value on the first {@code =}, {@code +} as space, percent
   * escapes as UTF-8 (a malformed escape is kept literally). Every transport with a raw query
   * uses this, so all decode alike.
   *
   * @param rawQuery the query without {@code ?}, may be null or empty
   * @return name to values, in order
   */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    byte[] out = new byte[s.length() * 3];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+') {
        out[n++] = ' ';
      } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0
          && hex(s.charAt(i + 2)) >= 0) {
        out[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
          out[n++] = x;
        }
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
  }
}
