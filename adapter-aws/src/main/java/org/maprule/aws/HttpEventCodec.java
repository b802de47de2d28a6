package org.maprule.aws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates Lambda HTTP events to core's neutral {@link HttpRequest} and core's
 * {@link HttpResponse} back to the Lambda HTTP response document, and nothing else: no routing,
 * status or header decision is made here (docs/design.md §1).
 *
 * <p>Understood events:
 * <ul>
 *   <li>payload format 2.0 ({@code "version": "2.0"}): Lambda Function URLs and API Gateway HTTP
 *       APIs. Method from {@code requestContext.http.method}; path from {@code rawPath},
 *       percent-decoded as UTF-8; query from {@code rawQueryString} through
 *       {@link HttpRequest#parseQuery} (so every transport decodes alike); headers as sent (the
 *       platform joins repeated headers with commas); {@code cookies} back into one
 *       {@code cookie} header joined with {@code "; "}; client address
 *       {@code requestContext.http.sourceIp}.</li>
 *   <li>payload format 1.0 (has {@code httpMethod}): API Gateway REST APIs and HTTP APIs set to
 *       1.0. {@code multiValueHeaders} and {@code multiValueQueryStringParameters} when present
 *       (else the single-value maps); path from {@code path}, percent-decoded the same way;
 *       client address {@code requestContext.identity.sourceIp}.</li>
 * </ul>
 * In both, {@code body} is Base64 when {@code isBase64Encoded} is true, UTF-8 text otherwise.
 *
 * <p>The response carries {@code statusCode}, the headers, {@code body} and
 * {@code isBase64Encoded}: the body is sent as text when it is valid UTF-8 (so it arrives byte for
 * byte) and Base64 otherwise. Payload 2.0 joins several values of one header with {@code ", "}
 * (RFC 9110 §5.3) and moves {@code set-cookie} to {@code cookies}, as the format requires;
 * payload 1.0 uses {@code multiValueHeaders}. Every header core set is written, in core's order,
 * with core's lower-case names; nothing is added.
 *
 * <p>The JSON is read and written with Jackson 3 directly; no Spring converter touches it.
 * Thread-safe.
 */
public final class HttpEventCodec {

  /** The Lambda HTTP event layouts. */
  public enum PayloadVersion {
    /** API Gateway REST (and HTTP APIs set to 1.0). */
    V1,
    /** Lambda Function URLs and API Gateway HTTP APIs. */
    V2
  }

  /**
   * A decoded event.
   *
   * @param version the layout it came in (the response goes out in the same one)
   * @param request the neutral request
   */
  public record Decoded(PayloadVersion version, HttpRequest request) {}

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private HttpEventCodec() {}

  /**
   * Decodes a Lambda HTTP event.
   *
   * @param event the event JSON as the runtime delivers it
   * @return the layout and the neutral request
   * @throws IllegalArgumentException when the bytes are not JSON, not an HTTP event of payload
   *     format 1.0 or 2.0, or a Base64 body does not decode (these come from the platform or a
   *     direct invocation, never from a CE: the invocation fails)
   */
  public static Decoded decode(byte[] event) {
    JsonNode root;
    try {
      root = JSON.readTree(event);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("event is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("event is not a JSON object");
    }
    if ("2.0".equals(text(root.get("version"))) && root.path("requestContext").has("http")) {
      return new Decoded(PayloadVersion.V2, decodeV2(root));
    }
    if (root.has("httpMethod")) {
      return new Decoded(PayloadVersion.V1, decodeV1(root));
    }
    throw new IllegalArgumentException(
        "not an HTTP event: neither payload 2.0 (version, requestContext.http) nor 1.0 (httpMethod)");
  }

  private static HttpRequest decodeV2(JsonNode root) {
    JsonNode http = root.path("requestContext").path("http");
    String method = required(http.get("method"), "requestContext.http.method");
    String rawPath = text(root.get("rawPath"));
    if (rawPath == null) {
      rawPath = text(http.get("path"));
    }
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, JsonNode> h : root.path("headers").properties()) {
      String v = text(h.getValue());
      if (v != null) {
        headers.add(h.getKey(), v);
      }
    }
    JsonNode cookies = root.get("cookies");
    if (cookies != null && cookies.isArray() && !cookies.isEmpty()) {
      List<String> parts = new ArrayList<>();
      cookies.forEach(c -> parts.add(c.asString()));
      headers.add("cookie", String.join("; ", parts));
    }
    return new HttpRequest(method.toUpperCase(Locale.ROOT), decodePath(rawPath),
        HttpRequest.parseQuery(text(root.get("rawQueryString"))), headers.build(), body(root),
        text(http.get("sourceIp")));
  }

