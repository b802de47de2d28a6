package org.maprule.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A FAKE CloudFront KeyValueStore endpoint on 127.0.0.1 — no AWS runs here. It speaks the
 * service's REST/JSON protocol (botocore's {@code cloudfront-keyvaluestore/2022-07-26} model) for
 * the three calls {@code maprule traffic} makes, so the real AWS SDK client (pointed at it with
 * {@code --endpoint-url}) marshals, signs, sends and unmarshals as it would against AWS:
 *
 * <ul>
 *   <li>{@code GET /key-value-stores/{KvsARN}} (DescribeKeyValueStore): 200, the store's version in
 *       the {@code ETag} header, {@code KvsARN}, {@code ItemCount}, … in the body;
 *   <li>{@code GET /key-value-stores/{KvsARN}/keys/{Key}} (GetKey): 200 {@code {Key, Value, …}} or
 *       404 {@code ResourceNotFoundException};
 *   <li>{@code PUT /key-value-stores/{KvsARN}/keys/{Key}} (PutKey), body {@code {"Value":…}},
 *       header {@code If-Match}: 409 {@code ConflictException} unless it names the current version,
 *       else 200 with the new version in {@code ETag}.
 * </ul>
 *
 * Errors carry {@code x-amzn-ErrorType} and {@code {"Message":…}}, as restJson1 services answer.
 * Every request is recorded (method, decoded path, {@code Authorization}, {@code If-Match}, body).
 */
final class TrafficFakeKvs implements AutoCloseable {
  static final String ARN =
      "arn:aws:cloudfront::111122223333:key-value-store/0f6e3b2a-5c1d-4e8f-9a7b-123456789abc";

  /** One request as the fake saw it. */
  record Seen(String method, String path, String authorization, String ifMatch, String body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Map<String, String> items = new LinkedHashMap<>();
  private final List<Seen> seen = new ArrayList<>();
  private int version = 1;
  private String denyReason;

  TrafficFakeKvs() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized void put(String key, String value) {
    items.put(key, value);
    version++;
  }

  synchronized String value(String key) {
    return items.get(key);
  }

  /** The store's current version, as its ETag header says. */
  synchronized String etag() {
    return "ETVER" + version;
  }

  /** Makes every later call answer 403 AccessDeniedException with this message. */
  synchronized void deny(String reason) {
    denyReason = reason;
  }

  synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = decode(ex.getRequestURI().getRawPath());
      synchronized (this) {
        seen.add(new Seen(ex.getRequestMethod(), path,
            ex.getRequestHeaders().getFirst("Authorization"),
            ex.getRequestHeaders().getFirst("If-Match"), body));
        if (denyReason != null) {
          error(ex, 403, "AccessDeniedException", denyReason);
          return;
        }
        route(ex, path, body);
      }
    }
  }

  /** The raw path's segments decoded one by one, rejoined with '/' (an ARN holds a '/'). */
  private static String decode(String rawPath) {
    StringBuilder out = new StringBuilder();
    for (String segment : rawPath.split("/", -1)) {
      if (out.length() > 0 || !segment.isEmpty()) {
        out.append('/');
      }
      out.append(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private void route(HttpExchange ex, String path, String body) throws IOException {
    String prefix = "/key-value-stores/";
    if (!path.startsWith(prefix)) {
      error(ex, 404, "UnknownOperationException", "no such operation");
      return;
    }
    String rest = path.substring(prefix.length());
    String arn;
    String key = null;
    int keys = rest.indexOf("/keys/");
    if (keys >= 0) {
      arn = rest.substring(0, keys);
      key = rest.substring(keys + "/keys/".length());
    } else {
      arn = rest;
    }
    if (!arn.equals(ARN)) {
      error(ex, 404, "ResourceNotFoundException", "Key value store " + arn + " not found");
      return;
    }
    String method = ex.getRequestMethod();
    if (key == null && method.equals("GET")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ItemCount", items.size());
      m.put("TotalSizeInBytes", size());
      m.put("KvsARN", ARN);
      m.put("Created", 1.7e9);
      m.put("LastModified", 1.7e9 + version);
      m.put("Status", "READY");
      ok(ex, m);
    } else if (key != null && method.equals("GET")) {
      if (!items.containsKey(key)) {
        error(ex, 404, "ResourceNotFoundException", "Key " + key + " not found");
        return;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Key", key);
      m.put("Value", items.get(key));
      m.put("ItemCount", items.size());
      m.put("TotalSizeInBytes", size());
      ok(ex, m);
    } else if (key != null && method.equals("PUT")) {
      String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
      if (ifMatch == null || !ifMatch.equals(etag())) {
        error(ex, 409, "ConflictException", "Pre-condition failed: ETag " + ifMatch
            + " does not match the current version");
        return;
      }
      JsonNode value = JSON.readTree(body).get("Value");
      if (value == null || !value.isString()) {
        error(ex, 400, "ValidationException", "Value is required");
        return;
      }
      items.put(key, value.asString());
      version++;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ItemCount", items.size());
      m.put("TotalSizeInBytes", size());
      ok(ex, m);
    } else {
      error(ex, 405, "UnknownOperationException", method + " " + path);
    }
  }

  private long size() {
    return items.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().length()).sum();
  }

  private void ok(HttpExchange ex, Map<String, Object> body) throws IOException {
    ex.getResponseHeaders().set("ETag", etag());
    send(ex, 200, body);
  }

  private static void error(HttpExchange ex, int status, String type, String message)
      throws IOException {
    ex.getResponseHeaders().set("x-amzn-ErrorType", type);
    send(ex, status, Map.of("Message", message));
  }

  private static void send(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("x-amzn-RequestId", "fake-" + System.nanoTime());
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
