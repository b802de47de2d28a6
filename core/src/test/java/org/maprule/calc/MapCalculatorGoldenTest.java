package org.maprule.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maprule.calc.Rules.calculator;
import static org.maprule.calc.Rules.domain;
import static org.maprule.calc.Rules.p6;
import static org.maprule.calc.Rules.rule;

import org.junit.jupiter.api.Test;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;

/**
 * Golden vectors of RFC 7597 Appendix A (the same numbers appear in RFC 7599 Appendix A, whose
 * examples 1, 2, 4 and 5 use the same rule and the same MAP address arithmetic), plus the
 * draft-03 layout of the same inputs (docs/domain.md §5).
 */
class MapCalculatorGoldenTest {
  /** Example 1's rule: 2001:db8::/40 → 192.0.2.0/24, o = 16, a = 6 (the RFC default). */
  private static final MapRule EXAMPLE1 = rule("2001:db8::/40", "192.0.2.0/24", 16, 6);

  @Test
  void example1BasicMappingRule() {
    Domain d = domain("rfc", InterfaceIdFormat.RFC7597, null, EXAMPLE1);
    CeParameters p = calculator(d).calculate(p6("2001:db8:0012:3400::/56"));
    assertThat(p.prefix()).isEqualTo(p6("2001:db8:12:3400::/56"));
    assertThat(p.endUserPrefix()).isEqualTo(p6("2001:db8:12:3400::/56"));
    assertThat(p.domain()).isSameAs(d);
    assertThat(p.bmr()).isEqualTo(EXAMPLE1);
    assertThat(p.ipv4Address()).isEqualTo(Ipv4Address.parse("192.0.2.18"));
    assertThat(p.ipv4PrefixLength()).isEqualTo(32);
    assertThat(p.psid()).isEqualTo(0x34);
    assertThat(p.psidLength()).isEqualTo(8);
    assertThat(p.psidOffset()).isEqualTo(6);
    assertThat(p.portSet()).isEqualTo(PortSet.of(6, 8, 0x34));
    assertThat(p.portSet().contiguousPortBits()).isEqualTo(2);
    assertThat(p.portSet().ranges()).hasSize(63);
    assertThat(p.portSet().ranges().get(0)).isEqualTo(new PortRange(1232, 1235));
    assertThat(p.portSet().ranges().get(1)).isEqualTo(new PortRange(2256, 2259));
    assertThat(p.portSet().ranges().get(61)).isEqualTo(new PortRange(63696, 63699));
    assertThat(p.portSet().ranges().get(62)).isEqualTo(new PortRange(64720, 64723));
    assertThat(p.portSet().portCount()).isEqualTo(252);
    // RFC 7597 §6 layout: 2001:db8:0012:3400:0000:c000:0212:0034
    assertThat(p.ceAddressRfc7597()).isEqualTo(Ipv6Address.parse("2001:db8:0012:3400:0000:c000:0212:0034"));
    assertThat(p.ceAddressRfc7597().toString()).isEqualTo("2001:db8:12:3400:0:c000:212:34");
    // draft-03 layout, docs/domain.md §5
    assertThat(p.ceAddressDraft03().toString()).isEqualTo("2001:db8:12:3400:c0:2:1200:3400");
    assertThat(p.ceAddress()).isEqualTo(p.ceAddressRfc7597());
    assertThat(p.brIpv6Address()).isEqualTo(Ipv6Address.parse("2001:db8:ffff::1"));
  }

  @Test
  void example1InADraft03DomainUsesTheLegacyLayout() {
    CeParameters p = calculator(domain("legacy", InterfaceIdFormat.DRAFT03, null, EXAMPLE1))
        .calculate(p6("2001:db8:12:3400::/56"));
    assertThat(p.ceAddress().toString()).isEqualTo("2001:db8:12:3400:c0:2:1200:3400");
    assertThat(p.ceAddressRfc7597().toString()).isEqualTo("2001:db8:12:3400:0:c000:212:34");
  }

  /**
   * Example 4: no EA bits, no sharing. Rule 2001:db8:0012:3400::/56 → 192.0.2.18/32, o = 0: the
   * 1:1 case, a whole address, unrestricted ports; CE 2001:db8:0012:3400:0000:c000:0212:0000.
   * (RFC 7599's copy of this example prints c000:0201 and rule 192.0.2.1/32 against an IPv4
   * address of 192.0.2.18; the RFC 7597 arithmetic gives c000:0212.)
   */
  @Test
  void example4RuleWithoutEaBits() {
    MapRule oneToOne = rule("2001:db8:0012:3400::/56", "192.0.2.18/32", 0, 6);
    CeParameters p = calculator(domain("rfc", InterfaceIdFormat.RFC7597, null, oneToOne))
        .calculate(p6("2001:db8:12:3400::/56"));
    assertThat(p.ipv4Address()).isEqualTo(Ipv4Address.parse("192.0.2.18"));
    assertThat(p.ipv4PrefixLength()).isEqualTo(32);
    assertThat(p.psid()).isZero();
    assertThat(p.psidLength()).isZero();
    assertThat(p.portSet().isUnrestricted()).isTrue();
    assertThat(p.portSet().portCount()).isEqualTo(65535);
    assertThat(p.ceAddressRfc7597()).isEqualTo(Ipv6Address.parse("2001:db8:0012:3400:0000:c000:0212:0000"));
    assertThat(p.ceAddressDraft03().toString()).isEqualTo("2001:db8:12:3400:c0:2:1200:0");
  }

