package org.maprule.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.addr.Ipv4Address;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.testing.JpRules;
import org.maprule.uri.RequestTarget;

/**
 * The one CE request generator: deterministic for a seed, every endpoint, requests that parse back
 * with the URI layer, and core answers each as the request says (served or refused).
 */
class CeRequestGeneratorTest {
  private static final LoadedRuleSet EXAMPLE = RuleSetLoader.example();
  /** Where tests send from when no client-address header is configured. */
  private static final String PEER = "2001:db8:ffff:1::10";

  private static CeRequestGenerator generator(LoadedRuleSet rules, CeRequestGenerator.Options o) {
    return CeRequestGenerator.of(rules, o);
  }

  private static LoadedRuleSet jp() {
    return RuleSetLoader.load(RuleSetFormat.NATIVE.write(JpRules.allProviders()),
        RuleSetFormat.NATIVE);
  }

  /** The neutral request a transport makes of a generated one: raw target parsed by core. */
  static HttpRequest neutral(CeRequest r, String header) {
    Headers.Builder h = Headers.builder();
    r.headers().forEach(h::add);
    String peer = header == null && r.clientAddress() != null ? r.clientAddress() : PEER;
    return HttpRequest.of(r.method(), r.target(), h.build(), null, peer);
  }

  static Stream<Arguments> mixesSeedsAndHeaders() {
    List<Arguments> out = new ArrayList<>();
    long[] seeds = {1, 2, 42, 7597};
    String[] headers = {"x-test-client", "cloudfront-viewer-address", null};
    int i = 0;
    for (Mix mix : Mix.values()) {
      for (long seed : seeds) {
        out.add(Arguments.of(mix, seed, headers[i++ % headers.length]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("mixesSeedsAndHeaders")
  void theSameSeedGivesTheSameRequestsAndEndpointsDoNotDisturbEachOther(Mix mix, long seed,
      String header) {
    CeRequestGenerator.Options o = CeRequestGenerator.Options.defaults().withMix(mix)
        .withSeed(seed).withClientAddressHeader(header).withPerEndpoint(30);
    List<CeRequest> a = generator(EXAMPLE, o).requests();
    assertThat(generator(EXAMPLE, o).requests()).isEqualTo(a);
    assertThat(generator(EXAMPLE, o.withSeed(seed + 1)).requests()).isNotEqualTo(a);
    List<CeRequest> ten = generator(EXAMPLE, o.withPerEndpoint(10)
        .withEndpoints(EnumSet.of(Endpoint.CALC))).requests();
    assertThat(a.stream().filter(r -> r.endpoint() == Endpoint.CALC).limit(10)).isEqualTo(ten);
    assertThat(a).hasSize(30 * Endpoint.values().length);
  }

  @ParameterizedTest
  @MethodSource("mixesSeedsAndHeaders")
  void everyEndpointIsGeneratedAndEveryTargetParsesBackWithTheUriLayer(Mix mix, long seed,
      String header) {
    List<CeRequest> requests = generator(EXAMPLE, CeRequestGenerator.Options.defaults()
        .withMix(mix).withSeed(seed).withClientAddressHeader(header).withPerEndpoint(40))
        .requests();
    assertThat(requests.stream().map(CeRequest::endpoint).distinct())
        .containsExactly(Endpoint.values());
    for (CeRequest r : requests) {
      assertThat(r.target()).as(r.toString())
          .matches("/[\\x21-\\x7e]*")
          .doesNotContain("#");
      assertThat(r.target().getBytes(StandardCharsets.US_ASCII)).hasSize(r.target().length());
      RequestTarget t = RequestTarget.parse(r.target());
      String path = r.endpoint() == Endpoint.JPNE ? "/maprule/get_rules" : r.endpoint().path();
      assertThat(t.path()).as(r.target()).isEqualTo(path);
      assertThat(r.method()).isIn("GET", "HEAD");
      if (mix == Mix.VALID) {
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.headers()).doesNotContainKey("if-none-match");
        assertThat(r.flaw()).isNull();
      }
      if (header != null && r.clientAddress() != null) {
        assertThat(r.headers()).containsKey(header);
      } else {
        assertThat(r.headers()).doesNotContainKeys("x-test-client", "cloudfront-viewer-address");
      }
    }
  }

  /**
   * The property every user of the generator relies on: core serves exactly the requests that
   * say they are served (200, or 304 when conditional), and refuses every other one with a 4xx.
   */
  @ParameterizedTest
  @MethodSource("mixesSeedsAndHeaders")
  void coreServesExactlyTheRequestsSaidToBeServed(Mix mix, long seed, String header) {
    assertServedAsSaid(EXAMPLE, mix, seed, header, 60);
  }

  @ParameterizedTest
  @MethodSource("mixesSeedsAndHeaders")
  void overTheJapaneseTablesToo(Mix mix, long seed, String header) {
    JpRules.assumePresent();
    assertServedAsSaid(jp(), mix, seed, header, 60);
  }

  private static Map<Endpoint, Map<Integer, Integer>> assertServedAsSaid(LoadedRuleSet rules,
      Mix mix, long seed, String header, int perEndpoint) {
    ServiceConfig config = ServiceConfig.defaults().withClientAddressHeader(header);
    MapruleService core = MapruleService.load(config, RuleSetFormat.NATIVE.write(rules.ruleSet()),
        RuleSetFormat.NATIVE);
    assertThat(core.ruleSetDigest()).isEqualTo(rules.digest());
    List<CeRequest> requests = generator(rules, CeRequestGenerator.Options.defaults().withMix(mix)
        .withSeed(seed).withClientAddressHeader(header).withPerEndpoint(perEndpoint)).requests();
    Map<Endpoint, Map<Integer, Integer>> statuses = new TreeMap<>();
    for (CeRequest r : requests) {
      HttpResponse a = core.handle(neutral(r, header));
      statuses.computeIfAbsent(r.endpoint(), k -> new TreeMap<>()).merge(a.status(), 1, Integer::sum);
      String what = r + " -> " + a.status() + " " + new String(a.body(), StandardCharsets.UTF_8);
      if (r.served()) {
        assertThat(a.status()).as(what)
            .isEqualTo(r.headers().containsKey("if-none-match") && a.headers().contains("etag")
                ? 304 : 200);
      } else {
        assertThat(a.status()).as(what).isBetween(400, 499);
      }
    }
    return statuses;
  }

  @Test
  void theMixesGiveWhatTheySay() {
    Map<Endpoint, Map<Integer, Integer>> valid = assertServedAsSaid(EXAMPLE, Mix.VALID, 3,
        "x-test-client", 200);
    valid.forEach((e, s) -> assertThat(s).as(e.label()).containsOnlyKeys(200));

    Map<Endpoint, Map<Integer, Integer>> typical = assertServedAsSaid(EXAMPLE, Mix.TYPICAL, 3,
        "x-test-client", 200);
    for (Endpoint e : List.of(Endpoint.OCN, Endpoint.HB46PP, Endpoint.JPNE, Endpoint.CALC,
        Endpoint.LOOKUP)) {
      int refused = typical.get(e).entrySet().stream().filter(x -> x.getKey() >= 400)
          .mapToInt(Map.Entry::getValue).sum();
      assertThat(refused).as(e + " " + typical.get(e)).isBetween(8, 40); // one in ten of 200
    }
    assertThat(typical.get(Endpoint.RULES)).containsOnlyKeys(200, 304);
    assertThat(typical.get(Endpoint.HB46PP)).containsKey(403);

    Map<Endpoint, Map<Integer, Integer>> hostile = assertServedAsSaid(EXAMPLE, Mix.HOSTILE, 3,
        "x-test-client", 200);
    for (Endpoint e : List.of(Endpoint.OCN, Endpoint.HB46PP, Endpoint.JPNE, Endpoint.CALC,
        Endpoint.LOOKUP)) {
      Map<Integer, Integer> s = hostile.get(e);
      int total = s.values().stream().mapToInt(Integer::intValue).sum();
      assertThat(s.getOrDefault(200, 0) * 4).as(e + " " + s).isGreaterThanOrEqualTo(total);
      assertThat(s).as(e.label()).containsKey(400);
    }
    assertThat(hostile.get(Endpoint.OCN)).containsKey(304);
    assertThat(hostile.get(Endpoint.CALC)).containsKey(304);
    assertThat(hostile.get(Endpoint.HB46PP)).containsKey(403);
    assertThat(hostile.get(Endpoint.JPNE)).containsKey(403);
  }

  @Test
  void hostileRequestsSayWhatIsWrongAndUseTheRawForms() {
    List<CeRequest> requests = generator(EXAMPLE, CeRequestGenerator.Options.defaults()
        .withMix(Mix.HOSTILE).withClientAddressHeader("x-test-client").withPerEndpoint(300))
        .requests();
    Set<String> flaws = requests.stream().map(CeRequest::flaw).filter(f -> f != null)
        .map(f -> f.replaceAll("'[^']*'|\\b\\d+\\b", "_")).collect(Collectors.toSet());
    assertThat(flaws).contains("ipv6Prefix missing", "ipv6PrefixLength _ is shorter than the "
        + "BMR's n + o (_)", "vendorid _ does not match the HB46PP syntax", "callback missing",
        "token is not _ lower-case hex digits", "prefix has host bits set", "ipv4 missing",
        "client address header value _ is no IP address");
    assertThat(requests).anySatisfy(r -> assertThat(r.target()).contains("+"))
        .anySatisfy(r -> assertThat(r.target()).contains("%3A"))
        .anySatisfy(r -> assertThat(r.target()).containsPattern("%E3%83|%E8%A3"))
        .anySatisfy(r -> assertThat(r.target()).matches("/(%[0-9a-fA-F]{2}|[a-z0-9])+(\\?.*)?")
            .contains("%"))
        .anySatisfy(r -> assertThat(r.method()).isEqualTo("HEAD"))
        .anySatisfy(r -> assertThat(r.headers().get("x-test-client")).startsWith("["));
  }

  @Test
  void everyDomainAndRuleOfTheJapaneseTablesIsReachedThroughEveryCeEndpoint() {
    JpRules.assumePresent();
    LoadedRuleSet jp = jp();
    int rules = jp.ruleSet().ruleCount();
    MapCalculator calc = MapCalculator.of(jp.ruleSet());
    List<CeRequest> requests = generator(jp, CeRequestGenerator.Options.defaults()
        .withMix(Mix.VALID).withClientAddressHeader("x-test-client").withPerEndpoint(rules))
        .requests();
    for (Endpoint e : List.of(Endpoint.OCN, Endpoint.HB46PP, Endpoint.JPNE, Endpoint.CALC,
        Endpoint.LOOKUP)) {
      Set<MapRule> reached = new HashSet<>();
      Set<String> domains = new HashSet<>();
      for (CeRequest r : requests) {
        if (r.endpoint() == e) {
          CeParameters p = calc.calculate(r.endUserPrefix());
          assertThat(p.endUserPrefix()).as(r.toString()).isEqualTo(r.endUserPrefix());
          reached.add(p.bmr());
          domains.add(p.domain().name());
        }
      }
      assertThat(reached).as(e.label()).hasSize(rules);
      assertThat(domains).as(e.label()).hasSize(jp.ruleSet().domains().size());
    }
  }

  @Test
  void eachRequestIsForItsCe() {
    MapCalculator calc = MapCalculator.of(EXAMPLE.ruleSet());
    for (CeRequest r : generator(EXAMPLE, CeRequestGenerator.Options.defaults().withMix(Mix.VALID)
        .withClientAddressHeader("x-test-client").withPerEndpoint(100)).requests()) {
      Map<String, List<String>> q = RequestTarget.parse(r.target()).query();
      switch (r.endpoint()) {
        case OCN -> {
          assertThat(r.endUserPrefix().contains(
              org.maprule.addr.Ipv6Address.parse(q.get("ipv6Prefix").get(0)))).isTrue();
          // OCN CEs build the draft-03 address: their requests come from draft03 domains
          assertThat(calc.calculate(r.endUserPrefix()).domain().interfaceIdFormat())
              .isEqualTo(InterfaceIdFormat.DRAFT03);
        }
        case HB46PP, JPNE -> assertThat(r.endUserPrefix().contains(
            org.maprule.addr.Ipv6Address.parse(r.clientAddress()))).isTrue();
        case CALC -> assertThat(q.get("prefix")).containsExactly(r.endUserPrefix().toString());
        case LOOKUP -> {
          CeParameters p = calc.calculate(r.endUserPrefix());
          assertThat(Ipv4Address.parse(q.get("ipv4").get(0))).isEqualTo(p.ipv4Address());
          if (q.containsKey("port")) {
            int port = Integer.parseInt(q.get("port").get(0));
            assertThat(p.portSet().isUnrestricted() || p.portSet().contains(port)).as(r.target())
                .isTrue();
          }
        }
        default -> assertThat(r.endUserPrefix()).isNull();
      }
    }
  }

  @Test
  void theRequestOfAGivenCeIsCanonical() {
    CeRequestGenerator g = generator(EXAMPLE, CeRequestGenerator.Options.defaults()
        .withClientAddressHeader("x-test-client"));
    Domain draft03 = EXAMPLE.ruleSet().domains().get(1);
    SampledCe ce = g.sampler().ce(org.maprule.addr.Ipv6Prefix.parse("2001:db8:112:3400::/56"),
        org.maprule.addr.Ipv6Address.parse("2001:db8:112:3400::1"));
    assertThat(ce.domain()).isEqualTo(draft03);
    Map<Endpoint, String> targets = new TreeMap<>();
    for (Endpoint e : Endpoint.values()) {
      CeRequest r = g.request(e, ce);
      assertThat(r.headers()).containsExactly(Map.entry("x-test-client", "2001:db8:112:3400::1"));
      assertThat(r.method()).isEqualTo("GET");
      targets.put(e, r.target());
    }
    assertThat(targets).containsExactly(
        Map.entry(Endpoint.OCN, "/?ipv6Prefix=2001:db8:112:3400::&ipv6PrefixLength=56&code=maprule"),
        Map.entry(Endpoint.HB46PP, "/hb46pp?vendorid=acde48&product=maprule&version=1_0"
            + "&capability=map_e"),
        Map.entry(Endpoint.JPNE, "/maprule/get_rules?callback=v6plus"),
        Map.entry(Endpoint.CALC, "/calc?prefix=2001:db8:112:3400::/56"),
        Map.entry(Endpoint.LOOKUP, "/lookup?ipv4=198.51.100.18&port=4928"),
        Map.entry(Endpoint.RULES, "/rules"),
        Map.entry(Endpoint.HEALTH, "/health"));
  }

  @Test
  void cloudFrontsViewerAddressIsSentAsAddressAndPort() {
    for (CeRequest r : generator(EXAMPLE, CeRequestGenerator.Options.defaults()
        .withClientAddressHeader("CloudFront-Viewer-Address")).requests()) {
      assertThat(r.headers().get("cloudfront-viewer-address"))
          .isEqualTo(r.clientAddress() + ":" + r.headers().get("cloudfront-viewer-address")
              .replaceAll(".*:", ""))
          .matches(".*:\\d{5}");
    }
  }

  @Test
  void keysAndCodesArePercentEncoded() {
    List<CeRequest> r = generator(EXAMPLE, CeRequestGenerator.Options.defaults()
        .withJpneKey("キー 1").withOcnCode("a&b=c").withPerEndpoint(3)
        .withEndpoints(EnumSet.of(Endpoint.OCN, Endpoint.JPNE))).requests();
    assertThat(r.get(0).target()).endsWith("&code=a%26b%3Dc");
    assertThat(r.get(3).target()).startsWith("/%E3%82%AD%E3%83%BC%201/get_rules?");
    assertThat(RequestTarget.parse(r.get(3).target()).path()).isEqualTo("/キー 1/get_rules");
  }

  @Test
  void badOptionsAreRefusedNamingTheField() {
    CeRequestGenerator.Options d = CeRequestGenerator.Options.defaults();
    assertThatThrownBy(() -> d.withPerEndpoint(-1)).hasMessage("perEndpoint -1 is negative");
    assertThatThrownBy(() -> d.withEndpoints(Set.of())).hasMessage("endpoints is empty");
    assertThatThrownBy(() -> d.withClientAddressHeader("a b"))
        .hasMessage("clientAddressHeader 'a b' is not an HTTP header name");
    assertThatThrownBy(() -> d.withJpneKey("a/b")).hasMessageContaining("jpneKey 'a/b'");
    assertThatThrownBy(() -> d.withOcnCode("")).hasMessage("ocnCode is empty");
    assertThat(d.withClientAddressHeader("X-Test-Client").clientAddressHeader())
        .isEqualTo("x-test-client");
  }
}
