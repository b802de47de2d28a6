package org.maprule.http;

import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;

/**
 * The address a request came from, as the service decided to trust it (see
 * {@link ClientAddresses#resolve}). Exactly one of {@code ipv6} and {@code ipv4} is non-null.
 *
 * @param source where it came from: the lower-case name of the configured client-address header,
 *     or {@value ClientAddresses#PEER} for the transport's own peer address
 * @param ipv6 the address when it is IPv6 (an IPv4-mapped IPv6 address stays IPv6), else null
 * @param ipv4 the address when it is IPv4, else null
 */
public record ClientAddress(String source, Ipv6Address ipv6, Ipv4Address ipv4) {
  /** Checks that exactly one address is given. */
  public ClientAddress {
    if ((ipv6 == null) == (ipv4 == null)) {
      throw new IllegalArgumentException("exactly one of ipv6 and ipv4 must be given");
    }
  }

  /** The address in canonical text (RFC 5952 for IPv6, dotted quad for IPv4). */
  public String text() {
    return ipv6 != null ? ipv6.toString() : ipv4.toString();
  }
}