  /**
   * Example 5: no EA bits but a PSID of length 8 provisioned out of band (DHCPv6): a rule cannot
   * carry that (k is derived from o and r), so the rule alone gives the whole address; the
   * provisioned port set is {@code PortSet.of(6, 8, 0x34)}, the same 63 ranges as example 1.
   */
  @Test
  void example5ProvisionedPsid() {
    MapRule noEa = rule("2001:db8:0012:3400::/56", "192.0.2.18/32", 0, 6);
    CeParameters p = calculator(domain("rfc", InterfaceIdFormat.RFC7597, null, noEa))
        .calculate(p6("2001:db8:12:3400::/56"));
    assertThat(p.psidLength()).isZero();
    PortSet provisioned = PortSet.of(6, 8, 0x34);
    assertThat(provisioned.ranges().get(0)).isEqualTo(new PortRange(1232, 1235));
    assertThat(provisioned.ranges().get(62)).isEqualTo(new PortRange(64720, 64723));
  }

  /** o + r < 32: the CE gets an IPv4 prefix r + o long; IPv4 field right-padded with zeros (§6). */
  @Test
  void ipv4PrefixPerCe() {
    // 2001:db8::/40 → 10.0.0.0/8 with o = 16: each /56 gets a /24
    MapRule r = rule("2001:db8::/40", "10.0.0.0/8", 16, 6);
    CeParameters p = calculator(domain("pfx", InterfaceIdFormat.RFC7597, null, r))
        .calculate(p6("2001:db8:12:3400::/56"));
    assertThat(p.ipv4Address()).isEqualTo(Ipv4Address.parse("10.18.52.0"));
    assertThat(p.ipv4PrefixLength()).isEqualTo(24);
    assertThat(p.psid()).isZero();
    assertThat(p.psidLength()).isZero();
    assertThat(p.psidOffset()).isEqualTo(6);
    assertThat(p.portSet().isUnrestricted()).isTrue();
    assertThat(p.ceAddressRfc7597().toString()).isEqualTo("2001:db8:12:3400:0:a12:3400:0");
    assertThat(p.ceAddressDraft03().toString()).isEqualTo("2001:db8:12:3400:a:1234::");
  }

  /** o + r = 32: a whole address, no port restriction. */
  @Test
  void wholeAddressPerCe() {
    MapRule r = rule("2001:db8::/40", "192.0.0.0/16", 16, 6);
    CeParameters p = calculator(domain("whole", InterfaceIdFormat.RFC7597, null, r))
        .calculate(p6("2001:db8:12:3400::/56"));
    assertThat(p.ipv4Address()).isEqualTo(Ipv4Address.parse("192.0.18.52"));
    assertThat(p.ipv4PrefixLength()).isEqualTo(32);
    assertThat(p.psidLength()).isZero();
    assertThat(p.portSet().isUnrestricted()).isTrue();
    assertThat(p.ceAddressRfc7597().toString()).isEqualTo("2001:db8:12:3400:0:c000:1234:0");
  }

  /** o = 0 with r < 32: the rule maps its one CE to the whole rule IPv4 prefix. */
  @Test
  void oneToOnePrefix() {
    MapRule r = rule("2001:db8:12:3400::/56", "198.51.100.0/24", 0, 6);
    CeParameters p = calculator(domain("one", InterfaceIdFormat.RFC7597, null, r))
        .calculate(p6("2001:db8:12:3400::/56"));
    assertThat(p.ipv4Address()).isEqualTo(Ipv4Address.parse("198.51.100.0"));
    assertThat(p.ipv4PrefixLength()).isEqualTo(24);
    assertThat(p.portSet().isUnrestricted()).isTrue();
  }

