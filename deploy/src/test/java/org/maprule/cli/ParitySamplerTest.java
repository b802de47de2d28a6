package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;
import org.maprule.rule.Domain;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

/** The requests {@code maprule parity} samples: deterministic, every format, hitting real rules. */
class ParitySamplerTest {
  private static final LoadedRuleSet EXAMPLE = RuleSetLoader.example();

  private static ParitySampler sampler(LoadedRuleSet rs, String header) {
    return new ParitySampler(rs.ruleSet(), rs.digest(), header, "maprule-parity", "maprule-parity");
  }

  /** Status counts per format when {@code service} answers the samples in-process. */
  private static Map<ParitySampler.Format, List<Integer>> answer(MapruleService service,
      List<ParitySampler.Sample> samples) {
    Map<ParitySampler.Format, List<Integer>> out = new EnumMap<>(ParitySampler.Format.class);
    for (ParitySampler.Sample s : samples) {
      List<String> h = new ArrayList<>();
      s.headers().forEach((k, v) -> {
        h.add(k);
        h.add(v);
      });
      HttpRequest get = HttpRequest.get(s.target(), Headers.of(h.toArray(String[]::new)), "127.0.0.1");
      HttpRequest req = new HttpRequest(s.method(), get.path(), get.query(), get.headers(),
          new byte[0], get.peerAddress());
      HttpResponse r = service.handle(req);
      out.computeIfAbsent(s.format(), k -> new ArrayList<>()).add(r.status());
    }
    return out;
  }

  /**
   * Answers that hit a rule: 200, 304, and the 409 with which OCN and JPNE refuse a CE of the
   * example's RFC 7597-layout domain (a rule hit whose answer both clouds must give alike).
   */
  private static long ok(List<Integer> statuses) {
    return statuses.stream().filter(s -> s == 200 || s == 304 || s == 409).count();
  }

  @Test
  void theSameSeedGivesTheSameRequestsAndFormatsDoNotDisturbEachOther() {
    ParitySampler s = sampler(EXAMPLE, "x-test-client");
    assertThat(s.samples(7, 30)).isEqualTo(s.samples(7, 30));
    assertThat(s.samples(8, 30)).isNotEqualTo(s.samples(7, 30));
    List<ParitySampler.Sample> ten = s.samples(7, 10);
    List<ParitySampler.Sample> thirty = s.samples(7, 30);
    for (ParitySampler.Format f : ParitySampler.Format.values()) {
      List<ParitySampler.Sample> a = ten.stream().filter(x -> x.format() == f).toList();
      List<ParitySampler.Sample> b = thirty.stream().filter(x -> x.format() == f).toList();
      assertThat(b.subList(0, 10)).as(f.label()).isEqualTo(a);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void everyFormatIsSampledAndNineInTenHitARule(long seed) {
    String header = "x-test-client";
    MapruleService service = MapruleService.load(
        ServiceConfig.defaults().withClientAddressHeader(header), RuleSetLoader.exampleBytes(),
        RuleSetFormat.NATIVE);
    Map<ParitySampler.Format, List<Integer>> statuses =
        answer(service, sampler(EXAMPLE, header).samples(seed, 100));
    assertThat(statuses.keySet()).containsExactly(ParitySampler.Format.values());
    statuses.forEach((f, st) -> {
      assertThat(st).as(f.label()).hasSize(100);
      assertThat(ok(st)).as(f.label() + " " + st).isGreaterThanOrEqualTo(75);
    });
    // the refusals are sampled too, and /rules gets its 304s
    assertThat(statuses.get(ParitySampler.Format.HB46PP)).contains(403);
    assertThat(statuses.get(ParitySampler.Format.OCN)).contains(200, 409);
    assertThat(statuses.get(ParitySampler.Format.JPNE)).contains(200, 409);
    assertThat(statuses.get(ParitySampler.Format.RULES)).contains(200, 304);
  }

  @Test
  void cloudFrontViewerAddressIsSentAsAddressAndPort() {
    String header = "cloudfront-viewer-address";
    List<ParitySampler.Sample> samples = sampler(EXAMPLE, header).samples(1, 20);
    assertThat(samples).filteredOn(s -> s.format() == ParitySampler.Format.HB46PP)
        .allSatisfy(s -> assertThat(s.headers().get(header))
            .isEqualTo(s.clientAddress() + ":" + s.headers().get(header).replaceAll(".*:", ""))
            .matches(".*:\\d{5}"));
    MapruleService service = MapruleService.load(
        ServiceConfig.defaults().withClientAddressHeader(header), RuleSetLoader.exampleBytes(),
        RuleSetFormat.NATIVE);
    assertThat(ok(answer(service, samples).get(ParitySampler.Format.JPNE))).isGreaterThanOrEqualTo(15);
  }

  @Test
  void withoutAClientHeaderNoneIsSent() {
    assertThat(sampler(EXAMPLE, null).samples(1, 5)).allSatisfy(s ->
        assertThat(s.headers()).doesNotContainKey("x-test-client"));
  }

  @Test
  void overThePublishedJapaneseRules() {
    JpRules.assumePresent();
    List<Domain> domains = new ArrayList<>();
    for (String p : JpRules.providers()) {
      domains.addAll(JpRules.ruleSet(p).domains());
    }
    byte[] bytes = RuleSetFormat.NATIVE.write(RuleSet.of(86400, domains));
    LoadedRuleSet jp = RuleSetLoader.load(bytes, RuleSetFormat.NATIVE);
    MapruleService service = MapruleService.load(
        ServiceConfig.defaults().withClientAddressHeader("x-test-client"), bytes, RuleSetFormat.NATIVE);
    answer(service, sampler(jp, "x-test-client").samples(5, 100)).forEach((f, st) ->
        assertThat(ok(st)).as(f.label() + " " + st).isGreaterThanOrEqualTo(75));
  }
}
