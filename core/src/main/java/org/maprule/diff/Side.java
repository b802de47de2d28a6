package org.maprule.diff;

import java.util.Objects;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * One rule of one side, unpacked into what a CE derives from it, bit by bit.
 *
 * <p>For an End-user prefix P, the CE's 32-bit IPv4 field (RFC 7597 §6: the address, or the
 * prefix padded with zeros) and its 16-bit PSID field (right-aligned) are each a sequence of
 * bits, every one of which is a constant or a copy of one bit of P. A source is encoded as an
 * int: {@link #ZERO}, {@link #ONE}, or a bit position of P (0 = most significant).
 */
final class Side {
  static final int ZERO = -1;
  static final int ONE = -2;

  final Domain domain;
  final RuleRef ref;
  final MapRule rule;
  /** k clamped at 0. */
  final int psidLength;
  /** The CE's IPv4 prefix length: 32, or r + o when o + r &lt; 32. */
  final int ipv4Length;
  /** The End-user prefix length this side's CEs are counted at: max(n + o, domain length). */
  final int granularity;
  /** 32 sources of the IPv4 field. */
  final int[] ipv4;
  /** 16 sources of the PSID field. */
  final int[] psid;
  /** {@link #ipv4} then {@link #psid}: the 48 interface-id bits that depend on P. */
  final int[] iid;

  Side(Domain domain, int index, MapRule rule) {
    this.domain = domain;
    this.rule = rule;
    this.ref = new RuleRef(domain.name(), index, rule);
    int n = rule.ipv6Prefix().length();
    int o = rule.eaBitLength();
    int r = rule.ipv4Prefix().length();
    int k = Math.max(rule.psidLength(), 0);
    String field = "domains[" + domain.name() + "].rules[" + index + "]";
    if (o < 0 || o > 48 || n + o > 128) {
      throw new MapruleException(n + o > 128 ? ErrorCode.EA_BITS_EXCEED_IPV6 : ErrorCode.EA_BITS_OUT_OF_RANGE,
          field + ".eaBitLength", String.valueOf(o), field + ": EA-bits length " + o + " with a /" + n
              + " rule prefix cannot be diffed; validate the rule set first");
    }
    if (k > 16) {
      throw new MapruleException(ErrorCode.PSID_LENGTH_TOO_LONG, field + ".eaBitLength", String.valueOf(o),
          field + ": PSID length " + k + " exceeds 16; validate the rule set first");
    }
    this.psidLength = k;
    this.ipv4Length = Math.min(32, r + o);
    this.granularity = Math.max(n + o, domain.endUserPrefixLength().orElse(0));
    int v4 = rule.ipv4Prefix().address().toInt();
    ipv4 = new int[32];
    for (int i = 0; i < 32; i++) {
      if (i < r) {
        ipv4[i] = ((v4 >>> (31 - i)) & 1) == 1 ? ONE : ZERO;
      } else if (i < ipv4Length) {
        ipv4[i] = n + (i - r);
      } else {
        ipv4[i] = ZERO;
      }
    }
    psid = new int[16];
    for (int j = 0; j < 16; j++) {
      psid[j] = j < 16 - k ? ZERO : n + (32 - r) + (j - (16 - k));
    }
    iid = new int[48];
    System.arraycopy(ipv4, 0, iid, 0, 32);
    System.arraycopy(psid, 0, iid, 32, 16);
  }

  /** Whether a CE gets the same BR, layout and End-user prefix length on both sides. */
  boolean sameDomainSettings(Side other) {
    return Objects.equals(domain.brIpv6Address(), other.domain.brIpv6Address())
        && domain.interfaceIdFormat() == other.domain.interfaceIdFormat()
        && domain.endUserPrefixLength().equals(other.domain.endUserPrefixLength());
  }
}
