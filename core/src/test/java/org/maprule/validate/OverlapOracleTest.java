package org.maprule.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
 * The sort-and-sweep overlap checks against a brute-force oracle: every pair of rules compared
 * directly, and "nested equivalent" decided by computing both rules' IPv4 address, PSID and port
 * parameters for every End-user prefix inside the longer rule (RFC 7597 §5.2), not by the
 * validator's formula. Rule sets are generated to overlap a lot: clustered prefixes, children
 * split off other rules (often equivalent, sometimes corrupted), exact duplicates.
 */
class OverlapOracleTest {
  private static final Pattern RULE_PATH = Pattern.compile("domains\\[\\d+\\]\\.rules\\[\\d+\\]");
  private static final List<ErrorCode> PAIR_CODES = List.of(ErrorCode.IPV6_RULE_OVERLAP,
      ErrorCode.REDUNDANT_RULE, ErrorCode.IPV4_RULE_OVERLAP);

  private record Placed(int domain, int index, MapRule rule) {
    String path() {
      return "domains[" + domain + "].rules[" + index + "]";
    }
  }

  @Test
  void sweepReportsExactlyTheBruteForcePairs() {
    int redundant = 0;
    int ipv6 = 0;
    int ipv4 = 0;
    for (long seed = 0; seed < 300; seed++) {
      Random rnd = new Random(seed);
      List<List<MapRule>> byDomain = generate(rnd);
      List<Placed> placed = new ArrayList<>();
      List<Domain> domains = new ArrayList<>();
      for (int d = 0; d < byDomain.size(); d++) {
        for (int i = 0; i < byDomain.get(d).size(); i++) {
          placed.add(new Placed(d, i, byDomain.get(d).get(i)));
        }
        domains.add(new Domain("d" + d, Ipv6Address.parse("2001:db9::" + (d + 1)),
            InterfaceIdFormat.DRAFT03, OptionalInt.empty(), byDomain.get(d)));
      }
      List<String> expected = new ArrayList<>();
      for (int j = 0; j < placed.size(); j++) {
        for (int i = 0; i < j; i++) {
          Placed earlier = placed.get(i);
          Placed later = placed.get(j);
          MapRule x = earlier.rule();
          MapRule y = later.rule();
          boolean equivalent = false;
          if (x.ipv6Prefix().overlaps(y.ipv6Prefix())) {
            boolean xShorter = x.ipv6Prefix().length() <= y.ipv6Prefix().length();
            equivalent = earlier.domain() == later.domain()
                && (x.equals(y) || bruteEquivalent(xShorter ? x : y, xShorter ? y : x));
            expected.add((equivalent ? ErrorCode.REDUNDANT_RULE : ErrorCode.IPV6_RULE_OVERLAP)
                + " " + later.path() + ".ipv6Prefix " + earlier.path());
          }
          if (x.ipv4Prefix().overlaps(y.ipv4Prefix()) && !equivalent) {
            expected.add(ErrorCode.IPV4_RULE_OVERLAP + " " + later.path() + ".ipv4Prefix " + earlier.path());
          }
        }
      }
      List<String> actual = new ArrayList<>();
      for (Violation v : Validator.validate(RuleSet.of(3600, domains)).violations()) {
        if (PAIR_CODES.contains(v.code())) {
          Matcher m = RULE_PATH.matcher(v.message());
          assertThat(m.find() && m.find()).as("message names the earlier rule: " + v.message()).isTrue();
          actual.add(v.code() + " " + v.field() + " " + m.group());
        }
      }
      assertThat(actual).as("seed " + seed).containsExactlyInAnyOrderElementsOf(expected);
      redundant += (int) expected.stream().filter(e -> e.startsWith("REDUNDANT")).count();
      ipv6 += (int) expected.stream().filter(e -> e.startsWith("IPV6")).count();
      ipv4 += (int) expected.stream().filter(e -> e.startsWith("IPV4")).count();
    }
    // the generator must exercise every outcome, or this test proves nothing
    assertThat(redundant).isGreaterThan(100);
    assertThat(ipv6).isGreaterThan(100);
    assertThat(ipv4).isGreaterThan(100);
  }

