package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MapruleServiceTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ServiceConfig CONFIG =
      ServiceConfig.defaults().withClientAddressHeader("x-test-client");
  private static final MapruleService EXAMPLE =
      MapruleService.load(CONFIG, RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
  private static final String HB = "/hb46pp?vendorid=001122&product=p&version=1&capability=map_e";
  /** A customer of the example's RFC 7597 domain (2001:db8::/40). */
  private static final String CUSTOMER = "2001:db8:12:3400::1";
  /** A customer of the example's draft03 domain (2001:db8:100::/40). */
  private static final String DRAFT03_CUSTOMER = "2001:db8:112:3400::1";

  private static HttpResponse get(MapruleService s, String target, String... headers) {
    return s.handle(HttpRequest.get(target, Headers.of(headers), "127.0.0.1"));
  }

  private static HttpResponse exchange(MapruleService s, String method, String target,
      String... headers) {
    HttpRequest g = HttpRequest.get(target, Headers.of(headers), "127.0.0.1");
    return s.handle(new HttpRequest(method, g.path(), g.query(), g.headers(), null, "127.0.0.1"));
  }

  private static String text(HttpResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse r) {
    return JSON.readTree(r.body());
  }

  /** The invariants of every answer (docs/design.md §5, docs/domain.md §9). */
  private static void assertInvariants(HttpRequest request, HttpResponse r, String digest) {
    Headers h = r.headers();
    assertThat(h.first("x-maprule-ruleset")).isEqualTo(digest);
    assertThat(h.first("content-type")).isIn(Responses.JSON, Responses.PROBLEM_JSON,
        Responses.JAVASCRIPT, Responses.TEXT);
    // script only for get_rules, and then tailored and never sniffed; text only for /calc
    assertThat(h.first("content-type").equals(Responses.JAVASCRIPT))
        .isEqualTo(r.status() == 200 && request.path().endsWith("/get_rules"));
    assertThat(h.first("x-content-type-options"))
        .isEqualTo(h.first("content-type").equals(Responses.JAVASCRIPT) ? "nosniff" : null);
    if (h.first("content-type").equals(Responses.TEXT)) {
      assertThat(request.path()).isEqualTo("/calc");
      assertThat(request.queryFirst("format")).isEqualTo("openwrt");
    }
    String cc = h.first("cache-control");
    assertThat(cc).isIn("public, max-age=300", "private, no-store", "no-store");
    assertThat(h.contains("etag")).isEqualTo(cc.startsWith("public"));
    if (h.contains("etag")) {
      assertThat(h.first("etag")).isEqualTo('"' + digest + '"');
    }
    if (request.path().endsWith("/get_rules") && r.status() < 400) {
      assertThat(cc).isEqualTo("private, no-store");
    }
    if (r.status() >= 400 && !request.path().equals("/health")) {
      assertThat(h.first("content-type")).isEqualTo(Responses.PROBLEM_JSON);
      assertThat(cc).isEqualTo("no-store");
    }
    if (request.method().equals("HEAD") || r.status() == 304) {
      assertThat(r.body()).isEmpty();
    }
    if (r.status() == 405) {
      assertThat(h.first("allow")).isEqualTo("GET, HEAD");
    }
  }

  // ---- a seeded fuzz: nothing a client sends makes the service throw or fail ----

  private static final String[] METHODS = {"GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE",
      "OPTIONS", "get", "PATCH", "", "G\u0000T"};
  private static final String[] PATHS = {"/", "/", "/hb46pp", "/hb46pp", "/rules", "/calc",
      "/calc", "/health", "/lookup", "", "//", "/rules/", "/HB46PP", "/%2e%2e/", "/\uD800",
      "/a/get_rules", "/a/get_rules", "/lookup", "//get_rules", "/a/b/get_rules"};
  private static final String[] NAMES = {"ipv6Prefix", "ipv6PrefixLength", "code", "vendorid",
      "product", "version", "capability", "token", "user", "pass", "prefix", "callback", "callback", "ipv4", "ipv4", "port", "port", "format", "x", ""};
  private static final String[] VALUES = {"", "2001:db8:12:3400::", "2001:DB8:112:3400::",
      "2001:db8:12:3400::/56", "2001:db8::/48", "2001:db8:ff00::/56", "56", "64", "0", "128",
      "-1", "9999999999999999999", "001122", "001122-x", "p", "1", "map_e", "map_e,dslite",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "x".repeat(5000),
      "\uD800", "日本", "%", "%zz", "a=b", "::", "::ffff:192.0.2.1/128", "1.2.3.4", "\u0000",
      "' OR 1=1 --", "<script>", "v6plus", "alert(1)//", "192.0.2.18", "203.0.113.255",
      "192.0.2.018", "1232", "1023", "65535", "65536", "openwrt", "json", "OPENWRT"};
  private static final String[] CLIENTS = {CUSTOMER, "2001:db8:112:3400::1", "2001:db8:ff00::1",
      "192.0.2.1", "[2001:db8:12:3400::1]:80", "garbage", "", " , ", "\uDC00", "::1"};

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 20240601L);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void nothingAClientSendsBreaksTheService(long seed) {
    Random rnd = new Random(seed);
    Set<Integer> allowed = Set.of(200, 304, 400, 403, 404, 405, 409);
    for (int i = 0; i < 500; i++) {
      Map<String, List<String>> query = new LinkedHashMap<>();
      int n = rnd.nextInt(8);
      for (int k = 0; k < n; k++) {
        query.computeIfAbsent(NAMES[rnd.nextInt(NAMES.length)], x -> new ArrayList<>())
            .add(VALUES[rnd.nextInt(VALUES.length)]);
      }
      Headers.Builder h = Headers.builder();
      if (rnd.nextInt(4) > 0) {
        h.add("x-test-client", CLIENTS[rnd.nextInt(CLIENTS.length)]);
      }
      if (rnd.nextInt(4) == 0) {
        h.add("if-none-match", rnd.nextBoolean() ? "*" : '"' + EXAMPLE.ruleSetDigest() + '"');
      }
      HttpRequest req = new HttpRequest(METHODS[rnd.nextInt(METHODS.length)],
          PATHS[rnd.nextInt(PATHS.length)], query, h.build(), null, "127.0.0.1");
      HttpResponse r = EXAMPLE.handle(req);
      assertThat(r.status()).as("%s", req).isIn(allowed);
      assertInvariants(req, r, EXAMPLE.ruleSetDigest());
    }
  }

  // ---- caching and HEAD ----

  static Stream<String> successTargets() {
    return Stream.of("/?ipv6Prefix=2001:db8:112:3400::&ipv6PrefixLength=56", HB, "/rules",
        "/calc?prefix=2001:db8:12:3400::/56", "/calc?prefix=2001:db8:12:3400::/56&format=openwrt",
        "/k/get_rules?callback=cb", "/lookup?ipv4=192.0.2.18", "/lookup?ipv4=192.0.2.18&port=1232",
        "/health");
  }

  @ParameterizedTest
  @MethodSource("successTargets")
  void headIsGetWithoutTheBody(String target) {
    HttpResponse g = get(EXAMPLE, target, "x-test-client", DRAFT03_CUSTOMER);
    HttpResponse h = exchange(EXAMPLE, "HEAD", target, "x-test-client", DRAFT03_CUSTOMER);
    assertThat(g.status()).isEqualTo(200);
    assertThat(g.body()).isNotEmpty();
    assertThat(h.status()).isEqualTo(g.status());
    assertThat(h.headers()).isEqualTo(g.headers());
    assertThat(h.body()).isEmpty();
  }

  @Test
  void theRulesBodyHashesToTheDigestWhichIsTheEtag() throws Exception {
    HttpResponse r = get(EXAMPLE, "/rules");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body()));
    assertThat(sha).isEqualTo(EXAMPLE.ruleSetDigest())
        .isEqualTo(RuleSetLoader.example().digest());
    assertThat(r.headers().first("etag")).isEqualTo('"' + sha + '"');
    assertThat(r.headers().first("x-maprule-ruleset")).isEqualTo(sha);
    assertThat(RuleSetFormat.NATIVE.read(r.body())).isEqualTo(RuleSetLoader.example().ruleSet());
  }

  @Test
  void preconditionsNeverTurnAnErrorInto304() {
    for (String target : List.of("/calc?prefix=nope", "/calc?prefix=2001:db8:ff00::/56",
        "/calc?prefix=2001:db8:ff00::/56&format=openwrt", "/?ipv6Prefix=2001:db8:12:3400::",
        "/lookup?ipv4=192.0.3.1", "/lookup?ipv4=192.0.2.18&port=80", "/lookup?ipv4=x",
        "/nothing")) {
      HttpResponse r = get(EXAMPLE, target, "if-none-match", "*");
      assertThat(r.status()).as(target).isGreaterThanOrEqualTo(400);
      assertThat(r.body()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {HB, "/k/get_rules?callback=cb"})
  void tailoredAnswersIgnoreIfNoneMatch(String target) {
    HttpResponse r = get(EXAMPLE, target, "x-test-client", DRAFT03_CUSTOMER, "if-none-match", "*");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().first("cache-control")).isEqualTo("private, no-store");
    assertThat(r.headers().contains("etag")).isFalse();
  }

  @Test
  void sharedMaxAgeComesFromTheConfig() {
    ServiceConfig c = new ServiceConfig(Set.of(), null, "x-origin-verify", null, "local", 42);
    MapruleService s = MapruleService.load(c, RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
    assertThat(get(s, "/rules").headers().first("cache-control")).isEqualTo("public, max-age=42");
  }

  // ---- OCN ----

  @Test
  void ocnLengthIsAcceptedFromNPlusOTo64() {
    // the example rule 2001:db8:100::/40 has o = 16: n + o = 56
    IntStream.rangeClosed(0, 130).forEach(len -> {
      HttpResponse r = get(EXAMPLE, "/?ipv6Prefix=2001:db8:112:3400::&ipv6PrefixLength=" + len);
      boolean ok = len >= 56 && len <= 64;
      assertThat(r.status()).as("length %d", len).isEqualTo(ok ? 200 : 400);
      if (!ok) {
        assertThat(json(r).get("field").asString()).isEqualTo("ipv6PrefixLength");
      }
    });
  }

  /**
   * The CE formats that carry no interface-id layout (OCN {@code /}, JPNE {@code get_rules}) refuse
   * the RFC 7597 domain with 409, after every parameter check and whatever a precondition says;
   * the endpoints the problem names serve the same CE with its layout (docs/domain.md §5).
   */
  @Test
  void ocnAndJpneRefuseTheRfc7597DomainAndNameTheEndpointsThatServeIt() {
    String ocn = "/?ipv6Prefix=2001:db8:12:3400::&ipv6PrefixLength=56";
    for (String[] t : new String[][] {{ocn, "ipv6Prefix", "2001:db8:12:3400::"},
        {"/k/get_rules?callback=cb", "x-test-client", null}}) {
      for (String inm : new String[] {null, "*", '"' + EXAMPLE.ruleSetDigest() + '"'}) {
        HttpResponse r = inm == null ? get(EXAMPLE, t[0], "x-test-client", CUSTOMER)
            : get(EXAMPLE, t[0], "x-test-client", CUSTOMER, "if-none-match", inm);
        assertThat(r.status()).as("%s if-none-match %s", t[0], inm).isEqualTo(409);
        assertThat(r.headers().first("content-type")).isEqualTo(Responses.PROBLEM_JSON);
        assertThat(r.headers().first("cache-control")).isEqualTo("no-store");
        JsonNode p = json(r);
        assertThat(p.get("title").asString()).isEqualTo("Conflict");
        assertThat(p.get("code").asString()).isEqualTo("INTERFACE_ID_FORMAT_NOT_CARRIED");
        assertThat(p.get("field").asString()).isEqualTo(t[1]);
        assertThat(p.has("value") ? p.get("value").asString() : null).isEqualTo(t[2]);
        assertThat(p.get("detail").asString()).contains("'example-rfc7597'", "/hb46pp",
            "/calc?format=openwrt");
      }
      HttpResponse h = exchange(EXAMPLE, "HEAD", t[0], "x-test-client", CUSTOMER);
      assertThat(h.status()).isEqualTo(409);
      assertThat(h.body()).isEmpty();
    }
    // a bad parameter is still reported as such: the layout is checked last
    assertThat(get(EXAMPLE, "/?ipv6Prefix=2001:db8:12:3400::&ipv6PrefixLength=48").status())
        .isEqualTo(400);
    assertThat(get(EXAMPLE, "/k/get_rules?callback=1x", "x-test-client", CUSTOMER).status())
        .isEqualTo(400);
    // the endpoints named serve that CE, with its layout
    JsonNode hb = json(get(EXAMPLE, HB, "x-test-client", CUSTOMER));
    assertThat(hb.get("map_e").get("version").asInt()).isEqualTo(1);
    HttpResponse openwrt = get(EXAMPLE, "/calc?prefix=2001:db8:12:3400::/56&format=openwrt");
    assertThat(openwrt.status()).isEqualTo(200);
    assertThat(text(openwrt)).doesNotContain("legacymap");
    // and the draft03 domain is served by both
    assertThat(get(EXAMPLE, "/?ipv6Prefix=2001:db8:112:3400::&ipv6PrefixLength=56").status())
        .isEqualTo(200);
    assertThat(get(EXAMPLE, "/k/get_rules?callback=cb", "x-test-client", DRAFT03_CUSTOMER)
        .status()).isEqualTo(200);
  }

  @Test
  void anOcnAnswerReadBackAsAnOcnDocumentServesTheSameAnswer() {
    String target = "/?ipv6Prefix=2001:db8:112:3400::&ipv6PrefixLength=56";
    byte[] ocn = get(EXAMPLE, target).body();
    MapruleService s = MapruleService.load(CONFIG, ocn, RuleSetFormat.OCN);
    assertThat(s.isServing()).isTrue();
    assertThat(get(s, target).body()).isEqualTo(ocn);
    JsonNode hb = json(get(s, HB, "x-test-client", "2001:db8:112:3400::1"));
    assertThat(hb.get("map_e").get("version").asInt()).as("OCN documents are draft03").isZero();
  }

  // ---- HB46PP ----

  @Test
  void hb46ppAnswersAreStableAcrossRequests() {
    byte[] first = get(EXAMPLE, HB, "x-test-client", CUSTOMER).body();
    for (int i = 0; i < 3; i++) {
      assertThat(get(EXAMPLE, HB, "x-test-client", "2001:db8:12:34ff::" + i).body())
          .isEqualTo(first);
    }
    JsonNode n = JSON.readTree(first);
    assertThat(n.get("map_e").get("version").asInt()).isEqualTo(1);
    assertThat(n.get("order").get(0).asString()).isEqualTo("map_e");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8:12:3400::1", "2001:db8:112:3400::1", "2001:db8:2ff:ffff::1"})
  void everyCustomerIsServedAndTheRestAreNot(String client) {
    assertThat(get(EXAMPLE, HB, "x-test-client", client).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8:ff00::1", "2001:db8:300::", "2001:db9::1", "::1",
      "::ffff:192.0.2.18", "192.0.2.18"})
  void nonCustomersAre403WithoutTheirAddressEchoed(String client) {
    HttpResponse r = get(EXAMPLE, HB, "x-test-client", client);
    assertThat(r.status()).isEqualTo(403);
    assertThat(json(r).get("code").asString()).isEqualTo("NOT_A_CUSTOMER");
    assertThat(text(r)).doesNotContain(client);
  }

  // ---- failures of the service itself ----

  @Test
  void anInvalidDocumentIsNeverServedAndHealthSaysWhy() {
    MapruleService s = MapruleService.load(CONFIG, "{\"ttl\": ".getBytes(StandardCharsets.UTF_8),
        RuleSetFormat.NATIVE);
    assertThat(s.isServing()).isFalse();
    assertThat(s.ruleSetDigest()).isEqualTo("none");
    HttpResponse h = get(s, "/health");
    assertThat(h.status()).isEqualTo(503);
    JsonNode n = json(h);
    assertThat(n.get("status").asString()).isEqualTo("invalid");
    assertThat(n.get("ruleSet").isNull()).isTrue();
    assertThat(n.get("violations").get(0).get("code").asString()).isEqualTo("MALFORMED_JSON");
    for (String t : List.of("/?ipv6Prefix=2001:db8:12:3400::&ipv6PrefixLength=56", HB, "/rules",
        "/calc?prefix=2001:db8:12:3400::/56", "/calc?prefix=2001:db8:12:3400::/56&format=openwrt",
        "/k/get_rules?callback=cb", "/lookup?ipv4=192.0.2.18&port=1232")) {
      HttpResponse r = get(s, t, "x-test-client", CUSTOMER);
      assertThat(r.status()).as(t).isEqualTo(503);
      assertThat(json(r).get("code").asString()).isEqualTo("RULE_SET_INVALID");
      assertInvariants(HttpRequest.get(t, Headers.empty(), null), r, "none");
    }
  }

  @Test
  void healthListsErrorsBeforeWarnings() {
    // file order: the domain's layout warning, then the rule's error, then its warning
    String doc = "{\"ttl\":86400,\"domains\":[{\"name\":\"d\",\"brIpv6Address\":\"2001:db8:ffff::1\","
        + "\"interfaceIdFormat\":\"rfc7597\",\"rules\":[{\"ipv6Prefix\":\"2001:db8::/40\","
        + "\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,\"psidOffset\":16}]}]}";
    MapruleService s = MapruleService.load(CONFIG, doc.getBytes(StandardCharsets.UTF_8),
        RuleSetFormat.NATIVE);
    JsonNode v = json(get(s, "/health")).get("violations");
    assertThat(v.size()).isEqualTo(2);
    assertThat(v.get(0).get("code").asString()).isEqualTo("PSID_OFFSET_OUT_OF_RANGE");
    assertThat(v.get(1).get("code").asString()).isEqualTo("RFC7597_DOMAIN_NOT_ON_OCN_JPNE");
  }

  @Test
  void anUnexpectedFailureIs503WithoutDetails() {
    // no client-address header configured and a transport that gave no peer: a transport bug
    MapruleService s = MapruleService.load(ServiceConfig.defaults(), RuleSetLoader.exampleBytes(),
        RuleSetFormat.NATIVE);
    HttpRequest g = HttpRequest.get(HB, Headers.empty(), null);
    // the cause is logged (with its stack trace) on the JDK logger; keep the test output quiet
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.maprule.http");
    java.util.logging.Level before = log.getLevel();
    log.setLevel(java.util.logging.Level.OFF);
    HttpResponse r;
    try {
      r = s.handle(g);
    } finally {
      log.setLevel(before);
    }
    assertThat(r.status()).isEqualTo(503);
    assertThat(text(r)).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
        + "\"status\":503,\"detail\":\"the service failed unexpectedly and cannot answer this "
        + "request\",\"code\":\"INTERNAL_ERROR\"}");
    assertInvariants(g, r, s.ruleSetDigest());
  }

  @Test
  void theVersionIsFilteredInByMaven() {
    assertThat(MapruleVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(json(get(EXAMPLE, "/health")).get("version").asString())
        .isEqualTo(MapruleVersion.get());
  }
}
