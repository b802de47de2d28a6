package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maprule.ErrorCode;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.validate.Violation;

/**
 * What core gives a long-running transport besides answers: a refused reload on
 * {@code /health}, access-log lines and the bounded endpoint names of metrics.
 */
class ServiceLifecycleTest {
  private static final ServiceConfig CONFIG = ServiceConfig.defaults().withCloud("t");
  private static final MapruleService EXAMPLE =
      MapruleService.load(CONFIG, RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
  private static final String DIGEST = EXAMPLE.ruleSetDigest();
  private static final ReloadFailure FAILURE = new ReloadFailure("rules.json",
      Instant.parse("2026-12-02T21:23:34.123456Z"), "rules.json is invalid (1 error): the rule "
          + "set loaded before is still served",
      List.of(Violation.warning(ErrorCode.EA_BITS_BEYOND_64, "domains[0]", "7", "w"),
          Violation.error(ErrorCode.NO_DOMAINS, "domains", null, "no domain")));

  private static String health(MapruleService s) {
    return new String(s.handle(HttpRequest.get("/health", Headers.empty(), "192.0.2.1")).body(),
        StandardCharsets.UTF_8);
  }

  @Test
  void aRefusedReloadIsTheLastHealthMemberAndTheOldRuleSetStaysHealthy() {
    MapruleService after = EXAMPLE.withReloadFailure(FAILURE);
    HttpResponse h = after.handle(HttpRequest.get("/health", Headers.empty(), "192.0.2.1"));
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.headers()).isEqualTo(
        EXAMPLE.handle(HttpRequest.get("/health", Headers.empty(), "192.0.2.1")).headers());
    String before = health(EXAMPLE);
    assertThat(health(after)).isEqualTo(before.substring(0, before.length() - 1)
        + ",\"reload\":{\"status\":\"failed\",\"source\":\"rules.json\","
        + "\"at\":\"2026-12-02T21:23:34.123Z\",\"message\":\"rules.json is invalid (1 error): "
        + "the rule set loaded before is still served\",\"violations\":["
        + "{\"code\":\"EA_BITS_BEYOND_64\",\"field\":\"domains[0]\",\"value\":\"7\",\"message\":\"w\"},"
        + "{\"code\":\"NO_DOMAINS\",\"field\":\"domains\",\"value\":null,\"message\":\"no domain\"}"
        + "]}}");
    assertThat(after.reloadFailure()).isEqualTo(FAILURE);
    assertThat(EXAMPLE.reloadFailure()).isNull();
    assertThat(health(EXAMPLE)).as("the original is unchanged").doesNotContain("reload");
  }

  @Test
  void everyOtherAnswerOfTheServiceIsUnchangedByARefusedReload() {
    MapruleService after = EXAMPLE.withReloadFailure(FAILURE);
    for (String target : List.of("/rules", "/calc?prefix=2001:db8:12:3400::/56",
        "/?ipv6Prefix=2001:db8:12:3400::&ipv6PrefixLength=56&code=x", "/nope")) {
      HttpResponse a = EXAMPLE.handle(HttpRequest.get(target, Headers.empty(), "192.0.2.1"));
      HttpResponse b = after.handle(HttpRequest.get(target, Headers.empty(), "192.0.2.1"));
      assertThat(b.status()).as(target).isEqualTo(a.status());
      assertThat(b.headers()).as(target).isEqualTo(a.headers());
      assertThat(b.body()).as(target).isEqualTo(a.body());
    }
    assertThat(after.ruleSetDigest()).isEqualTo(DIGEST);
    assertThat(after.isServing()).isTrue();
  }

  @Test
  void aRefusedReloadWithoutAValidRuleSetKeepsListingTheStartViolations() {
    MapruleService invalid = MapruleService.load(CONFIG,
        "{\"ttl\":0,\"domains\":[]}".getBytes(StandardCharsets.UTF_8), RuleSetFormat.NATIVE);
    MapruleService after = invalid.withReloadFailure(FAILURE);
    HttpResponse h = after.handle(HttpRequest.get("/health", Headers.empty(), "192.0.2.1"));
    assertThat(h.status()).isEqualTo(503);
    String body = new String(h.body(), StandardCharsets.UTF_8);
    assertThat(body).startsWith(health(invalid).substring(0, health(invalid).length() - 1)
        + ",\"reload\":{\"status\":\"failed\"");
    assertThat(body.indexOf("TTL_OUT_OF_RANGE")).isLessThan(body.indexOf("\"reload\""));
    assertThatThrownBy(() -> EXAMPLE.withReloadFailure(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void accessLogLineMembersInOrder() {
    byte[] line = EXAMPLE.accessLogLine(Instant.parse("2026-12-02T21:23:34.123999Z"),
        HttpRequest.get("/calc?prefix=2001:db8:12:3400::/56", Headers.empty(), "192.0.2.1"),
        null, 200, 731, 42);
    assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo("{\"time\":"
        + "\"2026-12-02T21:23:34.123Z\",\"client\":\"192.0.2.1\",\"clientSource\":\"peer\","
        + "\"method\":\"GET\",\"path\":\"/calc\",\"endpoint\":\"calc\",\"status\":200,"
        + "\"bytes\":731,\"micros\":42,\"ruleSet\":\"" + DIGEST + "\"}");
  }

  @Test
  void accessLogClientIsTheOneCoreTrusts() {
    MapruleService s = MapruleService.load(CONFIG.withClientAddressHeader("X-Test-Client"),
        RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
    Instant t = Instant.EPOCH;
    String fromHeader = new String(s.accessLogLine(t, HttpRequest.get("/hb46pp",
        Headers.of("x-test-client", "[2001:DB8::1]:4000"), "192.0.2.1"), null, 403, 1, 1),
        StandardCharsets.UTF_8);
    assertThat(fromHeader).contains("\"client\":\"2001:db8::1\",\"clientSource\":\"x-test-client\"");
    String missing = new String(s.accessLogLine(t, HttpRequest.get("/hb46pp", Headers.empty(),
        "192.0.2.1"), null, 400, 1, 1), StandardCharsets.UTF_8);
    assertThat(missing).contains("\"client\":null,\"clientSource\":\"x-test-client\"");
    String fault = new String(s.accessLogLine(t, null, "2001:db8::2", 414, 170, 3),
        StandardCharsets.UTF_8);
    assertThat(fault).isEqualTo("{\"time\":\"1970-01-01T00:00:00.000Z\",\"client\":"
        + "\"2001:db8::2\",\"clientSource\":\"peer\",\"method\":null,\"path\":null,\"endpoint\":"
        + "\"none\",\"status\":414,\"bytes\":170,\"micros\":3,\"ruleSet\":\"" + DIGEST + "\"}");
  }

  @ParameterizedTest
  @CsvSource({
    "/, ocn", "/hb46pp, hb46pp", "/k/get_rules, get_rules", "/rules, rules", "/calc, calc",
    "/lookup, lookup", "/health, health", "/get_rules, none", "//get_rules, none",
    "/a/b/get_rules, none", "/rules/, none", "/HEALTH, none", "'', none", "*, none",
    "/%2e%2e/, none",
  })
  void endpointOfAPathIsExact(String path, String label) {
    assertThat(Endpoint.of(path).label()).isEqualTo(label);
  }

  @Test
  void endpointLabelsAreABoundedSetOfLowerCaseNames() {
    assertThat(Stream.of(Endpoint.values()).map(Endpoint::label)).containsExactly("ocn",
        "hb46pp", "get_rules", "rules", "calc", "lookup", "health", "none");
    assertThat(Endpoint.of(null)).isEqualTo(Endpoint.NONE);
  }
}
