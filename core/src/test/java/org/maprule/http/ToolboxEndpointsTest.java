package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.calc.PortRange;
import org.maprule.format.CeFormats;
import org.maprule.format.JpneFormat;
import org.maprule.format.OpenWrtFormat;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /{key}/get_rules}, {@code /lookup} and {@code /calc?format=} on the example rules. */
class ToolboxEndpointsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ServiceConfig CONFIG =
      ServiceConfig.defaults().withClientAddressHeader("x-test-client");
  private static final MapruleService OPEN = load(CONFIG);
  private static final MapruleService KEYED = load(CONFIG.withJpneKeys(Set.of("key-one", "key-two")));
  private static final MapCalculator CALC = MapCalculator.of(RuleSetLoader.example().ruleSet());
  private static final String DIGEST = RuleSetLoader.example().digest();

  private static MapruleService load(ServiceConfig c) {
    return MapruleService.load(c, RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
  }

  private static HttpResponse get(MapruleService s, String target, String... headers) {
    return s.handle(HttpRequest.get(target, Headers.of(headers), "127.0.0.1"));
  }

  private static JsonNode json(HttpResponse r) {
    return JSON.readTree(r.body());
  }

  private static String text(HttpResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static void assertProblem(HttpResponse r, int status, String code, String field) {
    assertThat(r.status()).as(text(r)).isEqualTo(status);
    assertThat(r.headers().first("content-type")).isEqualTo(Responses.PROBLEM_JSON);
    JsonNode p = json(r);
    assertThat(p.get("code").asString()).isEqualTo(code);
    assertThat(p.get("field").asString()).isEqualTo(field);
  }

  // ---- /{key}/get_rules ----

  /** A customer of the example's draft03 domain (2001:db8:100::/40 and 2001:db8:200::/40). */
  private static final String DRAFT03_CUSTOMER = "2001:db8:112:3400::1";

  /**
   * A customer address anywhere in each draft03 example rule gets that rule's whole domain; one in
   * the RFC 7597 domain gets the 409 instead (docs/domain.md §5: JPNE CEs build the draft-03 address).
   */
  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "2001:db8:12:3400::1", "2001:db8:ff:ffff:ffff:ffff:ffff:ffff",
      "2001:db8:100::", "2001:db8:112:34ff::1", "2001:db8:2ff:ffff::1"})
  void eachCustomerGetsItsBmrsDomain(String client) {
    HttpResponse r = get(OPEN, "/device/get_rules?callback=cb", "x-test-client", client);
    Domain domain = CALC.calculate(Ipv6Prefix.containing(Ipv6Address.parse(client), 128)).domain();
    if (domain.interfaceIdFormat() == InterfaceIdFormat.RFC7597) {
      assertProblem(r, 409, "INTERFACE_ID_FORMAT_NOT_CARRIED", "x-test-client");
      assertThat(json(r).has("value")).as("the client address is not echoed").isFalse();
      assertThat(text(r)).doesNotContain(client).contains("'" + domain.name() + "'")
          .contains("/hb46pp (map_e.version 1) or /calc?format=openwrt");
      return;
    }
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(JpneFormat.getRules(domain, DIGEST, "cb"));
    assertThat(r.headers().first("content-type")).isEqualTo("application/javascript; charset=utf-8");
    assertThat(r.headers().first("x-content-type-options")).isEqualTo("nosniff");
    assertThat(r.headers().first("cache-control")).isEqualTo("private, no-store");
    String body = text(r);
    JsonNode o = JSON.readTree(body.substring("cb(".length(), body.length() - 1));
    assertThat(o.get("dmr").asString()).isEqualTo(domain.brIpv6Address().toString());
    assertThat(o.get("id").asString()).isEqualTo(DIGEST);
    assertThat(o.get("fmr").size()).isEqualTo(domain.rules().size());
  }

  @Test
  void anyKeyIsAcceptedWhenNoneIsConfigured() {
    for (String key : List.of("a", "key-one", "日本", "%41", "x".repeat(300))) {
      assertThat(get(OPEN, "/" + key + "/get_rules?callback=cb", "x-test-client",
          DRAFT03_CUSTOMER).status()).as(key).isEqualTo(200);
    }
  }

  @Test
  void configuredKeysAreTheOnlyOnesAccepted() {
    for (String key : List.of("key-one", "key-two")) {
      assertThat(get(KEYED, "/" + key + "/get_rules?callback=cb", "x-test-client",
          DRAFT03_CUSTOMER).status()).isEqualTo(200);
    }
    for (String key : List.of("key-on", "key-one1", "KEY-ONE", "key-one ", "x", "key-one,key-two")) {
      HttpResponse r = get(KEYED, "/" + key + "/get_rules?callback=cb", "x-test-client",
          "2001:db8:12:3400::1");
      assertProblem(r, 403, "FORBIDDEN_CODE", "key");
      assertThat(json(r).has("value")).isFalse();
      assertThat(text(r)).doesNotContain(key);
    }
  }

  /** The key first, then the callback, then the client: each failure hides the later ones. */
  @Test
  void checksRunKeyThenCallbackThenClient() {
    assertProblem(get(KEYED, "/bad/get_rules?callback=1x"), 403, "FORBIDDEN_CODE", "key");
    assertProblem(get(KEYED, "/key-one/get_rules?callback=1x"), 400, "INVALID_PARAMETER", "callback");
    assertProblem(get(KEYED, "/key-one/get_rules"), 400, "MISSING_PARAMETER", "callback");
    assertProblem(get(KEYED, "/key-one/get_rules?callback=cb"), 400, "CLIENT_ADDRESS_UNKNOWN",
        "x-test-client");
    assertProblem(get(KEYED, "/key-one/get_rules?callback=cb", "x-test-client", "2001:db8:300::1"),
        403, "NOT_A_CUSTOMER", "x-test-client");
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.18", "::ffff:192.0.2.18", "2001:db8:ff00::1", "2001:db9::1", "::1"})
  void nonCustomersAre403WithoutTheirAddressEchoed(String client) {
    HttpResponse r = get(OPEN, "/k/get_rules?callback=cb", "x-test-client", client);
    assertProblem(r, 403, "NOT_A_CUSTOMER", "x-test-client");
    assertThat(text(r)).doesNotContain(client);
  }

  @ParameterizedTest
  @ValueSource(strings = {"alert(1)//", "a.b", "", "1a", "a-b", "</script>", "a\u2028b"})
  void badCallbacksNeverBecomeScript(String callback) {
    HttpResponse r = OPEN.handle(new HttpRequest("GET", "/k/get_rules",
        java.util.Map.of("callback", List.of(callback)), Headers.of("x-test-client",
            "2001:db8:12:3400::1"), null, "127.0.0.1"));
    assertProblem(r, 400, "INVALID_PARAMETER", "callback");
    assertThat(json(r).get("value").asString()).isEqualTo(callback);
  }

  /**
   * Only GET and HEAD, as everywhere (a 405 with {@code allow}). Not a golden case: some
   * transports' hosts answer other methods before core sees them (adapter-azure's known failures).
   */
  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "get"})
  void otherMethodsAre405(String method) {
    for (String target : List.of("/k/get_rules?callback=cb", "/lookup?ipv4=192.0.2.18")) {
      HttpRequest g = HttpRequest.get(target, Headers.of("x-test-client", "2001:db8:12:3400::1"), "127.0.0.1");
      HttpResponse r = KEYED.handle(new HttpRequest(method, g.path(), g.query(), g.headers(), null, "127.0.0.1"));
      assertProblem(r, 405, "METHOD_NOT_ALLOWED", "method");
      assertThat(r.headers().first("allow")).isEqualTo("GET, HEAD");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/get_rules", "//get_rules", "/a/b/get_rules", "/a/get_rules/",
      "/a/GET_RULES", "/a/get_rules2", "/aget_rules"})
  void onlyOneKeySegmentRoutes(String path) {
    assertProblem(get(OPEN, path + "?callback=cb", "x-test-client", "2001:db8:12:3400::1"), 404,
        "NOT_FOUND", "path");
  }

  @Test
  void jpneKeyRouting() {
    assertThat(JpneEndpoint.key("/k/get_rules")).isEqualTo("k");
    assertThat(JpneEndpoint.key("/get_rules/get_rules")).isEqualTo("get_rules");
    assertThat(JpneEndpoint.key("/calc/get_rules")).isEqualTo("calc");
    assertThat(JpneEndpoint.key("/get_rules")).isNull();
    assertThat(JpneEndpoint.key("//get_rules")).isNull();
    assertThat(JpneEndpoint.key("k/get_rules")).isNull();
    assertThat(JpneEndpoint.key("/")).isNull();
    assertThat(JpneEndpoint.key("")).isNull();
  }

  // ---- /lookup ----

  static Stream<Arguments> sharedAddresses() {
    // address, its rule's IPv6 prefix (n = 40): a = 6 (RFC example 1) and a = 4 with the last suffix
    return Stream.of(Arguments.of("192.0.2.18", "2001:db8::"), Arguments.of("198.51.100.255", "2001:db8:100::"));
  }

  /**
   * Every port 0..65535 of an address, over HTTP, against the forward direction: the owner of a
   * port is the one PSID whose /calc port set holds it (computed for all 256 PSIDs of the
   * address), and a port no PSID holds (the excluded A = 0 range, port 0) is 404 naming port.
   */
  @ParameterizedTest
  @MethodSource("sharedAddresses")
  void everyPortOfAnAddressAgreesWithTheForwardPortSets(String ipv4, String ruleBase) {
    int suffix = Integer.parseInt(ipv4.substring(ipv4.lastIndexOf('.') + 1));
    Ipv6Prefix[] owner = new Ipv6Prefix[65536];
    for (int psid = 0; psid < 256; psid++) {
      Ipv6Prefix eu = Ipv6Prefix.of(Ipv6Address.parse(ruleBase).withBits(40, 16, (suffix << 8) | psid), 56);
      CeParameters ce = CALC.calculate(eu);
      assertThat(ce.ipv4Address().toString()).isEqualTo(ipv4);
      for (PortRange r : ce.portSet().ranges()) {
        for (int p = r.first(); p <= r.last(); p++) {
          assertThat(owner[p]).as("port %d owned twice", p).isNull();
          owner[p] = eu;
        }
      }
    }
    int owned = 0;
    for (int port = 0; port < 65536; port++) {
      HttpResponse r = get(OPEN, "/lookup?ipv4=" + ipv4 + "&port=" + port);
      if (owner[port] == null) {
        // 65536 answers: plain checks first, AssertJ only to report a mismatch
        if (r.status() != 404 || !text(r).endsWith(",\"field\":\"port\",\"value\":\"" + port + "\"}")) {
          assertProblem(r, 404, "NO_OWNER", "port");
          assertThat(json(r).get("value").asString()).isEqualTo(String.valueOf(port));
        }
      } else {
        // the two members read by text rather than by parsing every body
        String body = text(r);
        if (r.status() != 200 || !body.contains(",\"port\":" + port + ",")
            || !body.contains(",\"endUserPrefix\":\"" + owner[port] + "\",")) {
          assertThat(r.status()).as("port %d", port).isEqualTo(200);
          assertThat(body).as("port %d", port).contains(",\"port\":" + port + ",")
              .contains(",\"endUserPrefix\":\"" + owner[port] + "\",");
        }
        owned++;
      }
    }
    int a = ipv4.startsWith("192.") ? 6 : 4;
    assertThat(owned).isEqualTo(65536 - (1 << (16 - a)));
  }

  @Test
  void withoutAPortTheOwnersSpanEveryPsid() {
    JsonNode o = json(get(OPEN, "/lookup?ipv4=203.0.113.18"));
    assertThat(o.get("domain").asString()).isEqualTo("example-draft03");
    assertThat(o.get("psidLength").asInt()).isEqualTo(8);
    JsonNode eu = o.get("endUserPrefixes");
    assertThat(eu.get("count").asLong()).isEqualTo(256);
    assertThat(eu.get("first").asString()).isEqualTo("2001:db8:212::/56");
    assertThat(eu.get("last").asString()).isEqualTo("2001:db8:212:ff00::/56");
    Ipv6Prefix block = Ipv6Prefix.parse(eu.get("block").asString());
    // every PSID's owner, found with a port of its set, lies in the block between first and last
    for (int psid = 0; psid < 256; psid++) {
      JsonNode one = json(get(OPEN, "/lookup?ipv4=203.0.113.18&port=" + (4096 + 16 * psid)));
      Ipv6Prefix p = Ipv6Prefix.parse(one.get("endUserPrefix").asString());
      assertThat(one.get("psid").asInt()).isEqualTo(psid);
      assertThat(block.contains(p)).isTrue();
      assertThat(p.compareTo(Ipv6Prefix.parse(eu.get("first").asString()))).isGreaterThanOrEqualTo(0);
      assertThat(p.compareTo(Ipv6Prefix.parse(eu.get("last").asString()))).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void theMemberOrderIsFixed() {
    assertThat(json(get(OPEN, "/lookup?ipv4=192.0.2.18&port=1232")).propertyNames()).containsExactly(
        "ipv4", "port", "domain", "rule", "ceIpv4Prefix", "psid", "psidLength", "endUserPrefix",
        "ceAddress", "ceAddressRfc7597", "ceAddressDraft03", "portRanges", "portCount", "brIpv6Address");
    JsonNode all = json(get(OPEN, "/lookup?ipv4=192.0.2.18"));
    assertThat(all.propertyNames()).containsExactly("ipv4", "domain", "rule", "ceIpv4Prefix",
        "psidLength", "endUserPrefixes");
    assertThat(all.get("rule").propertyNames()).containsExactly("ipv6Prefix", "ipv4Prefix",
        "eaBitLength", "psidOffset");
    assertThat(all.get("endUserPrefixes").propertyNames()).containsExactly("count", "first", "last",
        "block");
  }

  /** The port owner's CE fields are /calc's for its End-user prefix, value for value. */
  @Test
  void theOwnerIsWhatCalcSaysOfItsPrefix() {
    for (String q : List.of("192.0.2.18&port=1232", "198.51.100.7&port=65535", "203.0.113.200&port=4096")) {
      JsonNode o = json(get(OPEN, "/lookup?ipv4=" + q));
      JsonNode c = json(get(OPEN, "/calc?prefix=" + o.get("endUserPrefix").asString()));
      for (String f : List.of("domain", "psid", "psidLength", "ceAddress", "ceAddressRfc7597",
          "ceAddressDraft03", "portRanges", "portCount", "brIpv6Address", "endUserPrefix")) {
        assertThat(o.get(f)).as(q + " " + f).isEqualTo(c.get(f));
      }
      assertThat(o.get("rule")).isEqualTo(c.get("bmr"));
      assertThat(o.get("ipv4").asString()).isEqualTo(c.get("ipv4Address").asString());
    }
  }

  static Stream<Arguments> badLookups() {
    return Stream.of(
        Arguments.of("/lookup", "MISSING_PARAMETER", "ipv4"),
        Arguments.of("/lookup?port=1232", "MISSING_PARAMETER", "ipv4"),
        Arguments.of("/lookup?ipv4=", "INVALID_PARAMETER", "ipv4"),
        Arguments.of("/lookup?ipv4=192.0.2", "INVALID_PARAMETER", "ipv4"),
        Arguments.of("/lookup?ipv4=192.0.2.256", "INVALID_PARAMETER", "ipv4"),
        Arguments.of("/lookup?ipv4=192.0.2.18/32", "INVALID_PARAMETER", "ipv4"),
        Arguments.of("/lookup?ipv4=192.0.2.18:1232", "INVALID_PARAMETER", "ipv4"),
        Arguments.of("/lookup?ipv4=+192.0.2.18", "INVALID_PARAMETER", "ipv4"),
        Arguments.of("/lookup?ipv4=::ffff:192.0.2.18", "INVALID_PARAMETER", "ipv4"),
        // a bad ipv4 is reported before a bad port
        Arguments.of("/lookup?ipv4=x&port=y", "INVALID_PARAMETER", "ipv4"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=-1", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=%2B1232", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=1e3", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=+1232", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=1232+", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=0x4d0", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=00", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=65536", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=99999", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=123456", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.2.18&port=%D9%A1%D9%A2", "INVALID_PARAMETER", "port"),
        // parameters are checked before the look-up: no NO_OWNER for a bad port
        Arguments.of("/lookup?ipv4=192.0.3.1&port=x", "INVALID_PARAMETER", "port"),
        Arguments.of("/lookup?ipv4=192.0.3.1&port=1232", "NO_OWNER", "ipv4"),
        Arguments.of("/lookup?ipv4=0.0.0.0", "NO_OWNER", "ipv4"),
        Arguments.of("/lookup?ipv4=255.255.255.255&port=65535", "NO_OWNER", "ipv4"),
        Arguments.of("/lookup?ipv4=198.51.100.7&port=4095", "NO_OWNER", "port"),
        Arguments.of("/lookup?ipv4=198.51.100.7&port=0", "NO_OWNER", "port"));
  }

  @ParameterizedTest
  @MethodSource("badLookups")
  void badLookupsNameTheParameter(String target, String code, String field) {
    HttpResponse r = get(OPEN, target);
    assertProblem(r, code.equals("NO_OWNER") ? 404 : 400, code, field);
  }

  @Test
  void portBoundariesAreAccepted() {
    assertThat(QueryParams.decimal("0", 5, 65535)).isZero();
    assertThat(QueryParams.decimal("1", 5, 65535)).isEqualTo(1);
    assertThat(QueryParams.decimal("65535", 5, 65535)).isEqualTo(65535);
    for (String bad : List.of("", "01", "65536", "99999", "100000", "-0", " 1", "1 ", "１")) {
      assertThat(QueryParams.decimal(bad, 5, 65535)).as("'%s'", bad).isEqualTo(-1);
    }
    assertThat(get(OPEN, "/lookup?ipv4=198.51.100.7&port=65535").status()).isEqualTo(200);
    assertThat(get(OPEN, "/lookup?ipv4=198.51.100.7&port=4096").status()).isEqualTo(200);
  }

  @Test
  void lookupAnswersAreSharedAndRevalidate() {
    HttpResponse r = get(OPEN, "/lookup?ipv4=192.0.2.18&port=1232");
    assertThat(r.headers().first("cache-control")).isEqualTo("public, max-age=300");
    assertThat(r.headers().first("etag")).isEqualTo('"' + DIGEST + '"');
    HttpResponse n = get(OPEN, "/lookup?ipv4=192.0.2.18&port=1232", "if-none-match", "W/\"" + DIGEST + "\"");
    assertThat(n.status()).isEqualTo(304);
    assertThat(n.body()).isEmpty();
    assertThat(n.headers()).isEqualTo(r.headers());
  }

  // ---- /calc?format= ----

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8:12:3400::/56", "2001:db8:112:3400::/56", "2001:db8:212:34ff::/64"})
  void calcOpenWrtIsTheOpenWrtSectionOfTheCalculation(String prefix) {
    HttpResponse r = get(OPEN, "/calc?prefix=" + prefix + "&format=openwrt");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().first("content-type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(r.headers().first("etag")).isEqualTo('"' + DIGEST + '"');
    assertThat(text(r)).isEqualTo(OpenWrtFormat.network(CALC.calculate(Ipv6Prefix.parse(prefix))));
    HttpResponse j = get(OPEN, "/calc?prefix=" + prefix + "&format=json");
    assertThat(j.body()).isEqualTo(get(OPEN, "/calc?prefix=" + prefix).body())
        .isEqualTo(CeFormats.calc(CALC.calculate(Ipv6Prefix.parse(prefix))));
    assertThat(j.headers().first("content-type")).isEqualTo(Responses.JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "JSON", "OpenWrt", "uci", "openwrt ", "text", "json,openwrt"})
  void unknownCalcFormatsAre400(String format) {
    HttpResponse r = OPEN.handle(new HttpRequest("GET", "/calc", java.util.Map.of("prefix",
        List.of("2001:db8:12:3400::/56"), "format", List.of(format)), Headers.empty(), null, "127.0.0.1"));
    assertProblem(r, 400, "INVALID_PARAMETER", "format");
    assertThat(json(r).get("value").asString()).isEqualTo(format);
  }

  @Test
  void theFirstFormatCounts() {
    HttpResponse r = get(OPEN, "/calc?prefix=2001:db8:12:3400::/56&format=openwrt&format=json");
    assertThat(r.headers().first("content-type")).isEqualTo(Responses.TEXT);
    assertThat(Arrays.equals(r.body(), get(OPEN, "/calc?prefix=2001:db8:12:3400::/56&format=openwrt").body()))
        .isTrue();
  }
}
