package org.maprule.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

/**
 * The published Japanese rule tables (../shared/data/jp-rules.json, read through {@link JpRules};
 * skipped, visibly, when absent). All providers are put in ONE rule set so that BMR selection has
 * to find the right rule among all 430 across every domain.
 */
class MapCalculatorJpRulesTest {

  private static RuleSet allProviders() {
    List<Domain> domains = new ArrayList<>();
    for (String provider : JpRules.providers()) {
      domains.addAll(JpRules.ruleSet(provider).domains());
    }
    return RuleSet.of(86400, domains);
  }

  /** Every rule of every provider: sampled End-user prefixes map back into that rule. */
  @Test
  void everyRuleMapsItsOwnPrefixes() {
    RuleSet all = allProviders();
    MapCalculator calc = MapCalculator.of(all);
    Random rnd = new Random(20261120);
    int checked = 0;
    for (Domain d : all.domains()) {
      String provider = d.name().replaceAll("-\\d+$", "");
      for (MapRule rule : d.rules()) {
        int n = rule.ipv6Prefix().length();
        int o = rule.eaBitLength();
        assertThat(n + o).isEqualTo(56);
        List<Long> eas = new ArrayList<>(List.of(0L, (1L << o) - 1));
        for (int i = 0; i < 4; i++) {
          eas.add(rnd.nextLong() & ((1L << o) - 1));
        }
        for (long ea : eas) {
          Ipv6Address eu = rule.ipv6Prefix().address().withBits(n, o, ea);
          Ipv6Prefix prefix = Ipv6Prefix.of(eu, 56);
          CeParameters p = calc.calculate(prefix);
          assertThat(p.bmr()).as("BMR of %s", prefix).isEqualTo(rule);
          assertThat(p.domain()).isSameAs(d);
          assertThat(p.endUserPrefix()).isEqualTo(prefix);
          assertThat(rule.ipv4Prefix().contains(p.ipv4Address())).isTrue();
          assertThat(p.ipv4PrefixLength()).isEqualTo(32);
          assertThat(p.psidLength()).isEqualTo(rule.psidLength());
          int k = rule.psidLength();
          assertThat(p.psid()).isEqualTo((int) (ea & ((1L << k) - 1)));
          assertThat(p.ipv4Address().toLong() - rule.ipv4Prefix().address().toLong()).isEqualTo(ea >>> k);
          assertThat(p.ceAddress()).isEqualTo(p.ceAddressDraft03());
          assertProviderPorts(provider, p);
          // the CE address carries IPv4 and PSID where draft-03 puts them
          assertThat(p.ceAddress().bits(72, 32)).isEqualTo(p.ipv4Address().toLong());
          assertThat(p.ceAddress().bits(104, 16)).isEqualTo(p.psid());
          // an RA /64 and the /128 of a host inside give the /56's answer
          Ipv6Prefix ra = Ipv6Prefix.of(eu.withBits(56, 8, rnd.nextInt(256)), 64);
          CeParameters fromRa = calc.calculate(ra);
          assertThat(fromRa.prefix()).isEqualTo(ra);
          assertThat(fromRa.endUserPrefix()).isEqualTo(prefix);
          assertThat(fromRa.ceAddress()).isEqualTo(p.ceAddress());
          assertThat(fromRa.portSet()).isEqualTo(p.portSet());
          Ipv6Prefix host = Ipv6Prefix.of(eu.withBits(56, 64, rnd.nextLong()).withBits(120, 8, 1), 128);
          assertThat(calc.calculate(host).ceAddress()).isEqualTo(p.ceAddress());
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(430 * 6);
  }

  private static void assertProviderPorts(String provider, CeParameters p) {
    PortSet s = p.portSet();
    switch (provider) {
      case "JPNE", "BIGLOBE", "NURO" -> {
        // a = 4, k = 8, m = 4: 15 ranges of 16, first 4096 + 16·PSID
        assertThat(s.psidOffset()).isEqualTo(4);
        assertThat(s.portCount()).isEqualTo(240);
        assertThat(s.ranges()).hasSize(15).allMatch(r -> r.size() == 16);
        assertThat(s.ranges().get(0)).isEqualTo(new PortRange(4096 + 16 * p.psid(), 4096 + 16 * p.psid() + 15));
      }
      case "OCN" -> {
        // a = 6, k = 6, m = 4: 63 ranges of 16, first 1024 + 16·PSID
        assertThat(s.psidOffset()).isEqualTo(6);
        assertThat(s.portCount()).isEqualTo(1008);
        assertThat(s.ranges()).hasSize(63).allMatch(r -> r.size() == 16);
        assertThat(s.ranges().get(0)).isEqualTo(new PortRange(1024 + 16 * p.psid(), 1024 + 16 * p.psid() + 15));
      }
      default -> throw new AssertionError("unknown provider " + provider);
    }
  }

  /**
   * One JPNE prefix by hand. Rule 240b:10::/32 → 106.72.0.0/16, o = 24, a = 4 (k = 24 - 16 = 8,
   * m = 4). End-user prefix 240b:10:af12:3400::/56: EA bits (bits 32..55) = 0xaf1234, so the IPv4
   * suffix is 0xaf12 → 106.72.175.18 and the PSID 0x34 = 52. Ports: A·4096 + 52·16 + j, A = 1..15,
   * j = 0..15: 4928–4943, 9024–9039, …, 62272–62287. draft-03 interface id: 00 | 6a 48 af 12 |
   * 00 34 | 00 → 006a:48af:1200:3400, so the CE address is 240b:10:af12:3400:6a:48af:1200:3400
   * (RFC 7597 layout would be 0000:6a48:af12:0034 → 240b:10:af12:3400:0:6a48:af12:34).
   */
  @Test
  void jpneByHand() {
    MapCalculator calc = MapCalculator.of(JpRules.ruleSet("JPNE"));
    CeParameters p = calc.calculate(Ipv6Prefix.parse("240b:10:af12:3400::/56"));
    assertThat(p.bmr().ipv6Prefix()).isEqualTo(Ipv6Prefix.parse("240b:10::/32"));
    assertThat(p.ipv4Address()).isEqualTo(Ipv4Address.parse("106.72.175.18"));
    assertThat(p.psid()).isEqualTo(52);
    assertThat(p.psidLength()).isEqualTo(8);
    assertThat(p.portSet().ranges().get(0)).isEqualTo(new PortRange(4928, 4943));
    assertThat(p.portSet().ranges().get(1)).isEqualTo(new PortRange(9024, 9039));
    assertThat(p.portSet().ranges().get(14)).isEqualTo(new PortRange(62272, 62287));
    assertThat(p.ceAddress().toString()).isEqualTo("240b:10:af12:3400:6a:48af:1200:3400");
    assertThat(p.ceAddressRfc7597().toString()).isEqualTo("240b:10:af12:3400:0:6a48:af12:34");
    assertThat(p.brIpv6Address()).isEqualTo(Ipv6Address.parse("2404:9200:225:100::64"));
    // the RA /64 of the same customer, with a non-zero subnet ID, gives the /56's results
    CeParameters ra = calc.calculate(Ipv6Prefix.parse("240b:10:af12:3405::/64"));
    assertThat(ra.endUserPrefix()).isEqualTo(Ipv6Prefix.parse("240b:10:af12:3400::/56"));
    assertThat(ra.ceAddress()).isEqualTo(p.ceAddress());
    assertThat(ra.ipv4Address()).isEqualTo(p.ipv4Address());
  }
}
