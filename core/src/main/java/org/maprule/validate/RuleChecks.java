package org.maprule.validate;

import java.util.List;
import org.maprule.ErrorCode;
import org.maprule.rule.MapRule;

/**
 * The checks of one rule on its own (RFC 7597 §5, docs/domain.md §7). Prefix syntax, host bits and
 * 0 ≤ r ≤ 32 are guaranteed by {@link org.maprule.addr.Ipv4Prefix} and
 * {@link org.maprule.addr.Ipv6Prefix}, so they are not checked here.
 *
 * <p>Each bad field is reported once, at its root: a check that derives from a field already
 * reported as out of range is skipped (o outside 0..48 makes k and n + o meaningless, so
 * {@code EA_BITS_EXCEED_IPV6}, the PSID-length checks and the o-based warnings are not added;
 * k &gt; 16 or a outside 0..15 suppress {@code PSID_EXCEEDS_PORT_BITS}). {@code ONE_TO_ONE_PREFIX}
 * replaces {@code IPV4_PREFIX_PER_CE}, of which it is the special case o = 0.
 */
final class RuleChecks {
  /** Largest EA-bits length o, bits (RFC 7597 §5.2: 48 = 32 IPv4 bits + 16 PSID bits). */
  static final int MAX_EA_BITS = 48;
  /** Largest PSID offset a, bits (RFC 7597 §5.1). */
  static final int MAX_PSID_OFFSET = 15;
  /** Bits of a port; PSID length and a + k may not exceed it (RFC 7597 §5.1). */
  static final int PORT_BITS = 16;
  /** End of the IPv6 routing prefix most BRs require the EA bits to end within (RFC 7597 §6). */
  static final int EA_BITS_END_WARNING = 64;

  private RuleChecks() {}

  /**
   * Adds every violation of {@code at}'s own values to {@code out}.
   *
   * @param at the rule and its place
   * @param out where violations go, in field order
   */
  static void check(LocatedRule at, List<Violation> out) {
    MapRule rule = at.rule();
    int n = rule.ipv6Prefix().length();
    int r = rule.ipv4Prefix().length();
    int o = rule.eaBitLength();
    int a = rule.psidOffset();
    String ea = at.path("eaBitLength");
    String offset = at.path("psidOffset");

    boolean oOk = o >= 0 && o <= MAX_EA_BITS;
    if (!oOk) {
      out.add(Violation.error(ErrorCode.EA_BITS_OUT_OF_RANGE, ea, String.valueOf(o),
          ea + " " + o + " is outside 0.." + MAX_EA_BITS + " bits (RFC 7597 §5.2)"));
    }
    // long arithmetic: no overflow whatever the ints hold
    long endUser = (long) n + o;
    if (oOk && endUser > 128) {
      out.add(Violation.error(ErrorCode.EA_BITS_EXCEED_IPV6, ea, String.valueOf(o),
          ea + " " + o + " after the /" + n + " rule IPv6 prefix ends at bit " + endUser
              + ", past the 128 bits of an IPv6 address"));
    }
    boolean aOk = a >= 0 && a <= MAX_PSID_OFFSET;
    if (!aOk) {
      out.add(Violation.error(ErrorCode.PSID_OFFSET_OUT_OF_RANGE, offset, String.valueOf(a),
          offset + " " + a + " is outside 0.." + MAX_PSID_OFFSET + " bits (RFC 7597 §5.1)"));
    }
    long k = (long) o - (32 - r);
    boolean kOk = oOk && k <= PORT_BITS;
    if (oOk && !kOk) {
      out.add(Violation.error(ErrorCode.PSID_LENGTH_TOO_LONG, ea, String.valueOf(o),
          ea + " " + o + " with the /" + r + " rule IPv4 prefix gives a PSID length k = " + o
              + " - (32 - " + r + ") = " + k + ", more than the " + PORT_BITS + " bits of a port"));
    }
    if (aOk && kOk && a + Math.max(k, 0) > PORT_BITS) {
      out.add(Violation.error(ErrorCode.PSID_EXCEEDS_PORT_BITS, offset, String.valueOf(a),
          offset + " " + a + " plus the PSID length " + k + " is " + (a + k) + ", more than the "
              + PORT_BITS + " bits of a port"));
    }

    if (oOk && endUser <= 128 && endUser > EA_BITS_END_WARNING) {
      out.add(Violation.warning(ErrorCode.EA_BITS_BEYOND_64, ea, String.valueOf(o),
          ea + " " + o + " after the /" + n + " rule IPv6 prefix ends at bit " + endUser
              + ", past bit " + EA_BITS_END_WARNING + ": valid per RFC 7597 §6, but many BRs"
              + " require the EA bits inside the first 64 bits"));
    }
    if (oOk && o == 0 && r < 32) {
      out.add(Violation.warning(ErrorCode.ONE_TO_ONE_PREFIX, ea, String.valueOf(o),
          ea + " 0 with the /" + r + " rule IPv4 prefix maps the one CE of "
              + rule.ipv6Prefix() + " to the whole of " + rule.ipv4Prefix()));
    } else if (oOk && k < 0) {
      out.add(Violation.warning(ErrorCode.IPV4_PREFIX_PER_CE, ea, String.valueOf(o),
          ea + " " + o + " with the /" + r + " rule IPv4 prefix gives PSID length " + k
              + " < 0: each CE gets an IPv4 /" + (r + o) + " prefix, not a shared address"));
    }
    if (aOk && kOk && a == 0 && k > 0) {
      out.add(Violation.warning(ErrorCode.PSID_ZERO_SYSTEM_PORTS, offset, "0",
          offset + " 0 with PSID length " + k + " gives the CE with PSID 0 the system ports 0.."
              + ((1 << (PORT_BITS - k)) - 1)));
    }
  }
}
