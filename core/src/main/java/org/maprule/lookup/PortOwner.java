package org.maprule.lookup;

import java.util.Objects;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * The CE that owns one IPv4 address and transport port (RFC 7597 §5.1 and §5.2, inverted).
 *
 * @param ipv4Address the address asked about
 * @param port the port asked about, 1..65535
 * @param domain the domain of {@code rule}
 * @param rule the rule whose Rule IPv4 prefix is the longest match for the address
 * @param ceIpv4Prefix the CE's IPv4 space: a /32 for a shared or whole address, the CE's
 *     /(r + o) prefix when each CE gets a prefix (o + r &lt; 32)
 * @param ce the forward calculation for the owner's End-user prefix (PSID, port set, CE address
 *     in both layouts, BR), from {@link org.maprule.calc.MapCalculator}; {@link ReverseLookup}
 *     checks that it maps back to this address and port
 */
public record PortOwner(
    Ipv4Address ipv4Address,
    int port,
    Domain domain,
    MapRule rule,
    Ipv4Prefix ceIpv4Prefix,
    CeParameters ce) {

  /** Checks non-null fields. */
  public PortOwner {
    Objects.requireNonNull(ipv4Address, "ipv4Address");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(ceIpv4Prefix, "ceIpv4Prefix");
    Objects.requireNonNull(ce, "ce");
  }

  /** The PSID owning the port, 0..2^k - 1 (0 when k &lt;= 0). */
  public int psid() {
    return ce.psid();
  }

  /** k clamped at 0, bits. */
  public int psidLength() {
    return ce.psidLength();
  }

  /** The owner's End-user prefix: Rule IPv6 prefix ++ EA bits, length n + o. */
  public Ipv6Prefix endUserPrefix() {
    return ce.endUserPrefix();
  }

  /** The CE's MAP IPv6 address in its domain's interface-id layout. */
  public Ipv6Address ceAddress() {
    return ce.ceAddress();
  }

  /** The CE's MAP IPv6 address in the RFC 7597 §6 layout. */
  public Ipv6Address ceAddressRfc7597() {
    return ce.ceAddressRfc7597();
  }

  /** The CE's MAP IPv6 address in the draft-ietf-softwire-map-03 layout. */
  public Ipv6Address ceAddressDraft03() {
    return ce.ceAddressDraft03();
  }
}
