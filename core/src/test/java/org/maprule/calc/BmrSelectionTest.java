package org.maprule.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * The BMR index against a linear scan: thousands of seeded rules of mixed lengths (nested, equal
 * and disjoint prefixes, spread over several domains), queries of every length. The scan picks the
 * longest containing Rule IPv6 prefix, the first in file order on equal prefixes.
 */
class BmrSelectionTest {

  @Test
  void indexAgreesWithALinearScan() {
    Random rnd = new Random(4096);
    List<Domain> domains = new ArrayList<>();
    List<RuleMatch> all = new ArrayList<>();
    long base = 0x2001_0db8_0000_0000L;
    for (int d = 0; d < 8; d++) {
      List<MapRule> rules = new ArrayList<>();
      for (int i = 0; i < 512; i++) {
        // concentrate the prefixes under 2001:db8::/32 so that many nest
        int n = 32 + rnd.nextInt(33) + (rnd.nextInt(8) == 0 ? rnd.nextInt(50) : 0);
        Ipv6Address a = Ipv6Address.of(base | (rnd.nextLong() >>> 32 >>> rnd.nextInt(24)), rnd.nextLong());
        Ipv6Prefix p = Ipv6Prefix.containing(a, n);
        rules.add(new MapRule(p, Ipv4Prefix.parse("192.0.2.0/24"), 0, 6));
      }
      Domain domain = new Domain("d" + d, Ipv6Address.parse("2001:db8:ffff::1"), InterfaceIdFormat.RFC7597,
          OptionalInt.empty(), rules);
      domains.add(domain);
      rules.forEach(r -> all.add(new RuleMatch(domain, r)));
    }
    MapCalculator calc = MapCalculator.of(RuleSet.of(60, domains));
    int found = 0;
    for (int q = 0; q < 5000; q++) {
      Ipv6Prefix query;
      if (q % 2 == 0) {
        // a prefix inside (or around) an existing rule
        MapRule r = all.get(rnd.nextInt(all.size())).rule();
        Ipv6Address inside = r.ipv6Prefix().address()
            .withBits(r.ipv6Prefix().length(), Math.min(64, 128 - r.ipv6Prefix().length()), rnd.nextLong());
        query = Ipv6Prefix.containing(inside, Math.min(128, Math.max(0, r.ipv6Prefix().length() - 8 + rnd.nextInt(40))));
      } else {
        query = Ipv6Prefix.containing(
            Ipv6Address.of(base | (rnd.nextLong() >>> 32), rnd.nextLong()), rnd.nextInt(129));
      }
      Optional<RuleMatch> expected = scan(all, query);
      assertThat(calc.findBmr(query)).as("BMR of %s", query).isEqualTo(expected);
      if (expected.isPresent()) {
        found++;
      }
    }
    assertThat(found).isGreaterThan(1500);
  }

  private static Optional<RuleMatch> scan(List<RuleMatch> all, Ipv6Prefix query) {
    RuleMatch best = null;
    for (RuleMatch m : all) {
      Ipv6Prefix p = m.rule().ipv6Prefix();
      if (p.contains(query) && (best == null || p.length() > best.rule().ipv6Prefix().length())) {
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }
}