  /** An End-user prefix longer than 64: its bits win over the top of the interface id (§6). */
  @Test
  void endUserPrefixLongerThan64OverwritesTheInterfaceId() {
    // n = 64, o = 16 → End-user prefix /80, EA bits in bits 64..79
    MapRule r = rule("2001:db8:0:1::/64", "192.0.2.0/24", 16, 6);
    CeParameters p = calculator(domain("long", InterfaceIdFormat.RFC7597, null, r))
        .calculate(p6("2001:db8:0:1:1234::/80"));
    assertThat(p.ipv4Address()).isEqualTo(Ipv4Address.parse("192.0.2.18"));
    assertThat(p.psid()).isEqualTo(0x34);
    // interface id 0000:c000:0212:0034, top 16 bits taken by the prefix's 1234
    assertThat(p.ceAddressRfc7597().toString()).isEqualTo("2001:db8:0:1:1234:c000:212:34");
    // draft-03 id 00c0:0002:1200:3400, top 16 bits → 1234
    assertThat(p.ceAddressDraft03().toString()).isEqualTo("2001:db8:0:1:1234:2:1200:3400");
  }

  /** The End-user prefix convention: a /64 or /128 inside a /56 End-user prefix. */
  @Test
  void longerPrefixIsCutToTheDomainEndUserPrefixLength() {
    MapCalculator calc = calculator(domain("jp", InterfaceIdFormat.DRAFT03, 56, EXAMPLE1));
    CeParameters base = calc.calculate(p6("2001:db8:12:3400::/56"));
    for (String given : new String[] {"2001:db8:12:3400::/64", "2001:db8:12:34ff::/64",
        "2001:db8:12:34ab:1:2:3:4/128", "2001:db8:12:3480::/57"}) {
      CeParameters p = calc.calculate(p6(given));
      assertThat(p.prefix()).isEqualTo(p6(given));
      assertThat(p.endUserPrefix()).isEqualTo(p6("2001:db8:12:3400::/56"));
      assertThat(p.ipv4Address()).isEqualTo(base.ipv4Address());
      assertThat(p.psid()).isEqualTo(base.psid());
      assertThat(p.ceAddress()).isEqualTo(base.ceAddress());
      assertThat(p.ceAddress().toString()).isEqualTo("2001:db8:12:3400:c0:2:1200:3400");
    }
  }

  /** Without a domain End-user prefix length the prefix is used as given (subnet bits kept). */
  @Test
  void withoutDomainLengthTheGivenPrefixIsUsed() {
    MapCalculator calc = calculator(domain("rfc", InterfaceIdFormat.RFC7597, null, EXAMPLE1));
    CeParameters p = calc.calculate(p6("2001:db8:12:34ff::/64"));
    assertThat(p.endUserPrefix()).isEqualTo(p6("2001:db8:12:34ff::/64"));
    assertThat(p.psid()).isEqualTo(0x34);
    assertThat(p.ceAddress().toString()).isEqualTo("2001:db8:12:34ff:0:c000:212:34");
  }

  /** BMR selection is a longest match across all domains; each domain keeps its own layout. */
  @Test
  void longestMatchAcrossDomains() {
    MapRule outer = rule("2001:db8::/32", "198.51.100.0/24", 16, 6);
    MapRule inner = rule("2001:db8:100::/40", "203.0.113.0/24", 16, 4);
    Domain a = domain("a", InterfaceIdFormat.RFC7597, null, outer);
    Domain b = domain("b", InterfaceIdFormat.DRAFT03, 56, inner);
    MapCalculator calc = calculator(a, b);
    CeParameters inB = calc.calculate(p6("2001:db8:112:3400::/56"));
    assertThat(inB.domain()).isSameAs(b);
    assertThat(inB.bmr()).isEqualTo(inner);
    assertThat(inB.ipv4Address()).isEqualTo(Ipv4Address.parse("203.0.113.18"));
    assertThat(inB.ceAddress()).isEqualTo(inB.ceAddressDraft03());
    CeParameters inA = calc.calculate(p6("2001:db8:212:3400::/56"));
    assertThat(inA.domain()).isSameAs(a);
    assertThat(inA.bmr()).isEqualTo(outer);
    assertThat(inA.ceAddress()).isEqualTo(inA.ceAddressRfc7597());
    assertThat(calc.findBmr(p6("2001:db8:100::/48"))).contains(new RuleMatch(b, inner));
    assertThat(calc.findBmr(p6("2001:db8:200::/48"))).contains(new RuleMatch(a, outer));
    assertThat(calc.findBmr(p6("2001:db9::/48"))).isEmpty();
    assertThat(calc.ruleSet().domains()).containsExactly(a, b);
  }

  /** Two rules with the very same prefix: the first in file order is the BMR. */
  @Test
  void firstOfIdenticalPrefixesWins() {
    MapRule first = rule("2001:db8::/40", "192.0.2.0/24", 16, 6);
    MapRule second = rule("2001:db8::/40", "198.51.100.0/24", 16, 6);
    MapCalculator calc = calculator(domain("a", InterfaceIdFormat.RFC7597, null, first),
        domain("b", InterfaceIdFormat.RFC7597, null, second));
    assertThat(calc.calculate(p6("2001:db8:12:3400::/56")).bmr()).isEqualTo(first);
  }
}
