package org.maprule.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * Seeded generated rule sets: random valid, disjoint sets validate with no violation but the one
 * {@code RFC7597_DOMAIN_NOT_ON_OCN_JPNE} warning per RFC 7597-layout domain (layouts are drawn at
 * random); one random mutation of such a set gives exactly one more violation, with the expected
 * code and field.
 *
 * <p>Generation: each rule owns one of the 256 /40 slots of 2001:db8::/32 and one /24 slot of
 * 10.0.0.0/8 (distinct slots, so nothing overlaps); within its slots it takes n in 40..44 and r in
 * 24..28; each domain has one n + o (52..64), so o = (n + o) - n and k = o - (32 - r) must land in
 * 0..16 - a with a in 1..8. BRs lie in 2001:db9::/32, outside every rule.
 */
class ValidatorGeneratedTest {
  private static final int SEEDS = 200;

  /** A generated set and the random source that continues from it. */
  record Generated(RuleSet set, Random random) {}

  static Generated generate(long seed) {
    Random rnd = new Random(seed);
    int domainCount = 1 + rnd.nextInt(4);
    List<Integer> v6Slots = shuffled(rnd, 256);
    List<Integer> v4Slots = shuffled(rnd, 1 << 16);
    Ipv6Address base6 = Ipv6Address.parse("2001:db8::");
    List<Domain> domains = new ArrayList<>();
    int used = 0;
    for (int d = 0; d < domainCount; d++) {
      int endUser = 52 + rnd.nextInt(13);
      int ruleCount = 1 + rnd.nextInt(40);
      List<MapRule> rules = new ArrayList<>();
      for (int i = 0; i < ruleCount; i++) {
        int v6 = v6Slots.get(used);
        int v4 = v4Slots.get(used);
        used++;
        MapRule rule;
        while (true) {
          int n = 40 + rnd.nextInt(5);
          int r = 24 + rnd.nextInt(5);
          int a = 1 + rnd.nextInt(8);
          int o = endUser - n;
          int k = o - (32 - r);
          if (k < 0 || a + k > 16) {
            continue;
          }
          Ipv6Address addr6 = base6.withBits(32, 8, v6).withBits(40, n - 40, rnd.nextInt(1 << (n - 40)));
          int addr4 = (10 << 24) | (v4 << 8) | (rnd.nextInt(1 << (r - 24)) << (32 - r));
          rule = new MapRule(Ipv6Prefix.of(addr6, n), Ipv4Prefix.of(Ipv4Address.of(addr4), r), o, a);
          break;
        }
        rules.add(rule);
      }
      OptionalInt eupl = rnd.nextBoolean() ? OptionalInt.of(endUser + rnd.nextInt(3)) : OptionalInt.empty();
      domains.add(new Domain("d" + d, Ipv6Address.parse("2001:db9:" + Integer.toHexString(d) + "::1"),
          rnd.nextBoolean() ? InterfaceIdFormat.RFC7597 : InterfaceIdFormat.DRAFT03, eupl, rules));
    }
    return new Generated(RuleSet.of(1 + rnd.nextInt(604800), domains), rnd);
  }

  private static List<Integer> shuffled(Random rnd, int size) {
    // a partial Fisher-Yates over 0..size-1 is enough: at most 160 slots are used
    int[] a = IntStream.range(0, size).toArray();
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      int j = i + rnd.nextInt(size - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
      out.add(a[i]);
    }
    return out;
  }

