package org.maprule.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.addr.Corpus;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.TransportFault;
import org.maprule.http.TransportFaultCase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local transport under hostile clients, over raw sockets: stalled and slow headers,
 * over-long lines, over-large headers and bodies, bad and unknown transfer codings, bare LF,
 * pipelining, half-close, HEAD and 304 framing, the connection limit and draining. Every answer
 * is core's (golden bytes from core's test-jar where one exists); nothing here times the server,
 * timeouts are only waited out.
 */
class HostileClientTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The service of the golden cases' {@code example} context. */
  private static final MapruleService SERVICE = TransportFaultCase.service("example");
  private static final String DIGEST = SERVICE.ruleSetDigest();
  private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";

  private LocalServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private int start(ServerLimits limits) throws IOException {
    server = LocalServer.start(SERVICE, new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
        0), limits, Observers.none());
    return server.port();
  }

  private int start() throws IOException {
    return start(ServerLimits.defaults());
  }

  /** The invariants of a transport-fault answer: core's problem+json, closed after. */
  private static JsonNode assertFault(RawConnection c, RawConnection.Answer a, int status)
      throws IOException {
    assertThat(a.status()).as(a.text()).isEqualTo(status);
    assertThat(a.headers().first("content-type"))
        .isEqualTo("application/problem+json; charset=utf-8");
    assertThat(a.headers().first("cache-control")).isEqualTo("no-store");
    assertThat(a.headers().first("x-maprule-ruleset")).isEqualTo(DIGEST);
    assertThat(a.headers().first("connection")).isEqualTo("close");
    assertThat(a.text()).doesNotContain("Exception").doesNotContainIgnoringCase("<html");
    assertThat(c.closedWithoutMore()).as("closed after the answer").isTrue();
    return JSON.readTree(a.body());
  }

  /** Asserts that {@code a} is exactly core's golden answer {@code name}. */
  private static void assertGolden(RawConnection.Answer a, String name) {
    TransportFaultCase g = TransportFaultCase.load(name);
    assertThat(a.status()).isEqualTo(g.status());
    g.headers().asMap().forEach((k, v) -> assertThat(a.headers().all(k)).as(k).isEqualTo(v));
    assertThat(a.text()).isEqualTo(g.body());
    assertThat(a.headers().first("content-length")).isEqualTo(Integer.toString(a.body().length));
    assertThat(a.headers().first("date")).endsWith(" GMT");
  }

  // ---- golden answers for the attacks the issue names ----

  static Stream<Arguments> goldenAttacks() {
    StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 150; i++) {
      many.append("X-").append(i).append(": 1\r\n");
    }
    return Stream.of(
        Arguments.of("request-line-too-long", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n"),
        Arguments.of("headers-too-large",
            "GET /health HTTP/1.1\r\nHost: x\r\nX-A: " + "a".repeat(20_000) + "\r\n\r\n"),
        Arguments.of("headers-too-many", many.append("\r\n").toString()),
        Arguments.of("body-too-large",
            "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"),
        Arguments.of("transfer-coding-gzip",
            "GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"),
        Arguments.of("transfer-coding-chunked-twice",
            "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n"),
        Arguments.of("transfer-encoding-and-content-length", "POST /health HTTP/1.1\r\nHost: x\r\n"
            + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
        Arguments.of("transfer-encoding-http10",
            "POST /health HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        Arguments.of("content-length-not-a-number",
            "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
        Arguments.of("bare-lf", "GET /health HTTP/1.1\nHost: x\n\n"),
        Arguments.of("malformed-line", "GET /health HTTP/1.1\r\nHost : x\r\n\r\n"),
        Arguments.of("chunked-body-malformed", "POST /health HTTP/1.1\r\nHost: x\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
        Arguments.of("version-http2", "GET /health HTTP/2.0\r\nHost: x\r\n\r\n"),
        Arguments.of("body-too-large", "POST /health HTTP/1.1\r\nHost: x\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n1400\r\n" + "a".repeat(5120) + "\r\n1400\r\n"
            + "a".repeat(5120) + "\r\n0\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenAttacks")
  void anAttackGetsCoresGoldenAnswerAndTheConnectionCloses(String golden, String request)
      throws IOException {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      RawConnection.Answer a = c.send(request).read();
      assertGolden(a, golden);
      assertFault(c, a, a.status());
    }
    try (RawConnection c = RawConnection.open(port)) {
      assertThat(c.send(HEALTH).read().status()).as("the server goes on").isEqualTo(200);
    }
  }

  // ---- the negative corpus: every request that cannot be read, with its reason ----

  static Stream<Corpus.Line> unreadable() {
    return Corpus.loadResource("/server/unreadable-requests.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void anUnreadableRequestGetsCoresProblemAndTheConnectionCloses(Corpus.Line u)
      throws IOException {
    TransportFault fault = TransportFault.valueOf(u.expectation());
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      RawConnection.Answer a = c.send(u.input()).read();
      JsonNode body = assertFault(c, a, fault.status());
      assertThat(body.get("code").asString()).isEqualTo(fault.code().name());
      assertThat(body.get("field").asString()).isEqualTo(fault.field());
    }
  }

  // ---- slow and stalled clients ----

  @Test
  void stalledHeadersAreClosedByTheHeaderTimeoutWhileOthersAreServed() throws Exception {
    int port = start(ServerLimits.defaults().withHeaderTimeout(Duration.ofSeconds(3)));
    List<RawConnection> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        stalled.add(RawConnection.open(port).send("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: "));
      }
      try (RawConnection normal = RawConnection.open(port)) {
        assertThat(normal.send(HEALTH).read().status()).isEqualTo(200);
      }
      HttpResponse expected = SERVICE.transportFault(TransportFault.REQUEST_TIMEOUT, null,
          "not complete within 3 s");
      for (RawConnection s : stalled) {
        RawConnection.Answer a = s.read();
        assertFault(s, a, 408);
        assertThat(a.body()).isEqualTo(expected.body());
      }
    } finally {
      for (RawConnection s : stalled) {
        s.close();
      }
    }
  }

  @Test
  void aConnectionThatSendsNothingIsClosedWithoutAnAnswer() throws Exception {
    int port = start(ServerLimits.defaults().withHeaderTimeout(Duration.ofMillis(500)));
    try (RawConnection c = RawConnection.open(port)) {
      assertThat(c.rest()).isEmpty();
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeoutWithoutAnAnswer() throws Exception {
    int port = start(ServerLimits.defaults().withIdleTimeout(Duration.ofMillis(500)));
    try (RawConnection c = RawConnection.open(port)) {
      assertThat(c.send(HEALTH).read().status()).isEqualTo(200);
      assertThat(c.rest()).isEmpty();
    }
  }

  @Test
  void aSlowButSteadyClientIsAnswered() throws Exception {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      for (byte b : HEALTH.getBytes(StandardCharsets.ISO_8859_1)) {
        c.send(new byte[] {b});
        Thread.sleep(2);
      }
      assertThat(c.read().status()).isEqualTo(200);
    }
  }

  // ---- framing: pipelining, half-close, HEAD, 304, keep-alive ----

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      c.send(HEALTH + "HEAD /rules HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /calc?prefix=2001:db8:12:3400::/56 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(c.read().text()).contains("\"status\":\"ok\"");
      RawConnection.Answer head = c.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers().first("etag")).isEqualTo('"' + DIGEST + '"');
      assertThat(c.read().status()).isEqualTo(404);
      RawConnection.Answer calc = c.read();
      assertThat(calc.text()).startsWith("{\"prefix\":\"2001:db8:12:3400::/56\"");
      assertThat(calc.headers().first("connection")).isEqualTo("close");
      assertThat(c.closedWithoutMore()).isTrue();
    }
  }

  @Test
  void aFaultInAPipelineEndsItAfterTheAnswersBefore() throws Exception {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      c.send(HEALTH + "GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"
          + HEALTH);
      assertThat(c.read().status()).isEqualTo(200);
      assertFault(c, c.read(), 501);
    }
  }

  @Test
  void aHalfClosedClientGetsItsWholeAnswer() throws Exception {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      c.send("GET /rules HTTP/1.1\r\nHost: x\r\n\r\n");
      c.shutdownOutput();
      RawConnection.Answer a = c.read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.body()).isEqualTo(SERVICE.handle(org.maprule.http.HttpRequest.get("/rules",
          org.maprule.http.Headers.empty(), "127.0.0.1")).body());
      assertThat(c.closedWithoutMore()).isTrue();
    }
  }

  @Test
  void aClientThatHalfClosesMidRequestGetsCoresAnswer() throws Exception {
    int port = start();
    for (String partial : List.of("GET /health HTTP/1.1\r\nHost: x\r\n", "GET /heal",
        "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")) {
      try (RawConnection c = RawConnection.open(port)) {
        c.send(partial);
        c.shutdownOutput();
        RawConnection.Answer a = c.read();
        assertGolden(a, "closed-before-complete");
        assertFault(c, a, 400);
      }
    }
  }

  @Test
  void headAnd304HaveNoBodyAndTheConnectionStaysUsable() throws Exception {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      RawConnection.Answer get = c.send("GET /rules HTTP/1.1\r\nHost: x\r\n\r\n").read();
      RawConnection.Answer head = c.send("HEAD /rules HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers().contains("content-length")).isFalse();
      for (String name : List.of("content-type", "cache-control", "etag", "x-maprule-ruleset")) {
        assertThat(head.headers().first(name)).as(name).isEqualTo(get.headers().first(name));
      }
      RawConnection.Answer notModified = c.send("GET /rules HTTP/1.1\r\nHost: x\r\n"
          + "If-None-Match: \"" + DIGEST + "\"\r\n\r\n").read();
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.headers().contains("content-length")).isFalse();
      assertThat(notModified.headers().first("etag")).isEqualTo('"' + DIGEST + '"');
      // no stray body bytes: the next answer on the connection starts with its status line
      assertThat(c.send(HEALTH).read().text()).contains("\"status\":\"ok\"");
      assertThat(c.hasBytes()).isFalse();
    }
  }

  @Test
  void http10IsClosedUnlessItAsksForKeepAlive() throws Exception {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      RawConnection.Answer a = c.send("GET /health HTTP/1.0\r\n\r\n").read();
      assertThat(a.statusLine()).startsWith("HTTP/1.1 200");
      assertThat(a.headers().first("connection")).isEqualTo("close");
      assertThat(c.closedWithoutMore()).isTrue();
    }
    try (RawConnection c = RawConnection.open(port)) {
      RawConnection.Answer a = c.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
          .read();
      assertThat(a.headers().first("connection")).isEqualTo("keep-alive");
      assertThat(c.send("GET /health HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
    }
  }

  @Test
  void expectContinueGets100BeforeTheBodyIsSent() throws Exception {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      c.send("POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
          + "Expect: 100-continue\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(100);
      RawConnection.Answer a = c.send("hello").read();
      assertThat(a.status()).isEqualTo(405);
      assertThat(a.headers().first("allow")).isEqualTo("GET, HEAD");
    }
  }

  @Test
  void aRawUtf8TargetReachesCoreAsUtf8() throws Exception {
    int port = start();
    try (RawConnection c = RawConnection.open(port)) {
      c.send("GET /テ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      JsonNode body = JSON.readTree(c.read().body());
      assertThat(body.get("value").asString()).isEqualTo("/テ");
    }
  }

  @Test
  void aClientThatDoesNotReadItsAnswersIsServedInOrderOnceItReads() throws Exception {
    int port = start();
    int n = 3000;
    try (RawConnection c = RawConnection.open(port)) {
      byte[] one = "GET /rules HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try {
          for (int i = 0; i < n; i++) {
            c.send(one);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      Thread.sleep(300); // the server's output backs up meanwhile
      try (RawConnection other = RawConnection.open(port)) {
        assertThat(other.send(HEALTH).read().status()).as("others are served").isEqualTo(200);
      }
      for (int i = 0; i < n; i++) {
        assertThat(c.read().status()).isEqualTo(200);
      }
      writer.get(60, TimeUnit.SECONDS);
    }
  }

  // ---- connection limit and draining ----

  @Test
  void aConnectionBeyondTheLimitGets503AndTheOthersAreServedOn() throws Exception {
    int port = start(ServerLimits.defaults().withMaxConnections(2));
    try (RawConnection a = RawConnection.open(port); RawConnection b = RawConnection.open(port)) {
      assertThat(a.send(HEALTH).read().status()).isEqualTo(200);
      assertThat(b.send(HEALTH).read().status()).isEqualTo(200);
      try (RawConnection c = RawConnection.open(port)) {
        RawConnection.Answer refused = c.send(HEALTH).read();
        assertFault(c, refused, 503);
        assertThat(refused.body()).isEqualTo(SERVICE.transportFault(
            TransportFault.CONNECTION_LIMIT, null, "2 at once; try again later").body());
      }
      assertThat(a.send(HEALTH).read().status()).isEqualTo(200);
    }
    // once the others are gone, a new connection is served again
    int status = 0;
    for (int i = 0; i < 100 && status != 200; i++) {
      try (RawConnection d = RawConnection.open(port)) {
        status = d.send(HEALTH).read().status();
      }
      if (status != 200) {
        Thread.sleep(50);
      }
    }
    assertThat(status).isEqualTo(200);
  }

  @Test
  void drainFinishesTheRequestInProgressAndClosesIdleConnections() throws Exception {
    int port = start();
    try (RawConnection busy = RawConnection.open(port);
        RawConnection idle = RawConnection.open(port)) {
      assertThat(idle.send(HEALTH).read().status()).isEqualTo(200);
      busy.send("GET /health HTTP/1.1\r\nHost: x\r\n");
      CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(
          () -> server.drain(Duration.ofSeconds(20)));
      assertThat(idle.closedWithoutMore()).as("an idle connection is closed").isTrue();
      RawConnection.awaitRefused(port);
      RawConnection.Answer a = busy.send("\r\n").read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.headers().first("connection")).isEqualTo("close");
      assertThat(busy.closedWithoutMore()).isTrue();
      assertThat(drained.get(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
