package org.maprule.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maprule.aws.runtime.FakeRuntimeApi;
import org.maprule.aws.runtime.LambdaRuntimeProcess;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;

/**
 * The Lambda plumbing end to end, independently of core: the shaded jar under the real runtime
 * interface client, with Spring Cloud Function's own {@code FunctionInvoker} handler and the
 * scripted {@link EchoServiceApplication} (test classes on the class path,
 * {@code MAIN_CLASS} selecting it). Whatever status, headers and body the service returns reach
 * the Runtime API unchanged, and the service sees the request the event described.
 */
class RuntimeClientPlumbingIT {
  static LambdaRuntimeProcess runtime;

  @BeforeAll
  static void start() throws Exception {
    runtime = LambdaRuntimeProcess.start(new LambdaRuntimeProcess.Options()
        .layout(LambdaRuntimeProcess.Layout.CLASSPATH)
        .handler(LambdaRuntimeProcess.SCF_HANDLER)
        .extraClasspath(Path.of("target/test-classes"))
        .env("MAIN_CLASS", EchoServiceApplication.class.getName()));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  static FakeRuntimeApi.Result raw(byte[] event) {
    return runtime.invoke(event, Duration.ofSeconds(90));
  }

  static APIGatewayV2HTTPResponse call(HttpRequest request) {
    FakeRuntimeApi.Result r = raw(HttpEventCodec.functionUrlEvent(request));
    assertThat(r.error()).as("posted to /error: %s", r.text()).isFalse();
    return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class,
        RuntimeClientPlumbingIT.class.getClassLoader()).fromJson(r.text());
  }

  static APIGatewayV2HTTPResponse get(String target) {
    return call(HttpRequest.get(target, Headers.of("accept", "*/*"), "2001:db8::1"));
  }

  @Test
  void statusAndHeadersPassUnchanged() {
    APIGatewayV2HTTPResponse r = get("/x?status=404&h=content-type:application/problem%2Bjson"
        + "&h=x-maprule-ruleset:0123&h=cache-control:private,%20no-store");
    assertThat(r.getStatusCode()).isEqualTo(404);
    assertThat(r.getHeaders()).containsExactly(
        Map.entry("content-type", "application/problem+json"), Map.entry("x-maprule-ruleset", "0123"),
        Map.entry("cache-control", "private, no-store"));
    assertThat(get("/x?status=503").getStatusCode()).isEqualTo(503);
  }

  @Test
  void theServiceSeesTheRequestTheEventDescribes() {
    APIGatewayV2HTTPResponse r = call(new HttpRequest("GET", "/a b/日本",
        HttpRequest.parseQuery("prefix=2001:db8:12:3400::/56&x=1&x=2&sp=a+b"),
        Headers.of("cloudfront-viewer-address", "2001:db8::9:443", "Accept", "*/*"),
        new byte[0], "2001:db8:ffff::7"));
    assertThat(r.getBody()).isEqualTo("{\"method\":\"GET\",\"path\":\"/a b/日本\",\"query\":"
        + "{\"prefix\":[\"2001:db8:12:3400::/56\"],\"x\":[\"1\",\"2\"],\"sp\":[\"a b\"]},\"headers\":"
        + "{\"cloudfront-viewer-address\":[\"2001:db8::9:443\"],\"accept\":[\"*/*\"]},"
        + "\"peer\":\"2001:db8:ffff::7\",\"body\":\"\"}");
  }

  @Test
  void binaryBodiesTravelBase64BothWays() {
    byte[] in = {0, (byte) 0xfe, (byte) 0xc0, 0x7f};
    APIGatewayV2HTTPResponse r = call(new HttpRequest("POST", "/b", HttpRequest.parseQuery(
        "b64=" + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 1}).replace("+", "%2B")
            .replace("/", "%2F").replace("=", "%3D")),
        Headers.empty(), in, "192.0.2.1"));
    assertThat(r.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(r.getBody())).containsExactly(0xff, 1);
    APIGatewayV2HTTPResponse echo = call(new HttpRequest("POST", "/b", Map.of(), Headers.empty(), in,
        "192.0.2.1"));
    assertThat(echo.getBody()).endsWith("\"body\":\"" + Base64.getEncoder().encodeToString(in) + "\"}");
  }

  @Test
  void payload1EventsAnswerInPayload1() {
    FakeRuntimeApi.Result r = raw(("{\"version\":\"1.0\",\"httpMethod\":\"GET\",\"path\":\"/v1\","
        + "\"multiValueHeaders\":{\"Accept\":[\"a\",\"b\"]},\"multiValueQueryStringParameters\":"
        + "{\"status\":[\"418\"]},\"requestContext\":{\"identity\":{\"sourceIp\":\"192.0.2.3\"}}}")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(r.text()).startsWith("{\"statusCode\":418,\"multiValueHeaders\":{\"content-type\":"
        + "[\"application/json\"]},\"body\":\"{\\\"method\\\":\\\"GET\\\",\\\"path\\\":\\\"/v1\\\"");
  }

  @Test
  void aNonHttpEventFailsThatInvocationOnlyAndTheRuntimeGoesOn() {
    FakeRuntimeApi.Result r = raw("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.error()).isTrue();
    assertThat(r.text()).contains("IllegalArgumentException").contains("not an HTTP event");
    assertThat(get("/after?status=200").getStatusCode()).isEqualTo(200);
  }
}
