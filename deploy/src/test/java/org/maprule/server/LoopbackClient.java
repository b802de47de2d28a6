package org.maprule.server;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;

/**
 * Sends neutral requests over real HTTP/1.1 with {@link HttpClient} and turns the answers back
 * into neutral responses (header names lower-cased): the client half of the local transport in
 * tests.
 */
public final class LoopbackClient {
  /** Headers {@link HttpClient} refuses to set; the connection supplies its own. */
  static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final String base;

  /**
   * A client for a server on {@code host}:{@code port}.
   *
   * @param host an IP literal (IPv6 without brackets)
   * @param port the port
   */
  public LoopbackClient(String host, int port) {
    this.base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * Sends {@code request} (method, path, query, headers except {@link #RESTRICTED}, body).
   *
   * @param request the neutral request; its peer address is not sent (the server sees the TCP peer)
   * @return the neutral response
   * @throws Exception on a connection failure
   */
  public HttpResponse exchange(HttpRequest request) throws Exception {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri(request))
        .timeout(Duration.ofSeconds(30))
        .method(request.method(), request.body().length == 0
            ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body()));
    request.headers().asMap().forEach((name, values) -> {
      if (!RESTRICTED.contains(name)) {
        values.forEach(v -> b.header(name, v));
      }
    });
    java.net.http.HttpResponse<byte[]> r =
        client.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    Headers.Builder headers = Headers.builder();
    r.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        values.forEach(v -> headers.add(name.toLowerCase(Locale.ROOT), v));
      }
    });
    return new HttpResponse(r.statusCode(), headers.build(), r.body());
  }

  /** GET {@code target} (path and raw query) with alternating header names and values. */
  public HttpResponse get(String target, String... headerNamesAndValues) throws Exception {
    return exchange(HttpRequest.get(target, Headers.of(headerNamesAndValues), null));
  }

  private URI uri(HttpRequest request) {
    StringBuilder s = new StringBuilder(base).append(encodePath(request.path()));
    String sep = "?";
    for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
      for (String v : e.getValue()) {
        s.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
            .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        sep = "&";
      }
    }
    return URI.create(s.toString());
  }

  /** Percent-encodes every byte of the UTF-8 path except unreserved, sub-delims, ':', '@' and '/'. */
  static String encodePath(String path) {
    StringBuilder s = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 128 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
        s.append((char) c);
      } else {
        s.append('%').append(String.format("%02X", c));
      }
    }
    return s.toString();
  }
}
