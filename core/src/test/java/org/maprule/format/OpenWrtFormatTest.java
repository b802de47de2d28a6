package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

class OpenWrtFormatTest {
  static final Domain DRAFT = JpneFormatTest.DRAFT03;
  static final Domain RFC = new Domain("example-rfc7597", Ipv6Address.parse("2001:db8:ffff::1"),
      InterfaceIdFormat.RFC7597, OptionalInt.empty(), List.of(
          new MapRule(Ipv6Prefix.parse("2001:db8::/40"), Ipv4Prefix.parse("192.0.2.0/24"), 16, 6)));

  static CeParameters ce(Domain d, String prefix) {
    return MapCalculator.of(RuleSet.of(60, List.of(d))).calculate(Ipv6Prefix.parse(prefix));
  }

  @Test
  void goldenDraft03Ce() {
    assertThat(OpenWrtFormat.network(ce(DRAFT, "2001:db8:212:3400::/56"))).isEqualTo("""
        # maprule: MAP-E for the End-user prefix 2001:db8:212:3400::/56
        # domain example-draft03, BMR 2001:db8:200::/40 -> 203.0.113.0/24, EA bits 16, PSID offset 4
        # mapcalc should find: IPv4 203.0.113.18, PSID 52 (k = 8),
        #   CE address 2001:db8:212:3400:cb:71:1200:3400 (draft03 layout)
        # mapcalc reads the delegated prefix of interface 'wan6'. If the ISP gives only
        # a /64 by RA (no DHCPv6-PD), add to that interface: option ip6prefix '2001:db8:212:3400::/56'
        #
        # Ports: 240 in 15 range(s):
        #   4928-4943 9024-9039 13120-13135 17216-17231 21312-21327 25408-25423
        #   29504-29519 33600-33615 37696-37711 41792-41807 45888-45903 49984-49999
        #   54080-54095 58176-58191 62272-62287
        #
        # WARNING: stock map.sh with firewall4 (OpenWrt 22.03 and later) SNATs every
        # connection to the FIRST range only: 4928-4943, 16 of the 240 ports.
        # It adds one SNAT rule per range with 'connlimit_ports', which fw3 turned into
        # a connection limit but firewall4 ignores, so the first rule takes every
        # connection (OpenWrt issue #11972). Fix: a map.sh that SNATs over all the
        # ports above with one nftables rule,
        #   snat ip to 203.0.113.18 : numgen inc mod 240 map { 0 : 4928, 1 : 4929, ... }
        # (the community patch: github.com/fakemanhk/openwrt-jp-ipoe, map.sh.new).
        config interface 'wanmap'
        \toption proto 'map'
        \toption maptype 'map-e'
        \toption peeraddr '2001:db8:ffff::2'
        \toption ipaddr '203.0.113.0'
        \toption ip4prefixlen '24'
        \toption ip6prefix '2001:db8:200::'
        \toption ip6prefixlen '40'
        \toption ealen '16'
        \toption psidlen '8'
        \toption offset '4'
        \toption legacymap '1'
        \toption tunlink 'wan6'
        \toption mtu '1460'
        """);
  }

  @Test
  void rfc7597DomainHasNoLegacyMapAndCustomNames() {
    String s = OpenWrtFormat.network(ce(RFC, "2001:db8:12:3400::/56"), "v6plus_1", "wan6_pd");
    Map<String, String> o = options(s);
    assertThat(o).doesNotContainKey("legacymap");
    assertThat(o).containsEntry("tunlink", "wan6_pd").containsEntry("offset", "6").containsEntry("psidlen", "8");
    assertThat(s).contains("config interface 'v6plus_1'\n").contains("1232-1235 2256-2259")
        .contains("(RFC 7597 layout)").contains("1232-1235, 4 of the 252 ports");
  }

  @Test
  void prefixPerCeRuleWritesPsidlenZeroAndNoSnatWarning() {
    Domain d = new Domain("p", RFC.brIpv6Address(), InterfaceIdFormat.RFC7597, OptionalInt.empty(), List.of(
        new MapRule(Ipv6Prefix.parse("2001:db8:2000::/40"), Ipv4Prefix.parse("203.0.113.0/24"), 4, 6)));
    String s = OpenWrtFormat.network(ce(d, "2001:db8:2020::/44"));
    assertThat(options(s)).containsEntry("psidlen", "0").containsEntry("ealen", "4");
    assertThat(s).contains("IPv4 203.0.113.32/28").contains("Ports: unrestricted").doesNotContain("WARNING");
  }

