package org.maprule.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.aws.HttpEventCodec.PayloadVersion;
import org.maprule.aws.runtime.FakeRuntimeApi;
import org.maprule.aws.runtime.FunctionUrlFrontEnd;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;

/**
 * The product handler in process (the Spring context SCF starts, on the environment of this JVM:
 * no {@code MAPRULE_*}, so the built-in example rules and cloud {@code aws}): every answer equals
 * core's own answer to the same request, status, headers and body bytes.
 */
class MapruleHandlerTest {
  static MapruleHandler handler;
  static MapruleService core;

  @BeforeAll
  static void start() {
    System.setProperty("MAIN_CLASS", MapruleLambdaApplication.class.getName());
    try {
      handler = new MapruleHandler();
    } finally {
      System.clearProperty("MAIN_CLASS");
    }
    core = AwsSettings.read(name -> null).service(MapruleHandlerTest.class.getClassLoader());
  }

  static List<HttpRequest> requests() {
    String ce = "2001:db8:12:3400::1";
    return List.of(
        HttpRequest.get("/health", Headers.empty(), ce),
        HttpRequest.get("/rules", Headers.of("accept", "application/json"), ce),
        new HttpRequest("HEAD", "/rules", Map.of(), Headers.empty(), new byte[0], ce),
        HttpRequest.get("/hb46pp?vendorid=acde48&product=x&version=1&capability=map_e", Headers.empty(), ce),
        HttpRequest.get("/?ipv6Prefix=2001:db8:12:3400::&ipv6PrefixLength=56&code=any", Headers.empty(), ce),
        HttpRequest.get("/calc?prefix=2001:db8:12:3400::/56", Headers.empty(), ce),
        HttpRequest.get("/calc", Headers.empty(), ce),
        HttpRequest.get("/no/such/path", Headers.empty(), ce),
        HttpRequest.get("/hb46pp?vendorid=acde48&product=x&version=1&capability=map_e",
            Headers.empty(), "192.0.2.1"));
  }

  static HttpResponse viaHandler(HttpRequest request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(HttpEventCodec.functionUrlEvent(request)), out, null);
    return FunctionUrlFrontEnd.toHttp(new FakeRuntimeApi.Result("in-process", false, out.toByteArray(),
        Map.of(), 0));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void answersExactlyAsCore(HttpRequest request) throws IOException {
    HttpResponse expected = core.handle(request);
    HttpResponse actual = viaHandler(request);
    assertThat(actual.status()).isEqualTo(expected.status());
    assertThat(actual.headers()).isEqualTo(joined(expected.headers()));
    assertThat(actual.body()).isEqualTo(expected.body());
    assertThat(actual.headers().contains("id")).isFalse();
    assertThat(actual.headers().contains("timestamp")).isFalse();
    assertThat(actual.headers().first("content-type")).isNotNull();
  }

  @Test
  void unknownPathIsNot200() throws IOException {
    assertThat(viaHandler(HttpRequest.get("/no/such/path", Headers.empty(), "2001:db8::1")).status())
        .isEqualTo(404);
  }

  @Test
  void payload1EventsToo() throws IOException {
    HttpRequest request = HttpRequest.get("/health", Headers.empty(), "192.0.2.1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(("{\"httpMethod\":\"GET\",\"path\":\"/health\","
        + "\"requestContext\":{\"identity\":{\"sourceIp\":\"192.0.2.1\"}}}").getBytes()), out, null);
    assertThat(out.toByteArray()).isEqualTo(HttpEventCodec.encode(core.handle(request), PayloadVersion.V1));
  }

  @Test
  void primingRunsTheCeRequestsThroughTheHandler() {
    String line = handler.priming().prime();
    // the example's first rule is in its RFC 7597-layout domain, which OCN refuses (409)
    assertThat(line).startsWith(SnapStartPriming.MARKER).contains("GET /health -> 200",
        "GET /rules -> 200", "GET /hb46pp -> 200", "GET / -> 409", "GET /calc -> 200");
  }

  /** Payload 2.0 joins repeated values with ", " (the front end sends one field). */
  static Headers joined(Headers h) {
    Headers.Builder b = Headers.builder();
    h.asMap().forEach((k, v) -> b.add(k, String.join(", ", v)));
    return b.build();
  }
}
