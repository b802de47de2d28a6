package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.addr.Ipv6Address;
import org.maprule.format.RuleSetFormat;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on the published JP tables ({@code ../shared/data/jp-rules.json}, never copied into
 * the project; every test here is skipped, visibly, when the file is absent).
 */
class JpRulesServiceTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ServiceConfig CONFIG =
      ServiceConfig.defaults().withClientAddressHeader("x-test-client");
  private static final String HB = "/hb46pp?vendorid=001122&product=p&version=1&capability=map_e";

  private static MapruleService serve(RuleSet rs) {
    return MapruleService.load(CONFIG, RuleSetFormat.NATIVE.write(rs), RuleSetFormat.NATIVE);
  }

  private static MapruleService all;

  /** All four providers in one rule set (built once). */
  private static synchronized MapruleService all() {
    if (all == null) {
      all = buildAll();
    }
    return all;
  }

  private static MapruleService buildAll() {
    List<Domain> domains = new ArrayList<>();
    for (String p : JpRules.providers()) {
      domains.addAll(JpRules.ruleSet(p).domains());
    }
    return serve(RuleSet.of(86400, domains));
  }

  private static JsonNode get(MapruleService s, int status, String target, String... headers) {
    HttpResponse r = s.handle(HttpRequest.get(target, Headers.of(headers), "127.0.0.1"));
    assertThat(r.status()).as(target).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  /** A random End-user /56 of {@code rule} (n + o = 56 in every JP table), as its address. */
  private static Ipv6Address endUser56(MapRule rule, Random rnd) {
    int n = rule.ipv6Prefix().length();
    int o = rule.eaBitLength();
    assertThat(n + o).isEqualTo(56);
    return rule.ipv6Prefix().address().withBits(n, o, rnd.nextLong());
  }

  static Stream<Long> seeds() {
    return Stream.of(7L, 8L, 9L);
  }

  @Test
  void eachProviderAndAllTogetherAreServed() {
    JpRules.assumePresent();
    int total = 0;
    for (String p : JpRules.providers()) {
      RuleSet rs = JpRules.ruleSet(p);
      MapruleService s = serve(rs);
      assertThat(s.isServing()).as(p).isTrue();
      JsonNode h = get(s, 200, "/health");
      assertThat(h.get("status").asString()).isEqualTo("ok");
      assertThat(h.get("rules").asInt()).as(p).isEqualTo(JpRules.rules(p).size());
      assertThat(h.get("domains").asInt()).as(p).isEqualTo(rs.domains().size());
      total += JpRules.rules(p).size();
    }
    assertThat(JpRules.providers()).containsExactlyInAnyOrder("JPNE", "BIGLOBE", "OCN", "NURO");
    JsonNode h = get(all(), 200, "/health");
    assertThat(h.get("rules").asInt()).isEqualTo(total).isEqualTo(430);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anOcnCeGetsItsDomainsRulesAsStrings(long seed) {
    JpRules.assumePresent();
    Random rnd = new Random(seed);
    MapruleService s = all();
    List<MapRule> ocn = JpRules.rules("OCN");
    MapRule rule = ocn.get(rnd.nextInt(ocn.size()));
    // the CE sends its first 64 bits (bits 56..63 its own) in upper case, as some CEs do
    Ipv6Address first64 = endUser56(rule, rnd).withBits(56, 8, rnd.nextInt(256));
    for (int length : new int[] {56, 64}) {
      JsonNode body = get(s, 200, "/?ipv6Prefix=" + first64.toString().toUpperCase()
          + "&ipv6PrefixLength=" + length);
      JsonNode rules = body.get("basicMapRules");
      assertThat(rules.size()).isEqualTo(160);
      boolean found = false;
      for (JsonNode r : rules) {
        assertThat(r.propertyNames()).containsExactly("brIpv6Address", "eaBitLength",
            "ipv4Prefix", "ipv4PrefixLength", "ipv6Prefix", "ipv6PrefixLength", "psIdOffset");
        r.forEach(v -> assertThat(v.isString()).as("%s", r).isTrue());
        assertThat(r.get("brIpv6Address").asString()).isEqualTo("2001:380:a120::9");
        found |= r.get("ipv6Prefix").asString().equals(rule.ipv6Prefix().address().toString())
            && r.get("ipv6PrefixLength").asString().equals("" + rule.ipv6Prefix().length());
      }
      assertThat(found).as("the CE's BMR is among the rules").isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anOcnCustomerGetsHb46ppNumbersAndTheDraft03Layout(long seed) {
    JpRules.assumePresent();
    Random rnd = new Random(seed);
    List<MapRule> ocn = JpRules.rules("OCN");
    MapRule rule = ocn.get(rnd.nextInt(ocn.size()));
    Ipv6Address client = endUser56(rule, rnd).withBits(64, 64, rnd.nextLong());
    JsonNode b = get(all(), 200, HB, "x-test-client", client.toString());
    assertThat(b.get("ttl").isNumber()).isTrue();
    assertThat(b.get("order").get(0).asString()).isEqualTo("map_e");
    JsonNode m = b.get("map_e");
    assertThat(m.get("version").isNumber()).isTrue();
    assertThat(m.get("version").asInt()).isZero();
    assertThat(m.get("br").asString()).isEqualTo("2001:380:a120::9");
    assertThat(m.get("rules").size()).isEqualTo(160);
    for (JsonNode r : m.get("rules")) {
      assertThat(r.get("ea_length").isNumber()).isTrue();
      assertThat(r.get("psid_offset").isNumber()).isTrue();
      assertThat(r.get("psid_offset").asInt()).isEqualTo(6);
      assertThat(r.get("ipv6").isString()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void calcShowsTheJpPortSets(long seed) {
    JpRules.assumePresent();
    Random rnd = new Random(seed);
    MapruleService s = all();
    List<MapRule> jpne = JpRules.rules("JPNE");
    MapRule j = jpne.get(rnd.nextInt(jpne.size()));
    JsonNode c = get(s, 200, "/calc?prefix=" + endUser56(j, rnd) + "/56");
    int psid = c.get("psid").asInt();
    assertThat(c.get("portCount").asInt()).isEqualTo(240);
    assertThat(c.get("portRanges").size()).isEqualTo(15);
    assertThat(c.get("portRanges").get(0).get(0).asInt()).isEqualTo(4096 + 16 * psid);
    assertThat(c.get("portRanges").get(0).get(1).asInt()).isEqualTo(4096 + 16 * psid + 15);
    assertThat(c.get("domain").asString()).isEqualTo("JPNE");

    List<MapRule> ocn = JpRules.rules("OCN");
    MapRule o = ocn.get(rnd.nextInt(ocn.size()));
    JsonNode d = get(s, 200, "/calc?prefix=" + endUser56(o, rnd) + "/56");
    assertThat(d.get("portCount").asInt()).isEqualTo(1008);
    assertThat(d.get("portRanges").size()).isEqualTo(63);
    assertThat(d.get("psidOffset").asInt()).isEqualTo(6);
  }

  // ---- the operator's toolbox over HTTP ----

  /**
   * lookup(calc(p)) = p over HTTP: for sampled End-user prefixes of every published JP rule,
   * {@code /calc} gives the CE's IPv4 address and port set; {@code /lookup} of that address and a
   * random port of the set gives back the prefix, the rule and the CE address, and without a port
   * a block of 2^k End-user prefixes holding it.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void lookupOfCalcGivesBackThePrefixForEveryRule(long seed) {
    JpRules.assumePresent();
    Random rnd = new Random(seed);
    MapruleService s = all();
    int checked = 0;
    for (String provider : JpRules.providers()) {
      for (MapRule rule : JpRules.rules(provider)) {
        String p = endUser56(rule, rnd) + "/56";
        JsonNode c = get(s, 200, "/calc?prefix=" + p);
        JsonNode ranges = c.get("portRanges");
        JsonNode range = ranges.get(rnd.nextInt(ranges.size()));
        int port = range.get(0).asInt() + rnd.nextInt(range.get(1).asInt() - range.get(0).asInt() + 1);
        String ipv4 = c.get("ipv4Address").asString();
        JsonNode o = get(s, 200, "/lookup?ipv4=" + ipv4 + "&port=" + port);
        assertThat(o.get("endUserPrefix").asString()).as("%s port %d", ipv4, port).isEqualTo(p);
        assertThat(o.get("domain").asString()).isEqualTo(c.get("domain").asString());
        assertThat(o.get("rule")).isEqualTo(c.get("bmr"));
        assertThat(o.get("psid").asInt()).isEqualTo(c.get("psid").asInt());
        assertThat(o.get("ceAddress").asString()).isEqualTo(c.get("ceAddress").asString());
        assertThat(o.get("portRanges")).isEqualTo(ranges);
        JsonNode all = get(s, 200, "/lookup?ipv4=" + ipv4).get("endUserPrefixes");
        assertThat(all.get("count").asLong()).isEqualTo(1L << rule.psidLength());
        assertThat(org.maprule.addr.Ipv6Prefix.parse(all.get("block").asString())
            .contains(org.maprule.addr.Ipv6Prefix.parse(p))).isTrue();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(430);
  }

  /**
   * A JPNE customer calling {@code /{key}/get_rules} over IPv6 gets JPNE's rules: {@code
   * ipv6_fixlen} 56 and every number a JSON number; a customer of another provider gets that
   * provider's domain instead (BIGLOBE has two BRs, so two domains of 129 rules).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void aJpneCustomerGetsTheJpneRulesWithNumbers(long seed) {
    JpRules.assumePresent();
    Random rnd = new Random(seed);
    MapruleService s = all();
    List<MapRule> jpne = JpRules.rules("JPNE");
    Ipv6Address client = endUser56(jpne.get(rnd.nextInt(jpne.size())), rnd)
        .withBits(56, 8, rnd.nextInt(256)).withBits(64, 64, rnd.nextLong());
    HttpResponse r = s.handle(HttpRequest.get("/0123456789abcdef/get_rules?callback=v6plus",
        Headers.of("x-test-client", client.toString()), "127.0.0.1"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().first("content-type")).isEqualTo("application/javascript; charset=utf-8");
    String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(body).startsWith("v6plus({").endsWith("})");
    JsonNode o = JSON.readTree(body.substring("v6plus(".length(), body.length() - 1));
    assertThat(o.propertyNames()).containsExactly("dmr", "id", "ipv6_fixlen", "fmr");
    assertThat(o.get("dmr").asString()).isEqualTo("2404:9200:225:100::64");
    assertThat(o.get("id").asString()).isEqualTo(s.ruleSetDigest());
    assertThat(o.get("ipv6_fixlen").isInt()).isTrue();
    assertThat(o.get("ipv6_fixlen").asInt()).isEqualTo(56);
    assertThat(o.get("fmr").size()).isEqualTo(8);
    for (int i = 0; i < jpne.size(); i++) {
      JsonNode f = o.get("fmr").get(i);
      MapRule rule = jpne.get(i);
      assertThat(f.propertyNames()).containsExactly("ipv6", "ipv4", "psid_offset", "ea_length");
      assertThat(f.get("ipv6").asString()).isEqualTo(rule.ipv6Prefix().toString());
      assertThat(f.get("ipv4").asString()).isEqualTo(rule.ipv4Prefix().toString());
      assertThat(f.get("psid_offset").isInt()).isTrue();
      assertThat(f.get("psid_offset").asInt()).isEqualTo(4);
      assertThat(f.get("ea_length").isInt()).isTrue();
      assertThat(f.get("ea_length").asInt()).isEqualTo(rule.eaBitLength());
    }
    for (String provider : List.of("BIGLOBE", "OCN", "NURO")) {
      List<MapRule> rules = JpRules.rules(provider);
      Ipv6Address other = endUser56(rules.get(rnd.nextInt(rules.size())), rnd).withBits(64, 64, 1);
      HttpResponse p = s.handle(HttpRequest.get("/k/get_rules?callback=cb",
          Headers.of("x-test-client", other.toString()), "127.0.0.1"));
      String b = new String(p.body(), java.nio.charset.StandardCharsets.UTF_8);
      JsonNode n = JSON.readTree(b.substring(3, b.length() - 1));
      assertThat(n.get("ipv6_fixlen").asInt()).isEqualTo(56);
      assertThat(n.get("fmr").size()).as(provider)
          .isEqualTo(provider.equals("BIGLOBE") ? 129 : rules.size());
    }
  }

  @Test
  void anAddressOfNoProviderIsNotACustomer() {
    JpRules.assumePresent();
    JsonNode p = get(all(), 403, HB, "x-test-client", "2001:db8::1");
    assertThat(p.get("code").asString()).isEqualTo("NOT_A_CUSTOMER");
    JsonNode j = get(all(), 403, "/k/get_rules?callback=cb", "x-test-client", "2001:db8::1");
    assertThat(j.get("code").asString()).isEqualTo("NOT_A_CUSTOMER");
  }
}