  static Stream<Long> seeds() {
    return IntStream.range(0, SEEDS).mapToObj(i -> (long) i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedSetsAreClean(long seed) {
    RuleSet set = generate(seed).set();
    assertThat(TestRules.withoutLayoutWarnings(set, Validator.validate(set))).as("seed " + seed)
        .isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void oneMutationGivesExactlyItsCode(long seed) {
    Generated g = generate(seed);
    Mutation m = Mutation.apply(g.set(), g.random());
    ValidationReport report = Validator.validate(m.set());
    assertThat(TestRules.withoutLayoutWarnings(m.set(), report))
        .as("seed %d, mutation %s", seed, m.description())
        .singleElement()
        .satisfies(v -> {
          assertThat(v.code()).isEqualTo(m.code());
          assertThat(v.field()).isEqualTo(m.field());
        });
  }

  /** A mutated set with the one violation it must produce. */
  record Mutation(RuleSet set, ErrorCode code, String field, String description) {

    static Mutation apply(RuleSet set, Random rnd) {
      List<Domain> domains = new ArrayList<>(set.domains());
      while (true) {
        int d = rnd.nextInt(domains.size());
        Domain domain = domains.get(d);
        int i = rnd.nextInt(domain.rules().size());
        MapRule rule = domain.rules().get(i);
        String path = "domains[" + d + "].rules[" + i + "]";
        int n = rule.ipv6Prefix().length();
        int r = rule.ipv4Prefix().length();
        int o = rule.eaBitLength();
        int k = rule.psidLength();
        switch (rnd.nextInt(15)) {
          case 0 -> {
            // shift the IPv6 prefix onto another rule's (keeping its length)
            int[] other = otherRule(domains, d, i, rnd);
            if (other == null) {
              continue;
            }
            Ipv6Prefix target = domains.get(other[0]).rules().get(other[1]).ipv6Prefix();
            Ipv6Prefix moved = Ipv6Prefix.containing(target.address(), n);
            String later = laterPath(d, i, other[0], other[1]);
            return of(set, domains, d, i, new MapRule(moved, rule.ipv4Prefix(), o, rule.psidOffset()),
                ErrorCode.IPV6_RULE_OVERLAP, later + ".ipv6Prefix", "ipv6 onto " + target);
          }
          case 1 -> {
            int[] other = otherRule(domains, d, i, rnd);
            if (other == null) {
              continue;
            }
            Ipv4Prefix target = domains.get(other[0]).rules().get(other[1]).ipv4Prefix();
            Ipv4Prefix moved = Ipv4Prefix.containing(target.address(), r);
            String later = laterPath(d, i, other[0], other[1]);
            return of(set, domains, d, i, new MapRule(rule.ipv6Prefix(), moved, o, rule.psidOffset()),
                ErrorCode.IPV4_RULE_OVERLAP, later + ".ipv4Prefix", "ipv4 onto " + target);
          }
          case 2 -> {
            int bad = rnd.nextBoolean() ? 49 + rnd.nextInt(200) : -1 - rnd.nextInt(200);
            return of(set, domains, d, i, new MapRule(rule.ipv6Prefix(), rule.ipv4Prefix(), bad,
                rule.psidOffset()), ErrorCode.EA_BITS_OUT_OF_RANGE, path + ".eaBitLength", "o " + bad);
          }
          case 3 -> {
            int bad = rnd.nextBoolean() ? 16 + rnd.nextInt(100) : -1 - rnd.nextInt(100);
            return of(set, domains, d, i, new MapRule(rule.ipv6Prefix(), rule.ipv4Prefix(), o, bad),
                ErrorCode.PSID_OFFSET_OUT_OF_RANGE, path + ".psidOffset", "a " + bad);
          }
          case 4 -> {
            if (k < 2) {
              continue;
            }
            int a = 17 - k + rnd.nextInt(k - 1);
            return of(set, domains, d, i, new MapRule(rule.ipv6Prefix(), rule.ipv4Prefix(), o, a),
                ErrorCode.PSID_EXCEEDS_PORT_BITS, path + ".psidOffset", "a " + a + " with k " + k);
          }
          case 5 -> {
            int longer = r + 17 - k;
            if (longer > 32) {
              continue;
            }
            return of(set, domains, d, i, new MapRule(rule.ipv6Prefix(),
                Ipv4Prefix.containing(rule.ipv4Prefix().address(), longer), o, rule.psidOffset()),
                ErrorCode.PSID_LENGTH_TOO_LONG, path + ".eaBitLength", "r " + longer);
          }
          case 6 -> {
            int longer = 129 - o + rnd.nextInt(o);
            return of(set, domains, d, i, new MapRule(
                Ipv6Prefix.containing(rule.ipv6Prefix().address(), longer), rule.ipv4Prefix(), o,
                rule.psidOffset()), ErrorCode.EA_BITS_EXCEED_IPV6, path + ".eaBitLength", "n " + longer);
          }
          case 7 -> {
            int ttl = rnd.nextBoolean() ? 604801 + rnd.nextInt(1000) : -rnd.nextInt(1000);
            return new Mutation(new RuleSet(ttl, set.enablerName(), set.serviceName(), set.ispName(),
                set.domains()), ErrorCode.TTL_OUT_OF_RANGE, "ttl", "ttl " + ttl);
          }
          case 8 -> {
            Ipv6Address br = rule.ipv6Prefix().address().withBits(127, 1, 1);
            return domain(set, domains, d, new Domain(domain.name(), br, domain.interfaceIdFormat(),
                domain.endUserPrefixLength(), domain.rules()), ErrorCode.BR_INSIDE_RULE_PREFIX,
                "domains[" + d + "].brIpv6Address", "BR " + br);
          }
          case 9 -> {
            String bad = rnd.nextBoolean() ? "fe80::1" : "fd00:" + Integer.toHexString(rnd.nextInt(65536)) + "::1";
            return domain(set, domains, d, new Domain(domain.name(), Ipv6Address.parse(bad),
                domain.interfaceIdFormat(), domain.endUserPrefixLength(), domain.rules()),
                ErrorCode.BR_NOT_GLOBAL_UNICAST, "domains[" + d + "].brIpv6Address", "BR " + bad);
          }
          case 10 -> {
            return domain(set, domains, d, new Domain(domain.name(), null, domain.interfaceIdFormat(),
                domain.endUserPrefixLength(), domain.rules()), ErrorCode.BR_MISSING,
                "domains[" + d + "].brIpv6Address", "no BR");
          }
          case 11 -> {
            if (domains.size() < 2) {
              continue;
            }
            int later = 1 + rnd.nextInt(domains.size() - 1);
            int earlier = rnd.nextInt(later);
            Domain l = domains.get(later);
            return domain(set, domains, later, new Domain(domains.get(earlier).name(), l.brIpv6Address(),
                l.interfaceIdFormat(), l.endUserPrefixLength(), l.rules()),
                ErrorCode.DUPLICATE_DOMAIN_NAME, "domains[" + later + "].name", "name of " + earlier);
          }
          case 12 -> {
            String bad = List.of("", "a b", "x".repeat(65), "é", "a/b", "a:b").get(rnd.nextInt(6));
            return domain(set, domains, d, new Domain(bad, domain.brIpv6Address(),
                domain.interfaceIdFormat(), domain.endUserPrefixLength(), domain.rules()),
                ErrorCode.INVALID_DOMAIN_NAME, "domains[" + d + "].name", "name '" + bad + "'");
          }
          case 13 -> {
            int eupl = rnd.nextBoolean() ? n + o - 1 - rnd.nextInt(n + o - 1) : 129 + rnd.nextInt(10);
            return domain(set, domains, d, new Domain(domain.name(), domain.brIpv6Address(),
                domain.interfaceIdFormat(), OptionalInt.of(eupl), domain.rules()),
                ErrorCode.END_USER_PREFIX_LENGTH_INVALID, "domains[" + d + "].endUserPrefixLength",
                "End-user prefix length " + eupl);
          }
          default -> {
            return domain(set, domains, d, TestRules.withRules(domain, List.of()),
                ErrorCode.NO_RULES, "domains[" + d + "].rules", "no rules");
          }
        }
      }
    }

    private static int[] otherRule(List<Domain> domains, int d, int i, Random rnd) {
      int total = domains.stream().mapToInt(x -> x.rules().size()).sum();
      if (total < 2) {
        return null;
      }
      while (true) {
        int od = rnd.nextInt(domains.size());
        int oi = rnd.nextInt(domains.get(od).rules().size());
        if (od != d || oi != i) {
          return new int[] {od, oi};
        }
      }
    }

    private static String laterPath(int d1, int i1, int d2, int i2) {
      boolean firstIsLater = d1 > d2 || (d1 == d2 && i1 > i2);
      return firstIsLater ? "domains[" + d1 + "].rules[" + i1 + "]" : "domains[" + d2 + "].rules[" + i2 + "]";
    }

    private static Mutation of(RuleSet set, List<Domain> domains, int d, int i, MapRule rule,
        ErrorCode code, String field, String description) {
      List<MapRule> rules = new ArrayList<>(domains.get(d).rules());
      rules.set(i, rule);
      return domain(set, domains, d, TestRules.withRules(domains.get(d), rules), code, field,
          description + " at domains[" + d + "].rules[" + i + "]");
    }

    private static Mutation domain(RuleSet set, List<Domain> domains, int d, Domain domain,
        ErrorCode code, String field, String description) {
      List<Domain> out = new ArrayList<>(domains);
      out.set(d, domain);
      return new Mutation(new RuleSet(set.ttl(), set.enablerName(), set.serviceName(), set.ispName(), out),
          code, field, description);
    }
  }
}
