package org.maprule.rule;

import java.util.Objects;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Prefix;

/**
 * One MAP rule (RFC 7597 §5): a BMR or FMR, the same fields either way.
 *
 * <p>The record holds the values as given; it does not check their ranges, so that a rule set
 * can be read whole and {@link org.maprule.validate.Validator} can report every problem at once.
 * Calculation requires a validated rule.
 *
 * @param ipv6Prefix the Rule IPv6 prefix (length n, bits)
 * @param ipv4Prefix the Rule IPv4 prefix (length r, bits)
 * @param eaBitLength the EA-bits length o, bits (valid 0..48)
 * @param psidOffset the PSID offset a, bits (valid 0..15; RFC 7597 default 6)
 */
public record MapRule(Ipv6Prefix ipv6Prefix, Ipv4Prefix ipv4Prefix, int eaBitLength, int psidOffset) {

  /** Checks non-null prefixes. */
  public MapRule {
    Objects.requireNonNull(ipv6Prefix, "ipv6Prefix");
    Objects.requireNonNull(ipv4Prefix, "ipv4Prefix");
  }

  /**
   * PSID length k = o - (32 - r), bits. Negative when each CE gets an IPv4 prefix (o + r < 32);
   * 0 when each CE gets a whole IPv4 address.
   */
  public int psidLength() {
    return eaBitLength - (32 - ipv4Prefix.length());
  }

  /** Contiguous port bits m = 16 - a - max(k, 0), bits. */
  public int portBits() {
    return 16 - psidOffset - Math.max(psidLength(), 0);
  }

  /** n + o, the shortest End-user prefix length this rule can map, bits. */
  public int endUserPrefixLength() {
    return ipv6Prefix.length() + eaBitLength;
  }
}
