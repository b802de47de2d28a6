package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.lookup.ReverseLookup;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * The look-up bodies for the shapes the example rules (and so the golden contract cases) do not
 * have: a whole address per CE (k = 0: no PSID, unrestricted ports, {@code portRanges} null) and
 * an IPv4 prefix per CE (o + r &lt; 32). Expected values worked by hand from RFC 7597 §5.2, §6.
 */
class LookupFormatTest {
  private static final Domain MIXED = new Domain("mixed", Ipv6Address.parse("2001:db8:ffff::9"),
      InterfaceIdFormat.DRAFT03, OptionalInt.empty(), List.of(
          new MapRule(Ipv6Prefix.parse("2001:db8:1000::/40"), Ipv4Prefix.parse("198.51.100.0/24"), 8, 6),
          new MapRule(Ipv6Prefix.parse("2001:db8:2000::/40"), Ipv4Prefix.parse("203.0.113.0/24"), 4, 6)));
  private static final ReverseLookup LOOKUP = ReverseLookup.of(RuleSet.of(60, List.of(MIXED)));

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * 198.51.100.9: o + r = 32, so EA bits = suffix 0x09 and End-user prefix 2001:db8:1009::/48;
   * IPv4 c633:6409, PSID 0: RFC 7597 IID 0:c633:6409:0, draft03 IID c6:3364:900:0 (the domain's).
   */
  @Test
  void aWholeAddressHasNoPortRanges() {
    assertThat(utf8(LookupFormat.owner(LOOKUP.lookup(Ipv4Address.parse("198.51.100.9"), 80)))).isEqualTo(
        "{\"ipv4\":\"198.51.100.9\",\"port\":80,\"domain\":\"mixed\",\"rule\":{\"ipv6Prefix\":\"2001:db8:1000::/40\","
            + "\"ipv4Prefix\":\"198.51.100.0/24\",\"eaBitLength\":8,\"psidOffset\":6},\"ceIpv4Prefix\":\"198.51.100.9/32\","
            + "\"psid\":0,\"psidLength\":0,\"endUserPrefix\":\"2001:db8:1009::/48\","
            + "\"ceAddress\":\"2001:db8:1009:0:c6:3364:900:0\",\"ceAddressRfc7597\":\"2001:db8:1009::c633:6409:0\","
            + "\"ceAddressDraft03\":\"2001:db8:1009:0:c6:3364:900:0\",\"portRanges\":null,\"portCount\":65535,"
            + "\"brIpv6Address\":\"2001:db8:ffff::9\"}");
  }

  /**
   * 203.0.113.45 in a rule with o = 4, r = 24: each CE has a /28; EA bits = the top 4 suffix bits
   * (45 = 0b0010_1101 → 0b0010), End-user prefix 2001:db8:2020::/44, IPv4 prefix 203.0.113.32/28.
   */
  @Test
  void anIpv4PrefixPerCe() {
    assertThat(utf8(LookupFormat.owner(LOOKUP.lookup(Ipv4Address.parse("203.0.113.45"), 1)))).isEqualTo(
        "{\"ipv4\":\"203.0.113.45\",\"port\":1,\"domain\":\"mixed\",\"rule\":{\"ipv6Prefix\":\"2001:db8:2000::/40\","
            + "\"ipv4Prefix\":\"203.0.113.0/24\",\"eaBitLength\":4,\"psidOffset\":6},\"ceIpv4Prefix\":\"203.0.113.32/28\","
            + "\"psid\":0,\"psidLength\":0,\"endUserPrefix\":\"2001:db8:2020::/44\","
            + "\"ceAddress\":\"2001:db8:2020:0:cb:71:2000:0\",\"ceAddressRfc7597\":\"2001:db8:2020::cb00:7120:0\","
            + "\"ceAddressDraft03\":\"2001:db8:2020:0:cb:71:2000:0\",\"portRanges\":null,\"portCount\":65535,"
            + "\"brIpv6Address\":\"2001:db8:ffff::9\"}");
    assertThat(utf8(LookupFormat.owners(LOOKUP.lookup(Ipv4Address.parse("203.0.113.45"))))).isEqualTo(
        "{\"ipv4\":\"203.0.113.45\",\"domain\":\"mixed\",\"rule\":{\"ipv6Prefix\":\"2001:db8:2000::/40\","
            + "\"ipv4Prefix\":\"203.0.113.0/24\",\"eaBitLength\":4,\"psidOffset\":6},\"ceIpv4Prefix\":\"203.0.113.32/28\","
            + "\"psidLength\":0,\"endUserPrefixes\":{\"count\":1,\"first\":\"2001:db8:2020::/44\","
            + "\"last\":\"2001:db8:2020::/44\",\"block\":\"2001:db8:2020::/44\"}}");
  }
}