  /** 1..3 domains of rules in 2001:db8::/32 and 10.0.0.0/16 with n + o mostly 44. */
  private static List<List<MapRule>> generate(Random rnd) {
    int domainCount = 1 + rnd.nextInt(3);
    List<List<MapRule>> byDomain = new ArrayList<>();
    for (int d = 0; d < domainCount; d++) {
      byDomain.add(new ArrayList<>());
    }
    Ipv6Address base6 = Ipv6Address.parse("2001:db8::");
    int count = 2 + rnd.nextInt(24);
    List<MapRule> all = new ArrayList<>();
    List<Integer> domainOf = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      int choice = all.isEmpty() ? 0 : rnd.nextInt(10);
      MapRule rule;
      int domain;
      if (choice < 5) {
        int n = 34 + rnd.nextInt(7);
        int o = 44 - n;
        int k = rnd.nextInt(Math.min(3, o) + 1);
        int r = 32 - o + k;
        long bits6 = rnd.nextBoolean() ? rnd.nextInt(1 << (n - 32))
            : (long) rnd.nextInt(4) << (n - 34);
        int bits4 = r == 16 ? 0 : rnd.nextInt(1 << (r - 16));
        rule = new MapRule(Ipv6Prefix.of(base6.withBits(32, n - 32, bits6), n),
            Ipv4Prefix.of(Ipv4Address.of((10 << 24) | (bits4 << (32 - r))), r), o,
            rnd.nextBoolean() ? 4 : 6);
        domain = rnd.nextInt(domainCount);
      } else if (choice == 9) {
        int p = rnd.nextInt(all.size());
        rule = all.get(p);
        domain = rnd.nextInt(4) == 0 ? rnd.nextInt(domainCount) : domainOf.get(p);
      } else {
        int p = rnd.nextInt(all.size());
        MapRule parent = all.get(p);
        int n = parent.ipv6Prefix().length();
        int r = parent.ipv4Prefix().length();
        int maxExtra = Math.min(Math.min(32 - r, 6), 128 - n);
        if (maxExtra < 1) {
          c--;
          continue;
        }
        int extra = 1 + rnd.nextInt(maxExtra);
        int bits = rnd.nextInt(1 << extra);
        Ipv6Prefix v6 = Ipv6Prefix.of(parent.ipv6Prefix().address().withBits(n, extra, bits), n + extra);
        int v4 = parent.ipv4Prefix().address().toInt() | (bits << (32 - r - extra));
        int o = parent.eaBitLength() - extra;
        int a = parent.psidOffset();
        switch (rnd.nextInt(6)) {
          case 0 -> v4 ^= 1 << (32 - r - extra); // the other IPv4 half
          case 1 -> a = a == 4 ? 6 : 4;
          case 2 -> o += rnd.nextBoolean() ? 1 : -1;
          default -> { } // an exact nested equivalent
        }
        if (o < 0) {
          o = 0;
        }
        rule = new MapRule(v6, Ipv4Prefix.of(Ipv4Address.of(v4), r + extra), o, a);
        domain = rnd.nextInt(5) == 0 ? rnd.nextInt(domainCount) : domainOf.get(p);
      }
      all.add(rule);
      domainOf.add(domain);
      byDomain.get(domain).add(rule);
    }
    byDomain.removeIf(List::isEmpty);
    return byDomain;
  }

  /** What a CE with this End-user prefix gets from this rule (RFC 7597 §5.2, §5.1). */
  private record Result(long ipv4, int ipv4Length, long psid, int psidLength, int psidOffset) {}

  private static Result map(MapRule rule, Ipv6Address endUser) {
    int n = rule.ipv6Prefix().length();
    int o = rule.eaBitLength();
    int r = rule.ipv4Prefix().length();
    long ea = endUser.bits(n, o);
    long prefix4 = rule.ipv4Prefix().address().toLong();
    int k = o - (32 - r);
    if (k >= 0) {
      long suffix = ea >>> k;
      return new Result(prefix4 | suffix, 32, ea & ((1L << k) - 1), k, rule.psidOffset());
    }
    return new Result(prefix4 | (ea << (32 - r - o)), r + o, 0, 0, rule.psidOffset());
  }

  /**
   * Whether every End-user prefix inside {@code longer} (of length n + o, which must be the same
   * for both) gets the same result from both rules.
   */
  private static boolean bruteEquivalent(MapRule shorter, MapRule longer) {
    int length = longer.ipv6Prefix().length() + longer.eaBitLength();
    if (shorter.ipv6Prefix().length() + shorter.eaBitLength() != length
        || shorter.ipv6Prefix().length() == longer.ipv6Prefix().length()) {
      return false;
    }
    int o2 = longer.eaBitLength();
    Ipv6Address base = longer.ipv6Prefix().address();
    for (long ea = 0; ea < (1L << o2); ea++) {
      Ipv6Address endUser = base.withBits(longer.ipv6Prefix().length(), o2, ea);
      if (!Objects.equals(map(shorter, endUser), map(longer, endUser))) {
        return false;
      }
    }
    return true;
  }
}
