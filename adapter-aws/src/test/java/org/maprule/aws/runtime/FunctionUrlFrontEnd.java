package org.maprule.aws.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.maprule.http.Headers;
import org.maprule.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Lambda's Function URL front end makes of an invocation result, per the payload 2.0
 * response format: {@code statusCode}, each {@code headers} member as one header field (value as
 * given), {@code cookies} as {@code set-cookie} fields, {@code body} Base64-decoded when
 * {@code isBase64Encoded}; a failed invocation is a 502. Headers the front end adds itself
 * ({@code date}, {@code content-length}, {@code x-amzn-requestid}) are left out.
 */
public final class FunctionUrlFrontEnd {
  private FunctionUrlFrontEnd() {}

  /**
   * The HTTP response a client would see.
   *
   * @param result what the runtime posted
   * @return the response
   * @throws IllegalStateException when a successful result is not a payload 2.0 response document
   */
  public static HttpResponse toHttp(FakeRuntimeApi.Result result) {
    if (result.error()) {
      return new HttpResponse(502, Headers.of("content-type", "application/json"),
          "{\"Message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
    }
    JsonNode root = JsonMapper.builder().build().readTree(result.body());
    if (!root.isObject() || !root.path("statusCode").isInt()) {
      throw new IllegalStateException("not a payload 2.0 response document: " + result.text());
    }
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, JsonNode> h : root.path("headers").properties()) {
      headers.add(h.getKey(), h.getValue().asString());
    }
    root.path("cookies").forEach(c -> headers.add("set-cookie", c.asString()));
    String body = root.path("body").asString("");
    byte[] bytes = root.path("isBase64Encoded").asBoolean(false)
        ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    return new HttpResponse(root.path("statusCode").asInt(), headers.build(), bytes);
  }
}
