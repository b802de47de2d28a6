package org.maprule.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * The diff against brute force: small generated rule-set pairs inside one /40, every End-user
 * prefix of length {@value #G} mapped on both sides by {@link MapCalculator} (independent code),
 * and the set of changed prefixes and their changes compared with the diff's ranges, exactly.
 */
class RuleSetDiffOracleTest {
  static final int G = 52;
  static final Ipv6Prefix REGION = Ipv6Prefix.parse("2001:db8:ab00::/40");

  static Stream<Arguments> seeds() {
    return IntStream.range(0, 150).mapToObj(i -> arguments(90_000L + i));
  }

  static MapRule randomRule(Random rnd, int ipv4Block) {
    int n = 40 + rnd.nextInt(7); // 40..46
    int o = rnd.nextInt(Math.min(12, G - n) + 1); // n + o <= 52
    int k = Math.min(o, rnd.nextInt(10) - 3); // -3..6, at most o
    int r = Math.min(32, 32 - o + k);
    int a = Math.min(15, rnd.nextInt(16 - Math.max(k, 0) + 1)); // a + k <= 16
    Ipv6Address v6 = REGION.address().withBits(40, 24, rnd.nextInt(1 << 24));
    Ipv4Address v4 = Ipv4Address.of((10 << 24) | (ipv4Block << 16) | (rnd.nextInt() & 0xFFFF));
    return new MapRule(Ipv6Prefix.containing(v6, n), Ipv4Prefix.containing(v4, r), o, a);
  }

  static Domain domain(String name, Random rnd, List<MapRule> rules) {
    return new Domain(name, Ipv6Address.parse("2001:db8:ffff::" + (1 + rnd.nextInt(2))),
        rnd.nextBoolean() ? InterfaceIdFormat.RFC7597 : InterfaceIdFormat.DRAFT03,
        rnd.nextInt(3) == 0 ? OptionalInt.of(G) : OptionalInt.empty(), rules);
  }

  /** A random edit: the same rule with one field changed, an equivalent split, or a fresh rule. */
  static MapRule mutate(Random rnd, MapRule r, int ipv4Block) {
    return switch (rnd.nextInt(5)) {
      case 0 -> new MapRule(r.ipv6Prefix(), r.ipv4Prefix(), r.eaBitLength(), (r.psidOffset() + 1 + rnd.nextInt(3)) % 16);
      case 1 -> {
        // widen or narrow the IPv4 prefix by one bit and the EA bits with it (EA bits move)
        int d = r.ipv4Prefix().length() > 0 && rnd.nextBoolean() ? -1 : 1;
        int nr = r.ipv4Prefix().length() + d;
        int no = r.eaBitLength() - d;
        if (nr > 32 || no < 0 || r.ipv6Prefix().length() + no > G) {
          yield r;
        }
        yield new MapRule(r.ipv6Prefix(), Ipv4Prefix.containing(r.ipv4Prefix().address(), nr), no, r.psidOffset());
      }
      case 2 -> new MapRule(r.ipv6Prefix(), Ipv4Prefix.containing(Ipv4Address.of((10 << 24) | (ipv4Block << 16)
          | (rnd.nextInt() & 0xFFFF)), r.ipv4Prefix().length()), r.eaBitLength(), r.psidOffset());
      case 3 -> {
        // the first half as a nested equivalent form: the first EA bit moves into the IPv4 prefix
        if (r.eaBitLength() == 0 || r.ipv4Prefix().length() == 32) {
          yield r;
        }
        yield new MapRule(Ipv6Prefix.of(r.ipv6Prefix().address(), r.ipv6Prefix().length() + 1),
            Ipv4Prefix.of(r.ipv4Prefix().address(), r.ipv4Prefix().length() + 1), r.eaBitLength() - 1, r.psidOffset());
      }
      default -> randomRule(rnd, ipv4Block);
    };
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void diffEqualsBruteForce(long seed) {
    Random rnd = new Random(seed);
    List<MapRule> a = new ArrayList<>();
    List<MapRule> b = new ArrayList<>();
    int count = 1 + rnd.nextInt(5);
    for (int i = 0; i < count; i++) {
      MapRule r = randomRule(rnd, i);
      a.add(r);
      int what = rnd.nextInt(6);
      if (what == 0) {
        continue; // removed
      }
      b.add(what == 1 ? mutate(rnd, r, i) : r);
      if (what == 2) {
        b.add(mutate(rnd, r, i)); // the old rule kept, plus an edit that may nest inside it
      }
    }
    if (rnd.nextInt(3) == 0) {
      b.add(randomRule(rnd, 20)); // added
    }
    Domain da = domain("d", rnd, a);
    Domain db = rnd.nextInt(3) == 0 ? domain("d", rnd, b)
        : new Domain("d", da.brIpv6Address(), da.interfaceIdFormat(), da.endUserPrefixLength(), b);
    RuleSet oldSet = RuleSet.of(60, List.of(da));
    RuleSet newSet = RuleSet.of(60, List.of(db));

    // brute force
    MapCalculator co = MapCalculator.of(oldSet);
    MapCalculator cn = MapCalculator.of(newSet);
    Map<Ipv6Prefix, EnumSet<Change>> expected = new HashMap<>();
    Map<Ipv6Prefix, MapRule[]> bmrs = new HashMap<>();
    for (int i = 0; i < (1 << (G - 40)); i++) {
      Ipv6Prefix p = Ipv6Prefix.of(REGION.address().withBits(40, G - 40, i), G);
      CeParameters o = calc(co, p);
      CeParameters n = calc(cn, p);
      EnumSet<Change> e = effects(o, n);
      if (!e.isEmpty()) {
        expected.put(p, e);
        bmrs.put(p, new MapRule[] {o == null ? null : o.bmr(), n == null ? null : n.bmr()});
      }
    }

    // the diff, expanded to /G
    RuleSetDiff diff = RuleSetDiff.diff(oldSet, newSet);
    Map<Ipv6Prefix, PrefixRange> seen = new HashMap<>();
    for (RuleChange c : diff.ruleChanges()) {
      for (PrefixRange r : c.ranges()) {
        assertThat(r.exact()).as("seed %d: %s", seed, r).isTrue();
        assertThat(r.endUserPrefixLength()).isLessThanOrEqualTo(G);
        List<EnumSet<Change>> inRange = new ArrayList<>();
        long first = r.first().address().bits(40, G - 40);
        long last = r.last().address().withBits(r.endUserPrefixLength(), G - r.endUserPrefixLength(), -1L)
            .bits(40, G - 40);
        for (long x = first; x <= last; x++) {
          Ipv6Prefix p = Ipv6Prefix.of(REGION.address().withBits(40, G - 40, x), G);
          assertThat(seen.put(p, r)).as("seed %d: %s reported twice", seed, p).isNull();
          EnumSet<Change> e = expected.get(p);
          assertThat(e).as("seed %d: %s reported in %s but nothing changes", seed, p, r).isNotNull();
          assertThat(e).as("seed %d: %s in %s", seed, p, r).containsAll(r.changes());
          EnumSet<Change> allowed = EnumSet.noneOf(Change.class);
          allowed.addAll(r.changes());
          allowed.addAll(r.partialChanges());
          assertThat(allowed).as("seed %d: %s in %s", seed, p, r).containsAll(e);
          assertThat(Objects.equals(c.oldRule() == null ? null : c.oldRule().rule(), bmrs.get(p)[0])
              && Objects.equals(c.newRule() == null ? null : c.newRule().rule(), bmrs.get(p)[1]))
              .as("seed %d: %s attributed to %s => %s", seed, p, c.oldRule(), c.newRule()).isTrue();
          inRange.add(e);
        }
        for (Change partial : r.partialChanges()) {
          assertThat(inRange.stream().anyMatch(e -> e.contains(partial))).as("seed %d: %s partial %s", seed, r, partial)
              .isTrue();
          assertThat(inRange.stream().anyMatch(e -> !e.contains(partial))).as("seed %d: %s partial %s", seed, r,
              partial).isTrue();
        }
      }
    }
    assertThat(seen.keySet()).as("seed %d: changed End-user prefixes", seed).isEqualTo(expected.keySet());
    assertThat(diff.affectedEndUserPrefixes().longValueExact())
        .isEqualTo(diff.ruleChanges().stream().flatMap(c -> c.ranges().stream())
            .mapToLong(r -> r.count().longValueExact()).sum());
  }

  private static CeParameters calc(MapCalculator c, Ipv6Prefix p) {
    try {
      return c.calculate(p);
    } catch (MapruleException e) {
      return null;
    }
  }

  /** What changes for one CE, as {@link Change} defines it. */
  static EnumSet<Change> effects(CeParameters o, CeParameters n) {
    EnumSet<Change> e = EnumSet.noneOf(Change.class);
    if (o == null || n == null) {
      if (o != n) {
        e.add(o == null ? Change.ADDED : Change.REMOVED);
      }
      return e;
    }
    if (!o.ipv4Address().equals(n.ipv4Address()) || o.ipv4PrefixLength() != n.ipv4PrefixLength()) {
      e.add(Change.IPV4_ADDRESS);
    }
    if (o.psid() != n.psid() || o.psidLength() != n.psidLength()) {
      e.add(Change.PSID);
    }
    if ((o.psidLength() > 0 || n.psidLength() > 0)
        && (o.psidLength() != n.psidLength() || o.psidOffset() != n.psidOffset() || o.psid() != n.psid())) {
      e.add(Change.PORT_SET);
    }
    if (!o.ceAddress().equals(n.ceAddress()) || o.domain().interfaceIdFormat() != n.domain().interfaceIdFormat()
        || !o.domain().endUserPrefixLength().equals(n.domain().endUserPrefixLength())) {
      e.add(Change.CE_ADDRESS);
    }
    if (!Objects.equals(o.brIpv6Address(), n.brIpv6Address())) {
      e.add(Change.BR);
    }
    return e;
  }
}
