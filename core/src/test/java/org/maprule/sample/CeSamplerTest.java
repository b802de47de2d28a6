package org.maprule.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.format.RuleSetLoader;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

/** CEs sampled inside real rules: they map to their rule, edges are edges, outside is outside. */
class CeSamplerTest {
  private static final RuleSet EXAMPLE = RuleSetLoader.example().ruleSet();

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 7597L, -3L);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyPositionOfEveryExampleRuleMapsToThatRuleWithItsEdgeValues(long seed) {
    CeSampler sampler = CeSampler.of(EXAMPLE);
    Random random = new Random(seed);
    for (Domain d : EXAMPLE.domains()) {
      for (MapRule r : d.rules()) {
        for (CeSampler.Position position : CeSampler.Position.values()) {
          SampledCe ce = sampler.sample(d, r, position, random).orElseThrow();
          assertEdge(ce, d, r, position);
          assertThat(sampler.calculator().calculate(ce.endUserPrefix())).isEqualTo(ce.parameters());
        }
      }
    }
  }

  @Test
  void everyPositionOfEveryJpRuleMapsToThatRule() {
    RuleSet jp = JpRules.allProviders();
    CeSampler sampler = CeSampler.of(jp);
    Random random = new Random(56);
    int rules = 0;
    for (Domain d : jp.domains()) {
      for (MapRule r : d.rules()) {
        rules++;
        for (CeSampler.Position position : CeSampler.Position.values()) {
          Optional<SampledCe> ce = sampler.sample(d, r, position, random);
          assertThat(ce).as("%s %s %s", d.name(), r.ipv6Prefix(), position).isPresent();
          assertEdge(ce.get(), d, r, position);
        }
      }
    }
    assertThat(rules).isEqualTo(jp.ruleCount()).isGreaterThan(400);
  }

  private static void assertEdge(SampledCe ce, Domain d, MapRule r, CeSampler.Position position) {
    String what = d.name() + " " + r.ipv6Prefix() + " " + position + " " + ce.endUserPrefix();
    CeParameters p = ce.parameters();
    assertThat(ce.rule()).as(what).isEqualTo(r);
    assertThat(ce.domain()).as(what).isEqualTo(d);
    assertThat(r.ipv6Prefix().contains(ce.endUserPrefix())).as(what).isTrue();
    assertThat(ce.endUserPrefix().length()).as(what)
        .isEqualTo(d.endUserPrefixLength().orElse(r.endUserPrefixLength()));
    assertThat(ce.endUserPrefix().contains(ce.address())).as(what).isTrue();
    int k = r.psidLength();
    long first = r.ipv4Prefix().address().toLong();
    long last = r.ipv4Prefix().last().toLong();
    switch (position) {
      case FIRST -> {
        assertThat(p.psid()).as(what).isZero();
        assertThat(p.ipv4Address().toLong()).as(what).isEqualTo(first);
      }
      case LAST -> {
        assertThat(p.psid()).as(what).isEqualTo(k > 0 ? (1 << k) - 1 : 0);
        assertThat(p.ipv4Address().toLong()).as(what).isEqualTo(k >= 0 ? last
            : first + ((1L << r.eaBitLength()) - 1 << -k));
      }
      case PSID_ZERO -> assertThat(p.psid()).as(what).isZero();
      case PSID_MAX -> assertThat(p.psid()).as(what).isEqualTo(k > 0 ? (1 << k) - 1 : 0);
      case ANY -> assertThat(r.ipv4Prefix().contains(p.ipv4Address())).as(what).isTrue();
    }
  }

  @Test
  void aDomainsSampleIsDeterministicCoversItsRulesAndStaysInIt() {
    RuleSet jp = JpRules.allProviders();
    CeSampler sampler = CeSampler.of(jp);
    for (Domain d : jp.domains()) {
      List<SampledCe> ces = sampler.sample(d, 2 * d.rules().size() + 3, 9);
      assertThat(ces).hasSize(2 * d.rules().size() + 3).allSatisfy(ce -> {
        assertThat(ce.domain()).isEqualTo(d);
        assertThat(sampler.calculator().calculate(ce.endUserPrefix())).isEqualTo(ce.parameters());
      });
      assertThat(ces.stream().map(SampledCe::rule).distinct()).hasSize(d.rules().size());
      assertThat(sampler.sample(d, ces.size(), 9)).isEqualTo(ces);
      assertThat(sampler.sample(d, ces.size(), 10)).isNotEqualTo(ces);
    }
    assertThat(sampler.sample(jp.domains().get(0), 0, 1)).isEmpty();
  }

  @Test
  void aSmallSampleStillReachesTheEdges() {
    Domain draft03 = EXAMPLE.domains().get(1);
    List<SampledCe> ces = CeSampler.of(EXAMPLE).sample(draft03, 10, 3);
    assertThat(ces).anySatisfy(ce -> assertThat(ce.parameters().psid()).isZero())
        .anySatisfy(ce -> assertThat(ce.parameters().psid()).isEqualTo(255));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void outsideIsOutsideEveryRule(long seed) {
    for (RuleSet rs : JpRules.file() == null ? List.of(EXAMPLE)
        : List.of(EXAMPLE, JpRules.allProviders())) {
      CeSampler sampler = CeSampler.of(rs);
      Random random = new Random(seed);
      for (int i = 0; i < 50; i++) {
        Ipv6Prefix p = sampler.outsidePrefix(random);
        assertThat(p.length()).isEqualTo(56);
        assertThatThrownBy(() -> sampler.calculator().calculate(p))
            .isInstanceOfSatisfying(MapruleException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_MATCHING_RULE));
        Ipv4Address v4 = sampler.outsideIpv4(random);
        assertThat(rs.domains().stream().flatMap(d -> d.rules().stream())
            .noneMatch(r -> r.ipv4Prefix().contains(v4))).as(v4.toString()).isTrue();
      }
    }
  }

  @Test
  void aGivenPrefixAndAddressAreCoresCe() {
    CeSampler sampler = CeSampler.of(EXAMPLE);
    SampledCe ce = sampler.ce(Ipv6Prefix.parse("2001:db8:112:3400::/56"),
        org.maprule.addr.Ipv6Address.parse("2001:db8:112:3401::1"));
    assertThat(ce.endUserPrefix()).hasToString("2001:db8:112:3400::/56");
    assertThat(ce.parameters().ipv4Address()).hasToString("198.51.100.18");
    assertThatThrownBy(() -> sampler.ce(Ipv6Prefix.parse("2001:db8:112:3400::/56"),
        org.maprule.addr.Ipv6Address.parse("2001:db8:112:3500::1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    assertThatThrownBy(() -> sampler.ce(Ipv6Prefix.parse("3fff::/56"),
        org.maprule.addr.Ipv6Address.parse("3fff::1")))
        .isInstanceOfSatisfying(MapruleException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_MATCHING_RULE));
  }

  @Test
  void aRuleOfAnotherRuleSetIsRefused() {
    CeSampler sampler = CeSampler.of(EXAMPLE);
    Domain d = EXAMPLE.domains().get(0);
    MapRule foreign = EXAMPLE.domains().get(1).rules().get(0);
    assertThatThrownBy(() -> sampler.sample(d, foreign, CeSampler.Position.ANY, new Random(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a rule of domain");
  }
}
