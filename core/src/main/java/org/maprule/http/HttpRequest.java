package org.maprule.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.maprule.uri.PercentCodec;
import org.maprule.uri.RequestTarget;

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
   * A request from the request line's method and raw target, the way every transport builds
   * one: the target is split and decoded by the one URI layer ({@link RequestTarget#parse},
   * {@link PercentCodec}), so all transports decode alike.
   *
   * @param method the method as sent, for example {@code GET}
   * @param rawTarget the request target as sent, for example
   *     {@code /calc?prefix=2001:db8:12:3400::/56} or {@code /a%20b?q=x+y}
   * @param headers the headers
   * @param body the body bytes, or null for none
   * @param peerAddress the transport's client address, or null
   * @return the request
   */
  public static HttpRequest of(String method, String rawTarget, Headers headers, byte[] body,
      String peerAddress) {
    RequestTarget t = RequestTarget.parse(rawTarget);
    return new HttpRequest(method, t.path(), t.query(), headers, body, peerAddress);
  }

  /**
   * A GET for a raw target such as {@code /calc?prefix=2001:db8:12:3400::/56}
   * ({@link #of}).
   *
   * @param target path and optional raw query
   * @param headers the headers
   * @param peerAddress the transport's client address, or null
   * @return the request
   */
  public static HttpRequest get(String target, Headers headers, String peerAddress) {
    return of("GET", target, headers, null, peerAddress);
  }

  /** The first value of query parameter {@code name}, or null. */
  public String queryFirst(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * Decodes a raw query string: {@link PercentCodec#decodeQuery}, kept for callers that hold
   * a query without a target.
   *
   * @param rawQuery the query without {@code ?}, may be null or empty
   * @return name to values, in order
   */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    return PercentCodec.decodeQuery(rawQuery);
  }
}
