package org.maprule.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maprule.aws.HttpEventCodec.PayloadVersion;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;

/**
 * The event codec against AWS's own event types: every fixture is read both by
 * {@code aws-lambda-java-tests}' {@link EventLoader} (AWS's serializer) and by the codec, and every
 * response document is read back with AWS's serializer into its response type.
 */
class HttpEventCodecTest {

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = HttpEventCodecTest.class.getResourceAsStream("/events/" + name)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"function-url-hb46pp.json", "function-url-post-base64.json",
      "function-url-head-no-query.json", "http-api-multivalue-cookies.json"})
  void payload2EventsDecodeAsAwsReadsThem(String name) throws IOException {
    APIGatewayV2HTTPEvent aws = EventLoader.loadApiGatewayHttpEvent("events/" + name);
    HttpEventCodec.Decoded decoded = HttpEventCodec.decode(fixture(name));
    HttpRequest r = decoded.request();

    assertThat(decoded.version()).isEqualTo(PayloadVersion.V2);
    assertThat(r.method()).isEqualTo(aws.getRequestContext().getHttp().getMethod());
    assertThat(r.path()).isEqualTo(java.net.URLDecoder.decode(
        aws.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8));
    assertThat(r.query()).isEqualTo(HttpRequest.parseQuery(aws.getRawQueryString()));
    assertThat(r.peerAddress()).isEqualTo(aws.getRequestContext().getHttp().getSourceIp());
    Headers.Builder expected = Headers.builder();
    aws.getHeaders().forEach(expected::add);
    if (aws.getCookies() != null) {
      expected.add("cookie", String.join("; ", aws.getCookies()));
    }
    assertThat(r.headers()).isEqualTo(expected.build());
    byte[] body = aws.getBody() == null ? new byte[0]
        : aws.getIsBase64Encoded() ? Base64.getDecoder().decode(aws.getBody())
        : aws.getBody().getBytes(StandardCharsets.UTF_8);
    assertThat(r.body()).isEqualTo(body);
  }

  @Test
  void functionUrlFixture() throws IOException {
    HttpRequest r = HttpEventCodec.decode(fixture("function-url-hb46pp.json")).request();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/hb46pp");
    assertThat(r.queryFirst("capability")).isEqualTo("map_e,dslite");
    assertThat(r.queryFirst("vendorid")).isEqualTo("acde48-v6pc_swg_hgw");
    assertThat(r.headers().first("CloudFront-Viewer-Address")).isEqualTo("2001:db8:12:3400::1:51234");
    assertThat(r.peerAddress()).isEqualTo("2001:db8:12:3400::1");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void base64BodyIsDecodedToTheExactBytes() throws IOException {
    HttpRequest r = HttpEventCodec.decode(fixture("function-url-post-base64.json")).request();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.body()).containsExactly(0x00, 0xff, 0x10, 0x82, 0x7e, 0xff);
  }

  @Test
  void headWithoutQueryString() throws IOException {
    HttpRequest r = HttpEventCodec.decode(fixture("function-url-head-no-query.json")).request();
    assertThat(r.method()).isEqualTo("HEAD");
    assertThat(r.query()).isEmpty();
    assertThat(r.headers().first("if-none-match")).isEqualTo("\"abc\"");
  }

  @Test
  void pathQueryCookiesAndJoinedHeaders() throws IOException {
    HttpRequest r = HttpEventCodec.decode(fixture("http-api-multivalue-cookies.json")).request();
    assertThat(r.path()).isEqualTo("/JPNE key/x/get_rules");
    assertThat(r.query()).containsExactly(
        Map.entry("callback", List.of("v6plus")), Map.entry("x", List.of("1", "2")),
        Map.entry("empty", List.of("")), Map.entry("flag", List.of("")),
        Map.entry("sp", List.of("a b c")), Map.entry("utf", List.of("日本")));
    assertThat(r.headers().all("x-multi")).containsExactly("one,two");
    assertThat(r.headers().first("cookie")).isEqualTo("session=abc; theme=dark");
  }

  @Test
  void restApiPayload1UsesMultiValueMapsAndIdentitySourceIp() throws IOException {
    APIGatewayProxyRequestEvent aws = EventLoader.loadApiGatewayRestEvent("events/rest-api-v1.json");
    HttpEventCodec.Decoded decoded = HttpEventCodec.decode(fixture("rest-api-v1.json"));
    HttpRequest r = decoded.request();
    assertThat(decoded.version()).isEqualTo(PayloadVersion.V1);
    assertThat(r.method()).isEqualTo(aws.getHttpMethod());
    assertThat(r.path()).isEqualTo(aws.getPath());
    assertThat(r.query()).isEqualTo(aws.getMultiValueQueryStringParameters());
    assertThat(r.headers()).isEqualTo(Headers.of(aws.getMultiValueHeaders()));
    assertThat(r.peerAddress()).isEqualTo(aws.getRequestContext().getIdentity().getSourceIp());
    assertThat(r.headers().all("x-multi")).containsExactly("one", "two");
  }

  @Test
  void payload1WithSingleValueMapsOnly() {
    HttpRequest r = HttpEventCodec.decode(("{\"httpMethod\":\"get\",\"path\":\"/health\","
        + "\"headers\":{\"Accept\":\"*/*\"},\"queryStringParameters\":{\"a\":\"b c\"},"
        + "\"requestContext\":{\"identity\":{\"sourceIp\":\"192.0.2.1\"}}}")
        .getBytes(StandardCharsets.UTF_8)).request();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.query()).containsExactly(Map.entry("a", List.of("b c")));
    assertThat(r.headers().first("accept")).isEqualTo("*/*");
    assertThat(r.peerAddress()).isEqualTo("192.0.2.1");
  }

  /** Events that are not HTTP events fail the invocation (they come from AWS, not from a CE). */
  @ParameterizedTest
  @ValueSource(strings = {
      "not json",                                              // not JSON at all
      "[1,2]",                                                 // JSON, not an object
      "{\"Records\":[]}",                                      // an SQS/S3-style event
      "{\"version\":\"2.0\",\"rawPath\":\"/\"}",               // 2.0 without requestContext.http
      "{\"version\":\"2.0\",\"requestContext\":{\"http\":{}}}", // 2.0 without a method
      "{\"version\":\"2.0\",\"requestContext\":{\"http\":{\"method\":\"GET\"}},"
          + "\"body\":\"*not base64*\",\"isBase64Encoded\":true}" // broken Base64 body
  })
  void nonHttpEventsAreRejected(String event) {
    assertThatThrownBy(() -> HttpEventCodec.decode(event.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void absentRawPathFallsBackToHttpPathThenSlash() {
    HttpRequest r = HttpEventCodec.decode(("{\"version\":\"2.0\",\"requestContext\":{\"http\":"
        + "{\"method\":\"GET\"}}}").getBytes(StandardCharsets.UTF_8)).request();
    assertThat(r.path()).isEqualTo("/");
    assertThat(r.peerAddress()).isNull();
  }

  @ParameterizedTest
  @MethodSource("paths")
  void pathDecoding(String raw, String decoded) {
    assertThat(HttpEventCodec.decodePath(raw)).isEqualTo(decoded);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> paths() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("/a%20b", "/a b"),
        org.junit.jupiter.params.provider.Arguments.of("/a+b", "/a+b"),          // + is not space in paths
        org.junit.jupiter.params.provider.Arguments.of("/%e6%97%a5", "/日"),      // lower-case hex, UTF-8
        org.junit.jupiter.params.provider.Arguments.of("/%zz%4", "/%zz%4"),      // malformed kept literally
        org.junit.jupiter.params.provider.Arguments.of("/%", "/%"),
        org.junit.jupiter.params.provider.Arguments.of("/😀%2F", "/😀/"),        // surrogate pair kept
        org.junit.jupiter.params.provider.Arguments.of("", "/"));
  }

  // ---- responses ----

  static final com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<APIGatewayV2HTTPResponse>
      V2 = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class,
          HttpEventCodecTest.class.getClassLoader());

  @Test
  void payload2ResponseAsAwsReadsIt() {
    HttpResponse response = new HttpResponse(404,
        Headers.of("content-type", "application/problem+json", "x-maprule-ruleset", "ab12",
            "vary", "accept", "vary", "origin"),
        "{\"code\":\"NOT_FOUND\",\"detail\":\"日本\"}".getBytes(StandardCharsets.UTF_8));
    byte[] json = HttpEventCodec.encode(response, PayloadVersion.V2);
    APIGatewayV2HTTPResponse aws = V2.fromJson(new String(json, StandardCharsets.UTF_8));

    assertThat(aws.getStatusCode()).isEqualTo(404);
    assertThat(aws.getHeaders()).containsExactly(
        Map.entry("content-type", "application/problem+json"), Map.entry("x-maprule-ruleset", "ab12"),
        Map.entry("vary", "accept, origin"));
    assertThat(aws.getIsBase64Encoded()).isFalse();
    assertThat(aws.getBody().getBytes(StandardCharsets.UTF_8)).isEqualTo(response.body());
    assertThat(aws.getCookies()).isNull();
    // exactly the four payload 2.0 members, in this order, nothing else
    assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"statusCode\":404,\"headers\":{")
        .endsWith(",\"isBase64Encoded\":false}").doesNotContain("\"id\"", "timestamp", "contentType");
  }

  @Test
  void nonUtf8BodyGoesBase64() {
    byte[] body = {0, (byte) 0xff, (byte) 0xc3, 0x28, 10};
    HttpResponse response = new HttpResponse(200, Headers.of("content-type", "application/octet-stream"), body);
    APIGatewayV2HTTPResponse aws = V2.fromJson(
        new String(HttpEventCodec.encode(response, PayloadVersion.V2), StandardCharsets.UTF_8));
    assertThat(aws.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(aws.getBody())).isEqualTo(body);
  }

  @Test
  void emptyBodyAndNoHeaders() {
    byte[] json = HttpEventCodec.encode(new HttpResponse(304, Headers.empty(), new byte[0]),
        PayloadVersion.V2);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .isEqualTo("{\"statusCode\":304,\"headers\":{},\"body\":\"\",\"isBase64Encoded\":false}");
  }

  @Test
  void setCookieGoesToCookiesNeverJoined() {
    HttpResponse response = new HttpResponse(200,
        Headers.of("set-cookie", "a=1; Path=/", "set-cookie", "b=2, c", "content-type", "text/plain"),
        "x".getBytes(StandardCharsets.UTF_8));
    APIGatewayV2HTTPResponse aws = V2.fromJson(
        new String(HttpEventCodec.encode(response, PayloadVersion.V2), StandardCharsets.UTF_8));
    assertThat(aws.getCookies()).containsExactly("a=1; Path=/", "b=2, c");
    assertThat(aws.getHeaders()).containsOnlyKeys("content-type");
  }

  @Test
  void payload1ResponseUsesMultiValueHeaders() {
    HttpResponse response = new HttpResponse(503,
        Headers.of("content-type", "application/problem+json", "vary", "a", "vary", "b"),
        "{}".getBytes(StandardCharsets.UTF_8));
    APIGatewayProxyResponseEvent aws = LambdaEventSerializers
        .serializerFor(APIGatewayProxyResponseEvent.class, getClass().getClassLoader())
        .fromJson(new String(HttpEventCodec.encode(response, PayloadVersion.V1), StandardCharsets.UTF_8));
    assertThat(aws.getStatusCode()).isEqualTo(503);
    assertThat(aws.getMultiValueHeaders()).containsExactly(
        Map.entry("content-type", List.of("application/problem+json")),
        Map.entry("vary", List.of("a", "b")));
    assertThat(aws.getHeaders()).isNull();
    assertThat(aws.getBody()).isEqualTo("{}");
    assertThat(aws.getIsBase64Encoded()).isFalse();
  }

  // ---- the event encoder used for priming and by test transports ----

  static Stream<HttpRequest> randomRequests() {
    Random random = new Random(20261101L);
    String alphabet = "aZ09-._~ !\"#$%&'()*+,/:;<=>?@[\\]^`{|}日本😀\u00e9";
    return IntStream.range(0, 200).mapToObj(i -> {
      Map<String, List<String>> query = new LinkedHashMap<>();
      int params = random.nextInt(4);
      for (int p = 0; p < params; p++) {
        List<String> values = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int v = 0; v < n; v++) {
          values.add(word(random, alphabet, 0));
        }
        query.put(word(random, alphabet, 1), values);
      }
      Headers headers = Headers.of("user-agent", "ce/" + i, "x-h" + random.nextInt(3), word(random, "abc ,;=", 1));
      byte[] body = new byte[random.nextInt(3) == 0 ? random.nextInt(8) : 0];
      random.nextBytes(body);
      String method = random.nextBoolean() ? "GET" : "HEAD";
      String path = "/" + word(random, alphabet.replace("?", ""), 0);
      String peer = random.nextBoolean() ? "2001:db8::" + Integer.toHexString(i) : "192.0.2." + (i % 250);
      return new HttpRequest(method, path, query, headers, body, peer);
    });
  }

  static String word(Random random, String alphabet, int min) {
    StringBuilder b = new StringBuilder();
    int n = min + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      int at = random.nextInt(alphabet.length());
      if (Character.isHighSurrogate(alphabet.charAt(at))) {
        b.append(alphabet, at, at + 2);
      } else if (Character.isLowSurrogate(alphabet.charAt(at))) {
        b.append(alphabet, at - 1, at + 1);
      } else {
        b.append(alphabet.charAt(at));
      }
    }
    return b.toString();
  }

  @ParameterizedTest
  @MethodSource("randomRequests")
  void functionUrlEventRoundTrips(HttpRequest request) {
    byte[] event = HttpEventCodec.functionUrlEvent(request);
    HttpRequest back = HttpEventCodec.decode(event).request();
    assertThat(back.method()).isEqualTo(request.method());
    assertThat(back.path()).isEqualTo(request.path());
    assertThat(back.query()).isEqualTo(request.query());
    assertThat(back.headers()).isEqualTo(request.headers());
    assertThat(back.body()).isEqualTo(request.body());
    assertThat(back.peerAddress()).isEqualTo(request.peerAddress());
    // and AWS's own types read the event the same way
    APIGatewayV2HTTPEvent aws = LambdaEventSerializers
        .serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
        .fromJson(new String(event, StandardCharsets.UTF_8));
    assertThat(HttpRequest.parseQuery(aws.getRawQueryString())).isEqualTo(request.query());
    assertThat(aws.getRequestContext().getHttp().getSourceIp()).isEqualTo(request.peerAddress());
  }
}
