package org.maprule.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.calc.PortRange;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

class ReverseLookupTest {
  static final MapRule RFC_EX1 = rule("2001:db8::/40", "192.0.2.0/24", 16, 6);
  static final Domain RFC = new Domain("example-rfc7597", Ipv6Address.parse("2001:db8:ffff::1"),
      InterfaceIdFormat.RFC7597, OptionalInt.empty(), List.of(RFC_EX1));
  static final Domain DRAFT = new Domain("example-draft03", Ipv6Address.parse("2001:db8:ffff::2"),
      InterfaceIdFormat.DRAFT03, OptionalInt.of(56), List.of(
          rule("2001:db8:100::/40", "198.51.100.0/24", 16, 4),
          rule("2001:db8:200::/40", "203.0.113.0/24", 16, 4)));
  static final RuleSet EXAMPLE = RuleSet.of(86400, List.of(RFC, DRAFT));

  static MapRule rule(String v6, String v4, int o, int a) {
    return new MapRule(Ipv6Prefix.parse(v6), Ipv4Prefix.parse(v4), o, a);
  }

  @Test
  void rfc7597Example1Inverted() {
    // RFC 7597 Appendix A example 1: 2001:db8:12:3400::/56 -> 192.0.2.18 PSID 0x34, ports 1232-1235 …
    PortOwner o = ReverseLookup.of(EXAMPLE).lookup(Ipv4Address.parse("192.0.2.18"), 1232);
    assertThat(o.domain()).isEqualTo(RFC);
    assertThat(o.rule()).isEqualTo(RFC_EX1);
    assertThat(o.psid()).isEqualTo(0x34);
    assertThat(o.psidLength()).isEqualTo(8);
    assertThat(o.endUserPrefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:12:3400::/56"));
    assertThat(o.ceIpv4Prefix()).isEqualTo(Ipv4Prefix.parse("192.0.2.18/32"));
    assertThat(o.ceAddress()).isEqualTo(Ipv6Address.parse("2001:db8:12:3400:0:c000:212:34"));
    assertThat(o.ceAddressRfc7597()).isEqualTo(Ipv6Address.parse("2001:db8:12:3400:0:c000:212:34"));
    assertThat(o.ceAddressDraft03()).isEqualTo(Ipv6Address.parse("2001:db8:12:3400:c0:2:1200:3400"));
    assertThat(o.ce().brIpv6Address()).isEqualTo(Ipv6Address.parse("2001:db8:ffff::1"));
    // the last port of the set, and a neighbour port that belongs to PSID 0x33
    assertThat(ReverseLookup.of(EXAMPLE).lookup(Ipv4Address.parse("192.0.2.18"), 64723).psid()).isEqualTo(0x34);
    assertThat(ReverseLookup.of(EXAMPLE).lookup(Ipv4Address.parse("192.0.2.18"), 1231).endUserPrefix())
        .isEqualTo(Ipv6Prefix.parse("2001:db8:12:3300::/56"));
  }

  /**
   * RFC 7597 Appendix A example 2, the BR's direction: a packet to 192.0.2.18 port 1232 gives IPv4
   * suffix 0x12 and PSID 0x34, so the CE is 2001:db8:0012:3400:0000:c000:0212:0034. Every port of
   * that CE's set (here the last of each of its 63 ranges) maps back to it; the next port, 1236,
   * is PSID 0x35's.
   */
  @Test
  void rfc7597Example2EveryRangeOfTheSetMapsBack() {
    ReverseLookup l = ReverseLookup.of(EXAMPLE);
    PortOwner o = l.lookup(Ipv4Address.parse("192.0.2.18"), 1232);
    assertThat(o.ceAddress()).isEqualTo(Ipv6Address.parse("2001:db8:0012:3400:0000:c000:0212:0034"));
    assertThat(o.ce().portSet().ranges()).hasSize(63);
    for (PortRange r : o.ce().portSet().ranges()) {
      assertThat(l.lookup(Ipv4Address.parse("192.0.2.18"), r.first()).endUserPrefix())
          .isEqualTo(Ipv6Prefix.parse("2001:db8:12:3400::/56"));
      assertThat(l.lookup(Ipv4Address.parse("192.0.2.18"), r.last()).endUserPrefix())
          .isEqualTo(Ipv6Prefix.parse("2001:db8:12:3400::/56"));
    }
    assertThat(l.lookup(Ipv4Address.parse("192.0.2.18"), 1236).endUserPrefix())
        .isEqualTo(Ipv6Prefix.parse("2001:db8:12:3500::/56"));
  }

  /**
   * The JPNE prefix worked by hand in the calculator's tests, backwards: 106.72.175.18 port 4930
   * (A = 1, PSID (4930 >> 4) & 0xff = 0x34) is rule 240b:10::/32 → 106.72.0.0/16 (o = 24, a = 4)
   * with EA bits 0xaf12 ++ 0x34, End-user prefix 240b:10:af12:3400::/56.
   */
  @Test
  void jpneByHand() {
    JpRules.assumePresent();
    PortOwner o = ReverseLookup.of(JpRules.ruleSet("JPNE")).lookup(Ipv4Address.parse("106.72.175.18"), 4930);
    assertThat(o.psid()).isEqualTo(0x34);
    assertThat(o.endUserPrefix()).isEqualTo(Ipv6Prefix.parse("240b:10:af12:3400::/56"));
    assertThat(o.ceAddress().toString()).isEqualTo("240b:10:af12:3400:6a:48af:1200:3400");
  }

  @Test
  void draft03DomainGivesTheLegacyCeAddress() {
    PortOwner o = ReverseLookup.of(EXAMPLE).lookup(Ipv4Address.parse("203.0.113.18"), 4096 + 0x34 * 16);
    assertThat(o.domain().name()).isEqualTo("example-draft03");
    assertThat(o.psid()).isEqualTo(0x34);
    assertThat(o.endUserPrefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:212:3400::/56"));
    assertThat(o.ceAddress()).isEqualTo(o.ceAddressDraft03());
    assertThat(o.ceAddressDraft03()).isEqualTo(Ipv6Address.parse("2001:db8:212:3400:cb:71:1200:3400"));
  }

  @Test
  void withoutAPortEveryPsidOfTheAddress() {
    AddressOwners all = ReverseLookup.of(EXAMPLE).lookup(Ipv4Address.parse("192.0.2.18"));
    assertThat(all.count()).isEqualTo(256);
    assertThat(all.psidLength()).isEqualTo(8);
    assertThat(all.first()).isEqualTo(Ipv6Prefix.parse("2001:db8:12::/56"));
    assertThat(all.last()).isEqualTo(Ipv6Prefix.parse("2001:db8:12:ff00::/56"));
    assertThat(all.block()).isEqualTo(Ipv6Prefix.parse("2001:db8:12::/48"));
    assertThat(all.ceIpv4Prefix()).isEqualTo(Ipv4Prefix.parse("192.0.2.18/32"));
  }

  // ---- errors ----

  @Test
  void portOutsideSixteenBitsIsInvalid() {
    ReverseLookup l = ReverseLookup.of(EXAMPLE);
    for (int port : new int[] {-1, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertError(() -> l.lookup(Ipv4Address.parse("192.0.2.18"), port), ErrorCode.INVALID_VALUE, "port",
          String.valueOf(port));
    }
  }

  @Test
  void addressOutsideEveryRuleHasNoOwner() {
    ReverseLookup l = ReverseLookup.of(EXAMPLE);
    for (String a : new String[] {"0.0.0.0", "192.0.1.255", "192.0.3.0", "198.51.99.255", "255.255.255.255"}) {
      assertError(() -> l.lookup(Ipv4Address.parse(a), 5000), ErrorCode.NO_OWNER, "ipv4", a);
      assertError(() -> l.lookup(Ipv4Address.parse(a)), ErrorCode.NO_OWNER, "ipv4", a);
    }
  }

  @Test
  void excludedPortsHaveNoOwnerAndSaySo() {
    ReverseLookup l = ReverseLookup.of(EXAMPLE);
    // a = 6: ports 0..1023 are A = 0; a = 4: ports 0..4095
    for (int port : new int[] {0, 1, 80, 1023}) {
      assertThatThrownBy(() -> l.lookup(Ipv4Address.parse("192.0.2.18"), port))
          .isInstanceOfSatisfying(MapruleException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_OWNER);
            assertThat(e.field()).isEqualTo("port");
            assertThat(e.getMessage()).contains("excluded range");
          });
    }
    assertThat(l.lookup(Ipv4Address.parse("192.0.2.18"), 1024).psid()).isZero();
    assertError(() -> l.lookup(Ipv4Address.parse("198.51.100.7"), 4095), ErrorCode.NO_OWNER, "port", "4095");
    assertThat(l.lookup(Ipv4Address.parse("198.51.100.7"), 4096).psid()).isZero();
  }

  /** Every port of one address, exhaustively: excluded below 2^(16-a), else in its owner's set. */
  @Test
  void everyPortOfOneSharedAddress() {
    ReverseLookup l = ReverseLookup.of(EXAMPLE);
    Ipv4Address a = Ipv4Address.parse("198.51.100.200");
    int[] perPsid = new int[256];
    for (int port = 0; port <= 65535; port++) {
      if (port < 4096) {
        int p = port;
        assertThatThrownBy(() -> l.lookup(a, p)).isInstanceOf(MapruleException.class);
        continue;
      }
      PortOwner o = l.lookup(a, port);
      assertThat(o.ce().portSet().contains(port)).isTrue();
      assertThat(o.endUserPrefix().address().bits(40, 16)).isEqualTo((200L << 8) | o.psid());
      perPsid[o.psid()]++;
    }
    assertThat(perPsid).containsOnly(240); // 15 ranges of 16 ports, a = 4, k = 8
  }

  // ---- unrestricted and prefix-per-CE rules ----

  @Test
  void wholeAddressAndPrefixPerCeRules() {
    Domain d = new Domain("mixed", Ipv6Address.parse("2001:db8:ffff::9"), InterfaceIdFormat.RFC7597,
        OptionalInt.empty(), List.of(
            rule("2001:db8:1000::/40", "198.51.100.0/24", 8, 6), // o + r = 32: one address per CE
            rule("2001:db8:2000::/40", "203.0.113.0/24", 4, 6), // o + r = 28: a /28 per CE
            rule("2001:db8:3000::/48", "192.0.2.77/32", 0, 6))); // 1:1
    ReverseLookup l = ReverseLookup.of(RuleSet.of(60, List.of(d)));

    PortOwner whole = l.lookup(Ipv4Address.parse("198.51.100.9"), 80);
    assertThat(whole.psidLength()).isZero();
    assertThat(whole.endUserPrefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:1009::/48"));
    assertThat(whole.ceIpv4Prefix()).isEqualTo(Ipv4Prefix.parse("198.51.100.9/32"));

    PortOwner pfx = l.lookup(Ipv4Address.parse("203.0.113.45"), 1);
    assertThat(pfx.endUserPrefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:2020::/44"));
    assertThat(pfx.ceIpv4Prefix()).isEqualTo(Ipv4Prefix.parse("203.0.113.32/28"));
    assertThat(pfx.ce().ipv4Address()).isEqualTo(Ipv4Address.parse("203.0.113.32"));

    PortOwner one = l.lookup(Ipv4Address.parse("192.0.2.77"), 65535);
    assertThat(one.endUserPrefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:3000::/48"));

    AddressOwners owners = l.lookup(Ipv4Address.parse("203.0.113.45"));
    assertThat(owners.count()).isEqualTo(1);
    assertThat(owners.first()).isEqualTo(owners.last()).isEqualTo(owners.block())
        .isEqualTo(Ipv6Prefix.parse("2001:db8:2020::/44"));
    assertThat(owners.ceIpv4Prefix()).isEqualTo(Ipv4Prefix.parse("203.0.113.32/28"));
    assertError(() -> l.lookup(Ipv4Address.parse("198.51.100.9"), 0), ErrorCode.NO_OWNER, "port", "0");
  }

  /** Nested equivalent forms: the longest Rule IPv4 prefix wins, and its parent still answers around it. */
  @Test
  void longestIpv4MatchWithNestedRules() {
    MapRule inner = rule("2001:db8:12::/48", "192.0.2.18/32", 8, 6); // equivalent to RFC_EX1 for .18
    Domain d = new Domain("nested", RFC.brIpv6Address(), InterfaceIdFormat.RFC7597, OptionalInt.empty(),
        List.of(RFC_EX1, inner));
    ReverseLookup l = ReverseLookup.of(RuleSet.of(60, List.of(d)));
    assertThat(l.lookup(Ipv4Address.parse("192.0.2.18"), 1232).rule()).isEqualTo(inner);
    assertThat(l.lookup(Ipv4Address.parse("192.0.2.18"), 1232).endUserPrefix())
        .isEqualTo(Ipv6Prefix.parse("2001:db8:12:3400::/56"));
    assertThat(l.lookup(Ipv4Address.parse("192.0.2.19"), 1232).rule()).isEqualTo(RFC_EX1);
    assertThat(l.lookup(Ipv4Address.parse("192.0.2.17"), 1232).rule()).isEqualTo(RFC_EX1);
    assertThat(l.lookup(Ipv4Address.parse("192.0.2.255"), 1232).rule()).isEqualTo(RFC_EX1);
  }

  // ---- seeded round trips: End-user prefix -> (IPv4, port) -> the same End-user prefix ----

  static Stream<Arguments> seeds() {
    return IntStream.range(0, 60).mapToObj(i -> arguments(7000L + i));
  }

  /** A valid rule set of disjoint rules: /40 IPv6 blocks, disjoint IPv4 blocks, any o, a, k. */
  static RuleSet randomRuleSet(Random rnd) {
    List<MapRule> rules = new ArrayList<>();
    int count = 1 + rnd.nextInt(12);
    for (int i = 0; i < count; i++) {
      int r = 16 + rnd.nextInt(17); // 16..32
      int k = rnd.nextInt(4) == 0 ? -rnd.nextInt(4) : rnd.nextInt(9); // -3..8
      int o = Math.max(0, 32 - r + k);
      int a = rnd.nextInt(16 - Math.max(k, 0) + 1 > 16 ? 16 : 16 - Math.max(k, 0));
      Ipv6Address v6 = Ipv6Address.parse("2001:db8::").withBits(32, 8, i);
      int v4 = (10 << 24) | (i << 16) | (rnd.nextInt(1 << 16) & (r >= 16 ? -1 << (32 - r) : 0) & 0xFFFF);
      rules.add(new MapRule(Ipv6Prefix.of(v6, 40), Ipv4Prefix.containing(Ipv4Address.of(v4), r), o, a));
    }
    return RuleSet.of(60, List.of(new Domain("gen", Ipv6Address.parse("2001:db8:ffff::1"),
        rnd.nextBoolean() ? InterfaceIdFormat.RFC7597 : InterfaceIdFormat.DRAFT03, OptionalInt.empty(), rules)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void forwardThenReverseGivesTheSameEndUserPrefix(long seed) {
    Random rnd = new Random(seed);
    RuleSet rs = randomRuleSet(rnd);
    roundTrips(rs, rnd, 200);
  }

  @Test
  void everyPublishedJpTableRoundTrips() {
    Random rnd = new Random(42);
    for (String provider : JpRules.providers()) {
      roundTrips(JpRules.ruleSet(provider), rnd, 2000);
    }
  }

  private static void roundTrips(RuleSet rs, Random rnd, int samples) {
    MapCalculator calc = MapCalculator.of(rs);
    ReverseLookup l = ReverseLookup.of(rs);
    List<MapRule> all = rs.domains().stream().flatMap(d -> d.rules().stream()).toList();
    for (int i = 0; i < samples; i++) {
      MapRule r = all.get(rnd.nextInt(all.size()));
      int n = r.ipv6Prefix().length();
      int o = r.eaBitLength();
      long ea = o == 0 ? 0 : rnd.nextLong() & (o == 64 ? -1L : (1L << o) - 1);
      Ipv6Prefix eu = Ipv6Prefix.of(r.ipv6Prefix().address().withBits(n, o, ea), n + o);
      CeParameters ce = calc.calculate(eu);
      int port;
      if (ce.portSet().isUnrestricted()) {
        port = 1 + rnd.nextInt(65535);
      } else {
        List<PortRange> ranges = ce.portSet().ranges();
        PortRange pr = ranges.get(rnd.nextInt(ranges.size()));
        port = pr.first() + rnd.nextInt(pr.size());
      }
      PortOwner o1 = l.lookup(ce.ipv4Address(), port);
      assertThat(o1.endUserPrefix()).as("%s port %d in %s", ce.ipv4Address(), port, r).isEqualTo(eu);
      assertThat(o1.ceAddress()).isEqualTo(ce.ceAddress());
      AddressOwners all4 = l.lookup(ce.ipv4Address());
      assertThat(all4.block().contains(eu)).isTrue();
      assertThat(all4.count()).isEqualTo(1L << Math.max(r.psidLength(), 0));
    }
  }

  static void assertError(Runnable r, ErrorCode code, String field, String value) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(MapruleException.class, e -> {
      assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.value()).isEqualTo(value);
    });
  }
}
