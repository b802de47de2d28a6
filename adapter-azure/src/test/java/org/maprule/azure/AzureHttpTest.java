package org.maprule.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;

/** The translation alone, on the worker's own request and response shapes. */
class AzureHttpTest {

  private static WorkerHttpRequest get(String url, String... namesAndValues) {
    List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.add(new SimpleEntry<>(namesAndValues[i], namesAndValues[i + 1]));
    }
    return WorkerHttpRequest.fromHost("GET", url, fields, new byte[0]);
  }

  @Test
  void queryIsReadFromTheRawQueryNotFromTheWorkersSingleValuedMap() {
    WorkerHttpRequest platform = get("https://h/?code=a&code=b&callback=&x=1%2B1+2");
    // what the worker's map says: joined, empty dropped
    assertThat(platform.getQueryParameters()).containsExactly(
        Map.entry("code", "a,b"), Map.entry("x", "1+1 2"));

    HttpRequest neutral = AzureHttp.toNeutral(platform);

    assertThat(neutral.query()).containsExactly(
        Map.entry("code", List.of("a", "b")),
        Map.entry("callback", List.of("")),
        Map.entry("x", List.of("1+1 2")));
  }

  @Test
  void queryDecodesAsCoreDecodesIt() {
    String raw = "ipv6Prefix=2001:db8:12:3400::&ipv6PrefixLength=56&n%C3%A4me=%E2%9C%93";
    HttpRequest neutral = AzureHttp.toNeutral(get("https://h/?" + raw));
    assertThat(neutral.query()).isEqualTo(HttpRequest.parseQuery(raw));
  }

  @Test
  void rootPathMissingQueryAndNoBody() {
    HttpRequest neutral = AzureHttp.toNeutral(get("https://h/"));
    assertThat(neutral.method()).isEqualTo("GET");
    assertThat(neutral.path()).isEqualTo("/");
    assertThat(neutral.query()).isEmpty();
    assertThat(neutral.body()).isEmpty();
    assertThat(neutral.peerAddress()).isNull();
  }

  @Test
  void pathIsDecoded() {
    HttpRequest neutral = AzureHttp.toNeutral(get("https://h/key%20one/get_rules?callback=cb"));
    assertThat(neutral.path()).isEqualTo("/key one/get_rules");
    assertThat(neutral.queryFirst("callback")).isEqualTo("cb");
  }

  @Test
  void headMethodAndHeadersAreKept() {
    WorkerHttpRequest platform = WorkerHttpRequest.fromHost("head", "https://h/rules",
        List.of(new SimpleEntry<>("If-None-Match", "\"abc\""),
            new SimpleEntry<>("X-Origin-Verify", "s3cret")), new byte[0]);
    HttpRequest neutral = AzureHttp.toNeutral(platform);
    assertThat(neutral.method()).isEqualTo("HEAD");
    assertThat(neutral.headers().first("if-none-match")).isEqualTo("\"abc\"");
    assertThat(neutral.headers().first("X-Origin-Verify")).isEqualTo("s3cret");
  }

  @Test
  void bodyBytesArePassedOn() {
    byte[] body = {0, 1, (byte) 0xff};
    WorkerHttpRequest platform =
        WorkerHttpRequest.fromHost("GET", "https://h/x", List.of(), body);
    assertThat(AzureHttp.toNeutral(platform).body()).containsExactly(0, 1, 0xff);
  }

  @Test
  void aUrlJavaCannotParseFailsTheInvocationBeforeCore() {
    // The worker builds getUri() with URI.create: a malformed escape in the raw query throws.
    assertThatThrownBy(() -> AzureHttp.toNeutral(get("https://h/calc?prefix=%zz")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void responseCarriesStatusEveryHeaderAndTheBodyBytes() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    HttpResponse core = new HttpResponse(404, Headers.builder()
        .add("content-type", "application/problem+json")
        .add("vary", "accept")
        .add("vary", "origin")
        .add("x-maprule-ruleset", "d1gest")
        .build(), body);

    WorkerHttpResponse out =
        (WorkerHttpResponse) AzureHttp.toPlatform(get("https://h/nope"), core);

    assertThat(out.getStatusCode()).isEqualTo(404);
    assertThat(out.headers()).containsOnly(
        Map.entry("content-type", "application/problem+json"),
        Map.entry("vary", "accept, origin"),
        Map.entry("x-maprule-ruleset", "d1gest"));
    assertThat((byte[]) out.getBody()).isEqualTo(body);
  }

  @Test
  void emptyBodyIsNoBody() {
    HttpResponse core = new HttpResponse(304, Headers.of("etag", "\"x\""), new byte[0]);
    WorkerHttpResponse out = (WorkerHttpResponse) AzureHttp.toPlatform(get("https://h/rules"), core);
    assertThat(out.getStatusCode()).isEqualTo(304);
    assertThat(out.getBody()).isNull();
    assertThat(out.getHeader("etag")).isEqualTo("\"x\"");
  }

  @Test
  void unusualStatusCodesPassThrough() {
    for (int status : new int[] {200, 400, 405, 429, 503, 599}) {
      HttpResponse core = new HttpResponse(status, Headers.empty(), new byte[0]);
      assertThat(AzureHttp.toPlatform(get("https://h/"), core).getStatusCode()).isEqualTo(status);
    }
  }

  static Stream<Arguments> frontEndAddresses() {
    return Stream.of(
        // client-ip as App Service sets it: ip:port, [ipv6]:port
        Arguments.of(Map.of("client-ip", "192.0.2.7:4598"), "192.0.2.7"),
        Arguments.of(Map.of("client-ip", "[2001:db8::7]:43592"), "2001:db8::7"),
        // without a port (not seen from App Service, accepted anyway)
        Arguments.of(Map.of("client-ip", "192.0.2.7"), "192.0.2.7"),
        Arguments.of(Map.of("client-ip", "[2001:db8::7]"), "2001:db8::7"),
        Arguments.of(Map.of("client-ip", "2001:db8::7"), "2001:db8::7"),
        Arguments.of(Map.of("client-ip", " 192.0.2.7:1 "), "192.0.2.7"),
        // client-ip wins over whatever the chain says (the chain's first element is the client's)
        Arguments.of(Map.of("client-ip", "192.0.2.7:4598",
            "x-forwarded-for", "203.0.113.9, 192.0.2.7:4598"), "192.0.2.7"),
        // no client-ip: the element the front end appended last
        Arguments.of(Map.of("x-forwarded-for", "203.0.113.9, 198.51.100.2:61598"), "198.51.100.2"),
        Arguments.of(Map.of("x-forwarded-for", "203.0.113.9,[2001:db8::2]:64909"), "2001:db8::2"),
        Arguments.of(Map.of("x-forwarded-for", "198.51.100.2"), "198.51.100.2"),
        // neither: no front end (a local host run)
        Arguments.of(Map.of(), null),
        Arguments.of(Map.of("client-ip", " "), null),
        Arguments.of(Map.of("x-azure-clientip", "192.0.2.99"), null),
        // not an address: passed on as found, core judges it
        Arguments.of(Map.of("client-ip", "unknown"), "unknown"));
  }

  @ParameterizedTest
  @MethodSource("frontEndAddresses")
  void clientAddressFromTheFrontEndHeaders(Map<String, String> headers, String expected) {
    assertThat(AzureHttp.clientAddress(headers)).isEqualTo(expected);
  }

  @Test
  void peerAddressOfTheNeutralRequestIsTheFrontEndsAddress() {
    HttpRequest neutral = AzureHttp.toNeutral(get("https://h/hb46pp",
        "X-Forwarded-For", "203.0.113.66, [2001:db8:1::5]:50000",
        "CLIENT-IP", "[2001:db8:1::5]:50000",
        "X-Client-IP", "2001:db8:1::5"));
    assertThat(neutral.peerAddress()).isEqualTo("2001:db8:1::5");
  }
}