  @Test
  void refusesNamesThatAreNotUciOrTooLongForTheTunnelDevice() {
    CeParameters c = ce(RFC, "2001:db8:12:3400::/56");
    for (String bad : new String[] {"", "wan map", "wan-map", "a'b", "abcdefghijkl", "wänmap", null}) {
      assertThatThrownBy(() -> OpenWrtFormat.network(c, bad, "wan6"))
          .isInstanceOfSatisfying(MapruleException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("interface");
          });
    }
    assertThatThrownBy(() -> OpenWrtFormat.network(c, "wanmap", "wan6;reboot"))
        .isInstanceOfSatisfying(MapruleException.class, e -> assertThat(e.field()).isEqualTo("tunlink"));
    assertThat(OpenWrtFormat.network(c, "abcdefghijk", "abcdefghijklmno")).contains("'abcdefghijk'");
  }

  /**
   * Every JP table: the options read back give the BMR, and the port ranges listed are the ones
   * OpenWrt's mapcalc prints as RULE_n_PORTSETS for that PSID (its formula, re-typed here).
   */
  @Test
  void jpTablesAgreeWithMapcalc() {
    Random rnd = new Random(11);
    for (String provider : JpRules.providers()) {
      RuleSet rs = JpRules.ruleSet(provider);
      MapCalculator calc = MapCalculator.of(rs);
      for (int i = 0; i < 50; i++) {
        Domain d = rs.domains().get(rnd.nextInt(rs.domains().size()));
        MapRule r = d.rules().get(rnd.nextInt(d.rules().size()));
        int n = r.ipv6Prefix().length();
        int o = r.eaBitLength();
        Ipv6Prefix eu = Ipv6Prefix.of(r.ipv6Prefix().address().withBits(n, o, rnd.nextLong() & ((1L << o) - 1)), n + o);
        CeParameters c = calc.calculate(eu);
        String s = OpenWrtFormat.network(c);
        Map<String, String> opt = options(s);
        assertThat(Ipv6Prefix.parse(opt.get("ip6prefix") + "/" + opt.get("ip6prefixlen"))).isEqualTo(r.ipv6Prefix());
        assertThat(Ipv4Prefix.parse(opt.get("ipaddr") + "/" + opt.get("ip4prefixlen"))).isEqualTo(r.ipv4Prefix());
        assertThat(opt.get("ealen")).isEqualTo(String.valueOf(o));
        assertThat(opt.get("offset")).isEqualTo(String.valueOf(r.psidOffset()));
        assertThat(opt.get("peeraddr")).isEqualTo(d.brIpv6Address().toString());
        assertThat(opt.get("legacymap")).isEqualTo("1");
        assertThat(s).contains(mapcalcPortsets(r.psidOffset(), r.psidLength(), c.psid()));
      }
    }
  }

  /** mapcalc.c: for k in (offset ? 1 : 0) .. 2^offset - 1: start = (k << (16 - offset)) | (psid16 >> offset). */
  static String mapcalcPortsets(int offset, int psidlen, int psid) {
    int psid16 = (psid << (16 - psidlen)) & 0xFFFF;
    List<String> out = new ArrayList<>();
    for (int k = offset != 0 ? 1 : 0; k < (1 << offset); ++k) {
      int start = (k << (16 - offset)) | (psid16 >> offset);
      int end = start + (1 << (16 - offset - psidlen)) - 1;
      out.add(start + "-" + end);
    }
    return String.join(" ", out.subList(0, Math.min(4, out.size())));
  }

  static Map<String, String> options(String uci) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : uci.split("\n")) {
      if (line.startsWith("\toption ")) {
        String[] p = line.substring(8).split(" ", 2);
        assertThat(p[1]).startsWith("'").endsWith("'");
        assertThat(m.put(p[0], p[1].substring(1, p[1].length() - 1))).as("option %s twice", p[0]).isNull();
      } else {
        assertThat(line.startsWith("#") || line.startsWith("config interface '")).as(line).isTrue();
      }
    }
    return m;
  }
}
