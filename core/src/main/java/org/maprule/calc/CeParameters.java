package org.maprule.calc;

import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * Everything a CE derives from its End-user IPv6 prefix (RFC 7597 §5.2, §6): the fields of one
 * {@code maprule calc} line (docs/design.md §4). Built by {@link MapCalculator#calculate} and
 * {@link MapCalculator#lookup}.
 *
 * @param prefix the End-user prefix as the caller gave it
 * @param endUserPrefix the prefix the CE address is built from: {@code prefix} cut to the
 *     domain's End-user prefix length when the domain sets one, else {@code prefix}
 * @param domain the domain of the BMR
 * @param bmr the Basic Mapping Rule: the rule whose IPv6 prefix is the longest match
 * @param ipv4Address the CE's IPv4 address; for o + r < 32 the first address of its IPv4 prefix
 * @param ipv4PrefixLength 32 for a shared or whole address; r + o when the CE gets a prefix
 * @param psid the PSID, 0..2^k - 1 (0 when k <= 0)
 * @param psidLength k clamped at 0, bits
 * @param psidOffset a of the BMR, bits (reported as given also when k <= 0)
 * @param portSet the CE's ports: {@link PortSet#of}(a, k, psid) when k > 0, else unrestricted
 *     (ports 1..65535)
 * @param ceAddress the CE's MAP IPv6 address in the domain's interface-id layout
 * @param ceAddressRfc7597 the same in the RFC 7597 §6 layout
 * @param ceAddressDraft03 the same in the draft-ietf-softwire-map-03 layout
 */
public record CeParameters(
    Ipv6Prefix prefix,
    Ipv6Prefix endUserPrefix,
    Domain domain,
    MapRule bmr,
    Ipv4Address ipv4Address,
    int ipv4PrefixLength,
    int psid,
    int psidLength,
    int psidOffset,
    PortSet portSet,
    Ipv6Address ceAddress,
    Ipv6Address ceAddressRfc7597,
    Ipv6Address ceAddressDraft03) {

  /** The BR address of the domain. */
  public Ipv6Address brIpv6Address() {
    return domain.brIpv6Address();
  }
}