  private static HttpRequest decodeV1(JsonNode root) {
    String method = required(root.get("httpMethod"), "httpMethod");
    Headers.Builder headers = Headers.builder();
    JsonNode multi = root.get("multiValueHeaders");
    if (multi != null && multi.isObject() && !multi.isEmpty()) {
      for (Map.Entry<String, JsonNode> h : multi.properties()) {
        h.getValue().forEach(v -> headers.add(h.getKey(), v.asString()));
      }
    } else {
      for (Map.Entry<String, JsonNode> h : root.path("headers").properties()) {
        String v = text(h.getValue());
        if (v != null) {
          headers.add(h.getKey(), v);
        }
      }
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    JsonNode multiQuery = root.get("multiValueQueryStringParameters");
    if (multiQuery != null && multiQuery.isObject() && !multiQuery.isEmpty()) {
      for (Map.Entry<String, JsonNode> q : multiQuery.properties()) {
        List<String> values = new ArrayList<>();
        q.getValue().forEach(v -> values.add(v.asString()));
        query.put(q.getKey(), values);
      }
    } else {
      for (Map.Entry<String, JsonNode> q : root.path("queryStringParameters").properties()) {
        String v = text(q.getValue());
        if (v != null) {
          query.put(q.getKey(), List.of(v));
        }
      }
    }
    return new HttpRequest(method.toUpperCase(Locale.ROOT),
        decodePath(text(root.get("path"))), query, headers.build(), body(root),
        text(root.path("requestContext").path("identity").get("sourceIp")));
  }

  private static byte[] body(JsonNode root) {
    String body = text(root.get("body"));
    if (body == null || body.isEmpty()) {
      return new byte[0];
    }
    if (root.path("isBase64Encoded").asBoolean(false)) {
      try {
        return Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("isBase64Encoded body is not Base64: " + e.getMessage(), e);
      }
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Percent-decodes a request path as UTF-8 (RFC 3986 §2.1); {@code +} stays {@code +}, a
   * malformed escape is kept literally, an absent path is {@code /}.
   *
   * @param raw the path as sent, or null
   * @return the decoded path
   */
  static String decodePath(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0
          && hex(raw.charAt(i + 2)) >= 0) {
        out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else {
        int cp = raw.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp) - 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
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

  /**
   * Encodes core's response as the Lambda HTTP response document of the event's layout.
   *
   * @param response core's response
   * @param version the layout of the event being answered
   * @return the response JSON, UTF-8
   */
  public static byte[] encode(HttpResponse response, PayloadVersion version) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(response.body().length + 256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberProperty("statusCode", response.status());
      if (version == PayloadVersion.V2) {
        // payload 2.0: set-cookie values are never joined, they are sent as "cookies"
        writeCookies(g, writeV2Headers(g, response.headers(), ", ", "set-cookie"));
      } else {
        g.writeName("multiValueHeaders");
        g.writeStartObject();
        for (Map.Entry<String, List<String>> h : response.headers().asMap().entrySet()) {
          writeStrings(g, h.getKey(), h.getValue());
        }
        g.writeEndObject();
      }
      String text = utf8OrNull(response.body());
      if (text != null) {
        g.writeStringProperty("body", text);
        g.writeBooleanProperty("isBase64Encoded", false);
      } else {
        g.writeStringProperty("body", Base64.getEncoder().encodeToString(response.body()));
        g.writeBooleanProperty("isBase64Encoded", true);
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * Writes the payload 2.0 {@code headers} object: each field with its values joined by
   * {@code separator}, except {@code cookieField}, which is left out.
   *
   * @return the values of {@code cookieField} (empty when absent), for {@link #writeCookies}
   */
  private static List<String> writeV2Headers(JsonGenerator g, Headers headers, String separator,
      String cookieField) {
    g.writeName("headers");
    g.writeStartObject();
    List<String> cookies = List.of();
    for (Map.Entry<String, List<String>> h : headers.asMap().entrySet()) {
      if (h.getKey().equals(cookieField)) {
        cookies = h.getValue();
        continue;
      }
      g.writeStringProperty(h.getKey(), String.join(separator, h.getValue()));
    }
    g.writeEndObject();
    return cookies;
  }

  /** Writes the payload 2.0 {@code cookies} array, or nothing when {@code cookies} is empty. */
  private static void writeCookies(JsonGenerator g, List<String> cookies) {
    if (!cookies.isEmpty()) {
      writeStrings(g, "cookies", cookies);
    }
  }

  /** Writes member {@code name} as an array of strings. */
  private static void writeStrings(JsonGenerator g, String name, List<String> values) {
    g.writeName(name);
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** The body as text when it is strictly valid UTF-8 (so it round-trips exactly), else null. */
  private static String utf8OrNull(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * A Lambda Function URL event (payload format 2.0) carrying {@code request}, as the platform
   * would deliver it: {@code rawPath} percent-encoded, {@code rawQueryString} re-encoded from the
   * query map ({@code application/x-www-form-urlencoded}, everything but RFC 3986 unreserved
   * characters escaped), header names lower-case with repeated values joined by {@code ","},
   * {@code cookie} split into {@code cookies}, {@code requestContext.http.sourceIp} = the
   * request's peer address, and the body as UTF-8 text (Base64 when it is not valid UTF-8). Used
   * for SnapStart priming and by transports that test this adapter.
   *
   * @param request the neutral request
   * @return the event JSON
   */
  public static byte[] functionUrlEvent(HttpRequest request) {
    String rawPath = encode(request.path(), true);
    StringBuilder query = new StringBuilder();
    request.query().forEach((name, values) -> values.forEach(v -> {
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(encode(name, false)).append('=').append(encode(v, false));
    }));
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("version", "2.0");
      g.writeStringProperty("routeKey", "$default");
      g.writeStringProperty("rawPath", rawPath);
      g.writeStringProperty("rawQueryString", query.toString());
      List<String> cookies = new ArrayList<>();
      for (String v : writeV2Headers(g, request.headers(), ",", "cookie")) {
        cookies.addAll(List.of(v.split(";\\s*")));
      }
      writeCookies(g, cookies);
      if (!request.query().isEmpty()) {
        g.writeName("queryStringParameters");
        g.writeStartObject();
        request.query().forEach((n, v) -> g.writeStringProperty(n, String.join(",", v)));
        g.writeEndObject();
      }
      g.writeName("requestContext");
      g.writeStartObject();
      g.writeStringProperty("accountId", "anonymous");
      g.writeStringProperty("apiId", "maprule");
      g.writeStringProperty("domainName", "maprule.lambda-url.invalid");
      g.writeStringProperty("domainPrefix", "maprule");
      g.writeName("http");
      g.writeStartObject();
      g.writeStringProperty("method", request.method());
      g.writeStringProperty("path", rawPath);
      g.writeStringProperty("protocol", "HTTP/1.1");
      if (request.peerAddress() != null) {
        g.writeStringProperty("sourceIp", request.peerAddress());
      }
      String agent = request.headers().first("user-agent");
      if (agent != null) {
        g.writeStringProperty("userAgent", agent);
      }
      g.writeEndObject();
      g.writeStringProperty("requestId", "maprule-request");
      g.writeStringProperty("routeKey", "$default");
      g.writeStringProperty("stage", "$default");
      g.writeEndObject();
      if (request.body().length > 0) {
        String text = utf8OrNull(request.body());
        g.writeStringProperty("body",
            text != null ? text : Base64.getEncoder().encodeToString(request.body()));
        g.writeBooleanProperty("isBase64Encoded", text == null);
      } else {
        g.writeBooleanProperty("isBase64Encoded", false);
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /** Percent-encodes UTF-8 bytes outside RFC 3986 unreserved (and {@code /} in paths). */
  private static String encode(String s, boolean path) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || (path && c == '/')) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
  }

  private static String required(JsonNode node, String field) {
    String v = text(node);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("HTTP event without " + field);
    }
    return v;
  }
}
