package org.maprule.format;

import java.util.List;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.calc.CeParameters;
import org.maprule.calc.PortRange;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;

/**
 * One CE's MAP-E interface for OpenWrt, as a section of {@code /etc/config/network} in UCI
 * syntax, for the netifd protocol handler {@code map} (package {@code map}, script
 * {@code /lib/netifd/proto/map.sh}, calculator {@code mapcalc}).
 *
 * <p>Options written, each one map.sh reads ({@code proto_map_init_config}): {@code proto 'map'};
 * {@code maptype 'map-e'} (older map.sh read {@code type}, kept by newer ones as a fallback);
 * {@code peeraddr} the BR; {@code ipaddr} / {@code ip4prefixlen} the BMR's Rule IPv4 prefix
 * (address, r); {@code ip6prefix} / {@code ip6prefixlen} its Rule IPv6 prefix (address, n);
 * {@code ealen} o; {@code psidlen} k, written explicitly and as 0 when each CE gets an IPv4
 * prefix (mapcalc would otherwise derive a negative k); {@code offset} a, always written
 * (mapcalc's default is 6, or 4 under {@code LEGACY}); {@code legacymap '1'} for a draft03 domain
 * (mapcalc then builds the draft-ietf-softwire-map-03 interface identifier); {@code tunlink} the
 * IPv6 uplink interface whose delegated prefix mapcalc reads; {@code mtu} 1460 (1500 minus the
 * 40-byte IPv6 header; map.sh's own default is 1280). mapcalc derives the IPv4 address, PSID and
 * CE address itself from the prefix on {@code tunlink}; the comments state what it should find.
 *
 * <p>The comment block warns that stock map.sh with firewall4 (OpenWrt 22.03 and later) SNATs
 * every connection to the first port range only: it emits one SNAT rule per range with
 * {@code connlimit_ports}, which fw3 (iptables) turned into a per-rule connection limit but
 * firewall4's nftables template ignores, so the first rule takes everything (OpenWrt issue
 * #11972). It lists the CE's ranges and names the community fix.
 */
public final class OpenWrtFormat {
  /** The default interface (UCI section) name: netifd calls the tunnel {@code map-wanmap}. */
  public static final String DEFAULT_INTERFACE = "wanmap";
  /** The default IPv6 uplink interface. */
  public static final String DEFAULT_TUNLINK = "wan6";
  /** The MTU written: 1500 - 40 (the IPv6 header of the IPv4-in-IPv6 tunnel), bytes. */
  public static final int MTU = 1460;

  private OpenWrtFormat() {}

  /**
   * The section with interface {@value #DEFAULT_INTERFACE} over {@value #DEFAULT_TUNLINK}.
   *
   * @param ce the CE's parameters
   * @return UCI text, lines ending in {@code \n}
   * @throws MapruleException as {@link #network(CeParameters, String, String)}
   */
  public static String network(CeParameters ce) {
    return network(ce, DEFAULT_INTERFACE, DEFAULT_TUNLINK);
  }

