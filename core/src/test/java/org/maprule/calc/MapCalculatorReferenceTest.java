package org.maprule.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.lookup.PortOwner;
import org.maprule.lookup.ReverseLookup;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * Seeded generated rules and End-user prefixes: MapCalculator against an independent,
 * deliberately plain reference written from the RFC 7597 formulas with {@link BigInteger} bit
 * arithmetic on the whole 128-bit address (§5.2 EA bits, §5.1 / Appendix B port sets, §6 interface
 * identifier and the draft-03 layout).
 */
class MapCalculatorReferenceTest {
  private static final BigInteger ONE = BigInteger.ONE;

  /** One generated case: a valid rule (docs/domain.md §7), a domain, a prefix inside the rule. */
  record Case(long seed, MapRule rule, Domain domain, Ipv6Prefix given) {
    @Override
    public String toString() {
      return "seed " + seed + ": " + rule.ipv6Prefix() + " -> " + rule.ipv4Prefix() + " o=" + rule.eaBitLength()
          + " a=" + rule.psidOffset() + " L=" + domain.endUserPrefixLength() + " " + domain.interfaceIdFormat()
          + " given " + given;
    }
  }

  static Stream<Case> cases() {
    return IntStream.range(0, 1000).mapToObj(i -> generate(0x5EED_0000L + i));
  }

