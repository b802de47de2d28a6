package org.maprule.lookup;

import java.util.Objects;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * Every End-user prefix that holds one IPv4 address (all its PSIDs), for an abuse report that
 * carries no port. The CEs sharing an address differ only in their PSID, the last k EA bits, so
 * their End-user prefixes are exactly the /(n + o) prefixes inside {@code block}, in PSID order.
 *
 * @param ipv4Address the address asked about
 * @param domain the domain of {@code rule}
 * @param rule the rule whose Rule IPv4 prefix is the longest match for the address
 * @param ceIpv4Prefix the owners' IPv4 space: a /32, or the one CE's /(r + o) when o + r &lt; 32
 * @param psidLength k clamped at 0, bits
 * @param count the number of End-user prefixes (CEs): 2^k, 1 when k &lt;= 0
 * @param first the End-user prefix of PSID 0, length n + o
 * @param last the End-user prefix of PSID 2^k - 1, length n + o
 * @param block the prefix holding exactly those End-user prefixes: length n + 32 - r when
 *     k &gt;= 0, else {@code first} itself
 */
public record AddressOwners(
    Ipv4Address ipv4Address,
    Domain domain,
    MapRule rule,
    Ipv4Prefix ceIpv4Prefix,
    int psidLength,
    long count,
    Ipv6Prefix first,
    Ipv6Prefix last,
    Ipv6Prefix block) {

  /** Checks non-null fields. */
  public AddressOwners {
    Objects.requireNonNull(ipv4Address, "ipv4Address");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(ceIpv4Prefix, "ceIpv4Prefix");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(block, "block");
  }
}