  /**
   * The section with the given names.
   *
   * @param ce the CE's parameters
   * @param interfaceName the UCI section name, 1 to 11 characters of {@code [A-Za-z0-9_]} (the
   *     tunnel device {@code map-NAME} must fit Linux's 15-character interface names)
   * @param tunlink the IPv6 uplink interface, 1 to 15 characters of {@code [A-Za-z0-9_]}
   * @return UCI text, lines ending in {@code \n}, ASCII
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} (field {@code interface} or
   *     {@code tunlink}) for a bad name; {@link ErrorCode#BR_MISSING} when the domain has no BR
   */
  public static String network(CeParameters ce, String interfaceName, String tunlink) {
    checkName(interfaceName, "interface", 11);
    checkName(tunlink, "tunlink", 15);
    if (ce.brIpv6Address() == null) {
      throw new MapruleException(ErrorCode.BR_MISSING, "brIpv6Address", null,
          "domain '" + ce.domain().name() + "' has no BR: OpenWrt needs peeraddr");
    }
    MapRule bmr = ce.bmr();
    boolean draft03 = ce.domain().interfaceIdFormat() == InterfaceIdFormat.DRAFT03;
    StringBuilder sb = new StringBuilder();
    sb.append("# maprule: MAP-E for the End-user prefix ").append(ce.endUserPrefix()).append('\n');
    sb.append("# domain ").append(ce.domain().name()).append(", BMR ").append(bmr.ipv6Prefix()).append(" -> ")
        .append(bmr.ipv4Prefix()).append(", EA bits ").append(bmr.eaBitLength()).append(", PSID offset ")
        .append(bmr.psidOffset()).append('\n');
    sb.append("# mapcalc should find: IPv4 ").append(ce.ipv4Address());
    if (ce.ipv4PrefixLength() < 32) {
      sb.append('/').append(ce.ipv4PrefixLength());
    }
    if (ce.psidLength() > 0) {
      sb.append(", PSID ").append(ce.psid()).append(" (k = ").append(ce.psidLength()).append(')');
    }
    sb.append(",\n#   CE address ").append(ce.ceAddress()).append(draft03 ? " (draft03 layout)" : " (RFC 7597 layout)")
        .append('\n');
    sb.append("# mapcalc reads the delegated prefix of interface '").append(tunlink)
        .append("'. If the ISP gives only\n# a /64 by RA (no DHCPv6-PD), add to that interface: option ip6prefix '")
        .append(ce.endUserPrefix()).append("'\n");
    writePorts(sb, ce);
    sb.append("config interface '").append(interfaceName).append("'\n");
    option(sb, "proto", "map");
    option(sb, "maptype", "map-e");
    option(sb, "peeraddr", ce.brIpv6Address().toString());
    option(sb, "ipaddr", bmr.ipv4Prefix().address().toString());
    option(sb, "ip4prefixlen", String.valueOf(bmr.ipv4Prefix().length()));
    option(sb, "ip6prefix", bmr.ipv6Prefix().address().toString());
    option(sb, "ip6prefixlen", String.valueOf(bmr.ipv6Prefix().length()));
    option(sb, "ealen", String.valueOf(bmr.eaBitLength()));
    option(sb, "psidlen", String.valueOf(Math.max(bmr.psidLength(), 0)));
    option(sb, "offset", String.valueOf(bmr.psidOffset()));
    if (draft03) {
      option(sb, "legacymap", "1");
    }
    option(sb, "tunlink", tunlink);
    option(sb, "mtu", String.valueOf(MTU));
    return sb.toString();
  }

  private static void writePorts(StringBuilder sb, CeParameters ce) {
    if (ce.portSet().isUnrestricted()) {
      sb.append("# Ports: unrestricted (k = 0): map.sh SNATs to the whole address.\n");
      return;
    }
    List<PortRange> ranges = ce.portSet().ranges();
    int total = ce.portSet().portCount();
    PortRange firstRange = ranges.get(0);
    sb.append("#\n# Ports: ").append(total).append(" in ").append(ranges.size()).append(" range(s):\n");
    StringBuilder line = new StringBuilder("#  ");
    for (PortRange r : ranges) {
      String item = " " + r.first() + "-" + r.last();
      if (line.length() + item.length() > 78) {
        sb.append(line).append('\n');
        line = new StringBuilder("#  ");
      }
      line.append(item);
    }
    sb.append(line).append('\n');
    if (ranges.size() > 1) {
      sb.append("#\n# WARNING: stock map.sh with firewall4 (OpenWrt 22.03 and later) SNATs every\n")
          .append("# connection to the FIRST range only: ").append(firstRange.first()).append('-')
          .append(firstRange.last()).append(", ").append(firstRange.size()).append(" of the ").append(total)
          .append(" ports.\n")
          .append("# It adds one SNAT rule per range with 'connlimit_ports', which fw3 turned into\n")
          .append("# a connection limit but firewall4 ignores, so the first rule takes every\n")
          .append("# connection (OpenWrt issue #11972). Fix: a map.sh that SNATs over all the\n")
          .append("# ports above with one nftables rule,\n")
          .append("#   snat ip to ").append(ce.ipv4Address()).append(" : numgen inc mod ").append(total)
          .append(" map { 0 : ").append(firstRange.first()).append(", 1 : ")
          .append(firstRange.size() > 1 ? firstRange.first() + 1 : ranges.get(1).first())
          .append(", ... }\n")
          .append("# (the community patch: github.com/fakemanhk/openwrt-jp-ipoe, map.sh.new).\n");
    }
  }

  private static void option(StringBuilder sb, String name, String value) {
    sb.append("\toption ").append(name).append(" '").append(value).append("'\n");
  }

  private static void checkName(String name, String field, int max) {
    boolean ok = name != null && !name.isEmpty() && name.length() <= max;
    for (int i = 0; ok && i < name.length(); i++) {
      char c = name.charAt(i);
      ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (!ok) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, field, name,
          field + " '" + name + "' is not 1 to " + max + " characters of [A-Za-z0-9_]");
    }
  }
}