  static Case generate(long seed) {
    Random rnd = new Random(seed);
    int n;
    int o;
    int r;
    int a;
    while (true) {
      // favour the realistic region but cover the edges: n up to 128, o up to 48
      n = rnd.nextInt(4) == 0 ? rnd.nextInt(129) : 24 + rnd.nextInt(41);
      o = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(49);
      r = rnd.nextInt(6) == 0 ? 32 : rnd.nextInt(33);
      a = rnd.nextInt(16);
      int k = o - (32 - r);
      if (n + o <= 128 && k <= 16 && a + Math.max(k, 0) <= 16) {
        break;
      }
    }
    BigInteger v6 = new BigInteger(128, rnd).and(mask128(n));
    long v4 = rnd.nextLong() & 0xFFFF_FFFFL & (r == 0 ? 0 : (0xFFFF_FFFFL << (32 - r)) & 0xFFFF_FFFFL);
    MapRule rule = new MapRule(Ipv6Prefix.of(address(v6), n), Ipv4Prefix.of(Ipv4Address.of((int) v4), r), o, a);
    // End-user prefix length at least n + o; sometimes a domain End-user prefix length L
    Integer cut = rnd.nextBoolean() ? null : n + o + (rnd.nextBoolean() ? 0 : rnd.nextInt(129 - n - o));
    int min = cut == null ? n + o : cut;
    int length = rnd.nextInt(3) == 0 ? min : min + rnd.nextInt(129 - min);
    BigInteger given = v6.or(new BigInteger(128, rnd).and(mask128(length)).andNot(mask128(n)));
    InterfaceIdFormat format = rnd.nextBoolean() ? InterfaceIdFormat.RFC7597 : InterfaceIdFormat.DRAFT03;
    Domain domain = new Domain("gen", Ipv6Address.parse("2001:db8:ffff::1"), format,
        cut == null ? OptionalInt.empty() : OptionalInt.of(cut), List.of(rule));
    return new Case(seed, rule, domain, Ipv6Prefix.of(address(given), length));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesTheReference(Case c) {
    Reference ref = new Reference(c);
    MapCalculator calc = MapCalculator.of(RuleSet.of(3600, List.of(c.domain())));
    CeParameters p = calc.calculate(c.given());

    assertThat(p.prefix()).isEqualTo(c.given());
    assertThat(big(p.endUserPrefix().address())).isEqualTo(ref.endUser);
    assertThat(p.endUserPrefix().length()).isEqualTo(ref.endUserLength);
    assertThat(p.bmr()).isEqualTo(c.rule());
    assertThat(p.ipv4Address().toLong()).isEqualTo(ref.ipv4.longValueExact());
    assertThat(p.ipv4PrefixLength()).isEqualTo(ref.ipv4PrefixLength);
    assertThat(p.psid()).isEqualTo(ref.psid.intValueExact());
    assertThat(p.psidLength()).isEqualTo(ref.psidLength);
    assertThat(p.psidOffset()).isEqualTo(c.rule().psidOffset());
    assertThat(big(p.ceAddressRfc7597())).as("RFC 7597 CE address").isEqualTo(ref.ceRfc7597);
    assertThat(big(p.ceAddressDraft03())).as("draft-03 CE address").isEqualTo(ref.ceDraft03);
    assertThat(p.ceAddress()).isEqualTo(
        c.domain().interfaceIdFormat() == InterfaceIdFormat.DRAFT03 ? p.ceAddressDraft03() : p.ceAddressRfc7597());
    assertThat(p.portSet().isUnrestricted()).isEqualTo(ref.psidLength == 0);
    assertThat(p.portSet().portCount()).isEqualTo(ref.portCount());
    assertThat(p.portSet().ranges()).isEqualTo(ref.ranges());

    // reverse look-up (org.maprule.lookup) from the CE's address and one of its ports finds the
    // same CE: the round trip over these generated rules, checked where the forward answer is
    int port = ref.somePort(new Random(c.seed()));
    if (port > 0) {
      PortOwner back = ReverseLookup.of(calc.ruleSet()).lookup(p.ipv4Address(), port);
      assertThat(back.endUserPrefix())
          .isEqualTo(Ipv6Prefix.containing(p.endUserPrefix().address(), c.rule().endUserPrefixLength()));
      assertThat(back.ce().ipv4Address()).isEqualTo(p.ipv4Address());
      assertThat(back.psid()).isEqualTo(p.psid());
    }
  }

  /** The RFC formulas, on BigInteger, with no shortcut shared with the code under test. */
  static final class Reference {
    final BigInteger endUser;
    final int endUserLength;
    final BigInteger ipv4;
    final int ipv4PrefixLength;
    final BigInteger psid;
    final int psidLength;
    final BigInteger ceRfc7597;
    final BigInteger ceDraft03;
    final int a;

    Reference(Case c) {
      MapRule rule = c.rule();
      int n = rule.ipv6Prefix().length();
      int o = rule.eaBitLength();
      int r = rule.ipv4Prefix().length();
      a = rule.psidOffset();
      BigInteger given = big(c.given().address());
      OptionalInt cut = c.domain().endUserPrefixLength();
      endUserLength = cut.isPresent() && c.given().length() > cut.getAsInt() ? cut.getAsInt() : c.given().length();
      endUser = given.and(mask128(endUserLength));
      // §5.2: the o bits following the n bits of the Rule IPv6 prefix
      BigInteger ea = endUser.shiftRight(128 - n - o).and(ONE.shiftLeft(o).subtract(ONE));
      int p = 32 - r;
      int k = o - p;
      BigInteger rulePrefix4 = BigInteger.valueOf(rule.ipv4Prefix().address().toLong());
      if (k > 0) {
        psidLength = k;
        psid = ea.and(ONE.shiftLeft(k).subtract(ONE));
        ipv4 = rulePrefix4.or(ea.shiftRight(k));
        ipv4PrefixLength = 32;
      } else {
        psidLength = 0;
        psid = BigInteger.ZERO;
        ipv4 = rulePrefix4.or(ea.shiftLeft(p - o));
        ipv4PrefixLength = r + o;
      }
      // §6: interface id 16 zero bits | IPv4 (32) | PSID (16); draft-03: 8 | 32 | 16 | 8
      BigInteger iidRfc = ipv4.shiftLeft(16).or(psid);
      BigInteger iidDraft = ipv4.shiftLeft(24).or(psid.shiftLeft(8));
      // the prefix's own bits win over the top of the interface id when it is longer than 64
      BigInteger hostMask = ONE.shiftLeft(Math.min(64, 128 - endUserLength)).subtract(ONE);
      ceRfc7597 = endUser.or(iidRfc.and(hostMask));
      ceDraft03 = endUser.or(iidDraft.and(hostMask));
    }

    int portCount() {
      if (psidLength == 0) {
        return 65535;
      }
      return ranges().stream().mapToInt(PortRange::size).sum();
    }

    /** Appendix B: P = R·M·i + M·K + j, i over A (1..2^a-1, or 0 when a = 0), never port 0. */
    List<PortRange> ranges() {
      List<PortRange> out = new ArrayList<>();
      if (psidLength == 0) {
        return out;
      }
      int m = 16 - a - psidLength;
      long rr = 1L << psidLength;
      long mm = 1L << m;
      for (long i = a == 0 ? 0 : 1; i < 1L << a; i++) {
        long first = rr * mm * i + mm * psid.longValueExact();
        long last = first + mm - 1;
        first = Math.max(first, 1);
        if (first <= last) {
          out.add(new PortRange((int) first, (int) last));
        }
      }
      return out;
    }

    /** A port of the set (any of 1..65535 when unrestricted), or 0 when the set is empty. */
    int somePort(Random rnd) {
      if (psidLength == 0) {
        return 1 + rnd.nextInt(65535);
      }
      List<PortRange> r = ranges();
      if (r.isEmpty()) {
        return 0;
      }
      PortRange pr = r.get(rnd.nextInt(r.size()));
      return pr.first() + rnd.nextInt(pr.size());
    }
  }

  static BigInteger mask128(int length) {
    return ONE.shiftLeft(128).subtract(ONE).xor(ONE.shiftLeft(128 - length).subtract(ONE));
  }

  static BigInteger big(Ipv6Address a) {
    return new BigInteger(1, a.toBytes());
  }

  static Ipv6Address address(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] b = new byte[16];
    int copy = Math.min(16, raw.length);
    System.arraycopy(raw, raw.length - copy, b, 16 - copy, copy);
    return Ipv6Address.fromBytes(b);
  }
}
