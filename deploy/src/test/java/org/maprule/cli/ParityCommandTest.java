package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;
import org.maprule.server.LocalServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code maprule parity} against two real {@link LocalServer}s with {@link MapruleService} on
 * loopback.
 */
class ParityCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String HEADER = "x-test-client";
  private static final ServiceConfig CONFIG =
      ServiceConfig.defaults().withClientAddressHeader(HEADER);
  private static final String EXAMPLE = RuleSetLoader.example().digest();

  @TempDir Path dir;

  private final List<LocalServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(LocalServer::close);
  }

  private String serve(Function<HttpRequest, HttpResponse> handler) throws Exception {
    LocalServer s = LocalServer.start(handler,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    servers.add(s);
    return "http://127.0.0.1:" + s.port();
  }

  private String serve(ServiceConfig config, byte[] rules) throws Exception {
    return serve(MapruleService.load(config, rules, RuleSetFormat.NATIVE)::handle);
  }

  private String serveExample() throws Exception {
    return serve(CONFIG, RuleSetLoader.exampleBytes());
  }

  /** The example rule set with its ttl changed: valid, another digest. */
  private static byte[] otherRules() {
    String s = new String(RuleSetLoader.exampleBytes(), StandardCharsets.UTF_8);
    assertThat(s).contains("\"ttl\": 86400");
    return s.replace("\"ttl\": 86400", "\"ttl\": 3600").getBytes(StandardCharsets.UTF_8);
  }

  private static Cli.Result parity(String a, String b, String... more) {
    List<String> args = new ArrayList<>(List.of("parity", "--endpoint", a, "--endpoint", b,
        "--client-address-header", HEADER));
    args.addAll(Arrays.asList(more));
    return Cli.run(args.toArray(String[]::new)).noStackTrace();
  }

  @Test
  void theSameRulesGiveExitZeroWithEveryFormatCompared() throws Exception {
    String a = serveExample();
    String b = serveExample();
    Cli.Result r = parity(a, b);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.lines()).containsExactly(
        "endpoint 1  " + a + "  /health 200 ok, cloud local, rule set " + EXAMPLE,
        "endpoint 2  " + b + "  /health 200 ok, cloud local, rule set " + EXAMPLE,
        "samples   seed 1, 20 per format, from endpoint 1 /rules (2 domains, 3 rules)",
        "format   requests  identical  different",
        "ocn            20         20          0",
        "hb46pp         20         20          0",
        "jpne           20         20          0",
        "calc           20         20          0",
        "lookup         20         20          0",
        "rules          20         20          0",
        "parity: 120 requests, 120 identical, 0 different");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void differentRuleSetsGiveExitOneNamingBothDigestsAndSendNoSamples() throws Exception {
    String a = serveExample();
    AtomicInteger requests = new AtomicInteger();
    MapruleService other = MapruleService.load(CONFIG, otherRules(), RuleSetFormat.NATIVE);
    String b = serve(req -> {
      requests.incrementAndGet();
      return other.handle(req);
    });
    Cli.Result r = parity(a, b);
    assertThat(r.exit()).isEqualTo(ParityCommand.DIFFERENT);
    assertThat(other.ruleSetDigest()).isNotEqualTo(EXAMPLE);
    assertThat(r.lines()).last().isEqualTo("parity: DIFFERENT: different rule sets: endpoint 1 "
        + "serves " + EXAMPLE + ", endpoint 2 serves " + other.ruleSetDigest()
        + "; no requests sampled");
    assertThat(requests).hasValue(1); // /health only

    JsonNode j = JSON.readTree(parity(a, b, "--json").out());
    assertThat(j.get("identical").asBoolean()).isFalse();
    assertThat(j.get("sameRuleSet").asBoolean()).isFalse();
    assertThat(j.get("endpoints").get(1).get("ruleSet").asString()).isEqualTo(other.ruleSetDigest());
  }

  @Test
  void anEndpointAnsweringDifferentlyOnOnePathIsNamedWithTheFirstDifferingByte() throws Exception {
    String a = serveExample();
    MapruleService service = MapruleService.load(CONFIG, RuleSetLoader.exampleBytes(),
        RuleSetFormat.NATIVE);
    // endpoint 2 answers /lookup with one byte changed (as a buggy deployment could)
    String b = serve(req -> {
      HttpResponse r = service.handle(req);
      if (!req.path().equals("/lookup") || r.body().length < 20) {
        return r;
      }
      byte[] body = r.body().clone();
      body[12] = (byte) (body[12] == 'X' ? 'Y' : 'X');
      return new HttpResponse(r.status(), r.headers(), body);
    });
    Cli.Result r = parity(a, b, "--samples", "5");
    assertThat(r.exit()).isEqualTo(ParityCommand.DIFFERENT);
    assertThat(r.out()).contains("lookup          5          0          5",
        "ocn             5          5          0", "rules           5          5          0",
        "parity: 30 requests, 25 identical, 5 DIFFERENT");
    List<String> lines = r.lines();
    int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("DIFFERENT ")).findFirst()
        .orElseThrow());
    assertThat(lines.get(first)).startsWith("DIFFERENT lookup GET /lookup?ipv4=").contains("&port=");
    assertThat(lines.get(first + 1)).isEqualTo("  body          first difference at byte 12 (lengths "
        + lines.get(first + 1).replaceAll(".*lengths ", ""));
    assertThat(lines.get(first + 2)).startsWith("    1: {\"");
    assertThat(lines.get(first + 3)).startsWith("    2: {\"").contains("X");
    assertThat(r.out()).doesNotContain("DIFFERENT ocn", "DIFFERENT rules", "  status ");

    JsonNode j = JSON.readTree(parity(a, b, "--samples", "5", "--json").out());
    assertThat(j.get("different").asInt()).isEqualTo(5);
    JsonNode d = j.get("differences").get(0);
    assertThat(d.get("format").asString()).isEqualTo("lookup");
    assertThat(d.get("status").get(0).asInt()).isEqualTo(d.get("status").get(1).asInt());
    assertThat(d.get("body").get("offset").asInt()).isEqualTo(12);
    assertThat(d.get("headerDifferences").isEmpty()).isTrue();
  }

  @Test
  void aDifferentHeaderIsShownWithBothValues() throws Exception {
    String a = serveExample();
    ServiceConfig shortAge = new ServiceConfig(CONFIG.ocnCodes(), CONFIG.clientAddressHeader(),
        CONFIG.originVerifyHeader(), CONFIG.originVerifySecret(), CONFIG.cloud(), 60,
        CONFIG.jpneKeys());
    String b = serve(shortAge, RuleSetLoader.exampleBytes());
    Cli.Result r = parity(a, b, "--samples", "2");
    assertThat(r.exit()).isEqualTo(ParityCommand.DIFFERENT);
    assertThat(r.out()).contains("  cache-control public, max-age=300 | public, max-age=60")
        .doesNotContain("DIFFERENT hb46pp", "DIFFERENT jpne");
  }

  @Test
  void anEndpointWithoutAValidRuleSetIsDifferent() throws Exception {
    String a = serveExample();
    String b = serve(CONFIG, "{\"ttl\":0,\"domains\":[]}".getBytes(StandardCharsets.UTF_8));
    Cli.Result r = parity(a, b);
    assertThat(r.exit()).isEqualTo(ParityCommand.DIFFERENT);
    assertThat(r.lines()).contains("endpoint 2  " + b + "  /health 503 invalid, cloud local, rule set none");
    assertThat(r.lines()).last().isEqualTo("parity: DIFFERENT: no valid rule set on endpoint 2: "
        + "/health must answer 200 with status ok");
  }

  @Test
  void theOriginVerifySecretIsSentWhenGiven() throws Exception {
    String a = serveExample();
    String b = serve(CONFIG.withOriginVerify("x-origin-verify", "s3cret-s3cret-s3cret"),
        RuleSetLoader.exampleBytes());
    // without the secret, endpoint 2 answers HB46PP/JPNE for the TCP peer (127.0.0.1): not a customer
    Cli.Result without = parity(a, b, "--samples", "3");
    assertThat(without.exit()).isEqualTo(ParityCommand.DIFFERENT);
    assertThat(without.out()).contains("DIFFERENT hb46pp", "  status        200 | 403")
        .doesNotContain("DIFFERENT ocn", "DIFFERENT calc");
    Path secret = Files.writeString(dir.resolve("secret"), "  s3cret-s3cret-s3cret\n");
    Cli.Result with = parity(a, b, "--samples", "3", "--origin-verify-secret-file", secret.toString());
    assertThat(with.exit()).as(with.out()).isZero();
  }

  @Test
  void cloudFrontsViewerAddressFormIsSent() throws Exception {
    ServiceConfig cf = ServiceConfig.defaults().withClientAddressHeader("cloudfront-viewer-address");
    AtomicInteger hb46pp200 = new AtomicInteger();
    MapruleService s = MapruleService.load(cf, RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
    String a = serve(req -> {
      HttpResponse r = s.handle(req);
      if (req.path().equals("/hb46pp") && r.status() == 200) {
        assertThat(req.headers().first("cloudfront-viewer-address")).matches(".*:\\d+");
        hb46pp200.incrementAndGet();
      }
      return r;
    });
    String b = serve(cf, RuleSetLoader.exampleBytes());
    Cli.Result r = Cli.run("parity", "--endpoint", a, "--endpoint", b, "--client-address-header",
        "cloudfront-viewer-address");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(hb46pp200.get()).isGreaterThanOrEqualTo(14); // 9 in 10 of 20 inside a rule
  }

  @Test
  void usageErrors() {
    assertThat(Cli.run("parity", "--endpoint", "http://127.0.0.1:1").noStackTrace().exit())
        .isEqualTo(Maprule.USAGE);
    assertThat(Cli.run("parity", "--endpoint", "http://a", "--endpoint", "http://b", "--endpoint",
        "http://c").noStackTrace().err()).contains("give --endpoint exactly twice (got 3)");
    assertThat(Cli.run("parity", "--endpoint", "ftp://a", "--endpoint", "http://b").noStackTrace()
        .err()).contains("'ftp://a' is not an http(s) base URL");
    assertThat(Cli.run("parity", "--endpoint", "http://a", "--endpoint", "http://b", "--samples",
        "0").noStackTrace().exit()).isEqualTo(Maprule.USAGE);
    assertThat(Cli.run("parity", "--endpoint", "http://a", "--endpoint", "http://b",
        "--client-address-header", "a b").noStackTrace().exit()).isEqualTo(Maprule.USAGE);
    assertThat(Cli.run("parity").exit()).isEqualTo(Maprule.USAGE);
  }

  @Test
  void anUnreachableEndpointIsAnIoError() throws Exception {
    String a = serveExample();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Cli.Result r = parity(a, "http://127.0.0.1:" + port);
    assertThat(r.exit()).isEqualTo(Maprule.IO);
    assertThat(r.err()).isEqualTo("maprule: cannot reach endpoint 2 http://127.0.0.1:" + port
        + "/health: cannot connect (connection refused)\n");
    assertThat(r.out()).isEmpty();
  }
}
