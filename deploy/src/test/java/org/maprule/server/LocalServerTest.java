package org.maprule.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;

/** The local transport alone, on a recording handler: what goes in, what comes out. */
class LocalServerTest {
  private final AtomicReference<HttpRequest> seen = new AtomicReference<>();
  private LocalServer server;

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
  }

  private LoopbackClient start(String host, Function<HttpRequest, HttpResponse> answer) throws IOException {
    server = LocalServer.start(r -> {
      seen.set(r);
      return answer.apply(r);
    }, new InetSocketAddress(InetAddress.getByName(host), 0));
    return new LoopbackClient(host, server.port());
  }

  private static HttpResponse ok(String body, String... headers) {
    return new HttpResponse(200, Headers.of(headers), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void requestIsTranslatedWhole() throws Exception {
    LoopbackClient client = start("127.0.0.1", r -> ok("{}"));
    client.get("/calc?prefix=2001%3Adb8%3A12%3A3400%3A%3A%2F56&a=1&a=2&sp=x+y&bad=%zz",
        "X-Test-Client", "2001:db8::1", "Accept", "application/json");
    HttpRequest r = seen.get();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/calc");
    assertThat(r.queryFirst("prefix")).isEqualTo("2001:db8:12:3400::/56");
    assertThat(r.query().get("a")).containsExactly("1", "2");
    assertThat(r.queryFirst("sp")).isEqualTo("x y");
    assertThat(r.queryFirst("bad")).isEqualTo("%zz");
    assertThat(r.headers().first("x-test-client")).isEqualTo("2001:db8::1");
    assertThat(r.headers().first("accept")).isEqualTo("application/json");
    assertThat(r.peerAddress()).isEqualTo("127.0.0.1");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void pathIsPercentDecodedFromTheRawPath() throws Exception {
    LoopbackClient client = start("127.0.0.1", r -> ok(""));
    client.exchange(new HttpRequest("GET", "/key one/テ", null, Headers.empty(), null, null));
    assertThat(seen.get().path()).isEqualTo("/key one/テ");
    raw("GET /%E3%83%86+x%2Fy?q=%2F HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(seen.get().path()).isEqualTo("/テ+x/y");
    assertThat(seen.get().queryFirst("q")).isEqualTo("/");
  }

  @Test
  void aTargetThatIsNoUriStillReachesTheHandlerAsSent() throws Exception {
    start("127.0.0.1", r -> ok(""));
    String answer = raw("GET /%zz?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 200 ");
    assertThat(seen.get().path()).isEqualTo("/%zz");
    assertThat(seen.get().queryFirst("q")).isEqualTo("%zz");
    raw("GET //get_rules HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(seen.get().path()).as("never read as an authority").isEqualTo("//get_rules");
  }

  @Test
  void headerNamesAreWrittenAsCoreGivesThemWithDateAndLength() throws Exception {
    start("127.0.0.1", r -> ok("{}", "content-type", "application/json", "x-maprule-ruleset", "d"));
    String answer = raw("GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(answer).contains("\r\ncontent-type: application/json\r\n")
        .contains("\r\nx-maprule-ruleset: d\r\n").contains("\r\ncontent-length: 2\r\n")
        .containsPattern("\r\ndate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n")
        .contains("\r\nconnection: close\r\n");
  }

  @Test
  void responseIsCopiedUnchanged() throws Exception {
    LoopbackClient client = start("127.0.0.1", r -> new HttpResponse(403,
        Headers.builder().add("Content-Type", "application/problem+json")
            .add("x-maprule-ruleset", "ab12").add("vary", "a").add("vary", "b").build(),
        "{\"code\":\"FORBIDDEN_CODE\"}".getBytes(StandardCharsets.UTF_8)));
    HttpResponse r = client.get("/?code=x");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.headers().first("content-type")).isEqualTo("application/problem+json");
    assertThat(r.headers().first("x-maprule-ruleset")).isEqualTo("ab12");
    assertThat(r.headers().all("vary")).containsExactly("a", "b");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"FORBIDDEN_CODE\"}");
    assertThat(r.headers().first("content-length")).isEqualTo("25");
  }

  @Test
  void headAndNotModifiedHaveNoBody() throws Exception {
    LoopbackClient client = start("127.0.0.1", r -> r.path().equals("/304")
        ? new HttpResponse(304, Headers.of("etag", "\"d\""), new byte[0])
        : ok("", "etag", "\"d\"", "content-type", "application/json"));
    HttpResponse head = client.exchange(new HttpRequest("HEAD", "/rules", null, Headers.empty(), null, null));
    assertThat(seen.get().method()).isEqualTo("HEAD");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.headers().first("etag")).isEqualTo("\"d\"");
    assertThat(head.body()).isEmpty();
    HttpResponse notModified = client.get("/304", "If-None-Match", "\"d\"");
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.headers().first("etag")).isEqualTo("\"d\"");
    assertThat(notModified.body()).isEmpty();
  }

  @Test
  void rawHttpAnswerIsFramedByTheServer() throws Exception {
    start("127.0.0.1", r -> ok("abc", "content-type", "text/plain", "content-length", "999"));
    String answer = raw("GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 200 ");
    assertThat(answer.toLowerCase()).contains("content-length: 3\r\n").doesNotContain("999");
    assertThat(answer).endsWith("\r\n\r\nabc");
  }

  @Test
  void aFailingHandlerGivesA500WithoutDetailsAndTheServerGoesOn() throws Exception {
    LoopbackClient client = start("127.0.0.1", r -> {
      if (r.path().equals("/boom")) {
        throw new IllegalStateException("secret internals");
      }
      return ok("fine");
    });
    HttpResponse boom = client.get("/boom");
    assertThat(boom.status()).isEqualTo(500);
    assertThat(boom.body()).isEmpty();
    assertThat(client.get("/next").status()).isEqualTo(200);
  }

  @Test
  void ipv6PeerIsPlainRfc5952Text() throws Exception {
    InetAddress loopback6;
    try {
      loopback6 = InetAddress.getByName("::1");
      new java.net.ServerSocket(0, 1, loopback6).close();
    } catch (IOException e) {
      Assumptions.abort("SKIPPED: no IPv6 loopback here: " + e);
      return;
    }
    LoopbackClient client = start("::1", r -> ok(""));
    client.get("/health");
    assertThat(seen.get().peerAddress()).isEqualTo("::1");
    assertThat(server.address().getAddress()).isEqualTo(loopback6);
  }

  @Test
  void portZeroPicksAFreePortAndCloseReleasesIt() throws Exception {
    start("127.0.0.1", r -> ok(""));
    int port = server.port();
    assertThat(port).isBetween(1, 65535);
    server.close();
    server = null;
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
  }

  @Test
  void manyConcurrentRequestsAreAllAnswered() throws Exception {
    LoopbackClient client = start("127.0.0.1", r -> ok(r.queryFirst("i")));
    List<Integer> ids = java.util.stream.IntStream.range(0, 200).boxed().toList();
    List<String> bodies = ids.parallelStream().map(i -> {
      try {
        return new String(client.get("/x?i=" + i).body(), StandardCharsets.UTF_8);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(bodies).isEqualTo(ids.stream().map(String::valueOf).toList());
  }

  @Test
  void peerTextHasNoZoneOrBrackets() throws Exception {
    InetAddress scoped = java.net.Inet6Address.getByAddress(null,
        InetAddress.getByName("fe80::1").getAddress(), 3);
    assertThat(scoped.getHostAddress()).contains("%");
    assertThat(LocalServer.peer(new InetSocketAddress(scoped, 1))).isEqualTo("fe80::1");
    assertThat(LocalServer.peer(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 1)))
        .isEqualTo("192.0.2.1");
    assertThat(LocalServer.peer(null)).isNull();
  }

  private String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
