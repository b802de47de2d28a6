package org.maprule.calc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.RuleSet;

/**
 * MAP-E calculation for CEs over one validated rule set: BMR selection by longest match across
 * every domain, then RFC 7597 §5.2 and §6 (docs/domain.md §3 to §5). Built once per rule set (the
 * index costs O(rules)); a calculation costs one hash probe per distinct Rule IPv6 prefix length
 * and a few shifts. Immutable and thread-safe.
 *
 * <p>What {@link #calculate} derives from an End-user prefix, with n, o, r, a of the BMR and
 * k = o - (32 - r):
 *
 * <pre>
 * | n bits            | o bits  | s bits | 128-n-o-s bits  |
 * | Rule IPv6 prefix  | EA bits | subnet | interface id    |
 * EA bits = IPv4 suffix (32 - r bits) ++ PSID (k bits)
 * </pre>
 *
 * <ul>
 *   <li>o + r &gt; 32 (k &gt; 0): a shared IPv4 address, rule IPv4 prefix ++ the top 32 - r EA
 *       bits; PSID = the last k EA bits; the port set of {@link PortSet#of}.
 *   <li>o + r = 32 (k = 0): a whole IPv4 address, unrestricted ports, PSID 0.
 *   <li>o + r &lt; 32: an IPv4 prefix of length r + o per CE ({@code ipv4Address} = rule IPv4
 *       prefix ++ all o EA bits, zero-padded); PSID 0, PSID length 0, unrestricted ports.
 *       o = 0 with r = 32 is the 1:1 case (one CE per rule, a whole address).
 * </ul>
 *
 * <p>The CE's MAP IPv6 address (RFC 7597 §6) is the End-user prefix with subnet ID 0 and, in the
 * low 64 bits, the interface identifier: RFC 7597 {@code 16 bits 0 | IPv4 (32) | PSID (16,
 * right-aligned)} or draft-ietf-softwire-map-03 {@code 8 bits 0 | IPv4 (32) | PSID (16) | 8 bits
 * 0}. For an IPv4 prefix per CE the IPv4 field is the prefix right-padded with zeros. When the
 * End-user prefix is longer than 64 bits its bits win over the top of the interface identifier
 * (RFC 7597 §6). Both layouts are computed; {@code ceAddress} is the one of the BMR's domain.
 *
 * <p>The reverse direction (IPv4 address and port to End-user prefix) is
 * {@code org.maprule.lookup.ReverseLookup}.
 */
public final class MapCalculator {
  private static final String FIELD = "prefix";

  private final RuleSet ruleSet;
  private final BmrIndex index;

  private MapCalculator(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
    this.index = new BmrIndex(ruleSet);
  }

  /**
   * Indexes a validated rule set. The calculator does not validate: given a rule set with errors
   * its answers are unspecified (it may throw {@link IllegalArgumentException}).
   *
   * @param ruleSet a rule set with no validation error
   * @return the calculator
   */
  public static MapCalculator of(RuleSet ruleSet) {
    return new MapCalculator(Objects.requireNonNull(ruleSet, "ruleSet"));
  }

  /** The rule set this calculator was built from. */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /**
   * The BMR for a prefix: the rule, over every domain, whose Rule IPv6 prefix is the longest one
   * containing {@code prefix} (RFC 7597 §5). No length check: see {@link #calculate}.
   *
   * @param prefix any prefix (a /128 for a single address)
   * @return the rule and its domain, or empty when no rule contains the prefix
   */
  public Optional<RuleMatch> findBmr(Ipv6Prefix prefix) {
    BmrIndex.Entry e = index.longestMatch(prefix.address(), prefix.length());
    return e == null ? Optional.empty() : Optional.of(e.match);
  }

  /**
   * The CE parameters for an End-user prefix (RFC 7597 §5.2, §6).
   *
   * <p>End-user prefix convention (docs/domain.md §5): the BMR is chosen by longest match on {@code
   * prefix} as given; then, when the BMR's domain sets an End-user prefix length L and {@code
   * prefix} is longer than L (an RA /64, a /128 client address), the prefix is cut to L and the
   * result is computed from the cut prefix ({@link CeParameters#endUserPrefix()}); otherwise the
   * prefix is used as given.
   *
   * @param prefix the CE's End-user prefix (or a longer prefix/address inside it)
   * @return the parameters
   * @throws MapruleException with field {@code prefix} and value {@code prefix.toString()}:
   *     {@code END_USER_PREFIX_TOO_SHORT} when the End-user prefix is shorter than the BMR's n + o
   *     (its EA bits are not all known), and also when no rule contains the prefix but some rule
   *     prefix lies inside it (a /32 given for /40 rules: the problem is its length);
   *     {@code NO_MATCHING_RULE} when no rule prefix contains or lies inside it
   */
  public CeParameters calculate(Ipv6Prefix prefix) {
    Objects.requireNonNull(prefix, "prefix");
    BmrIndex.Entry e = index.longestMatch(prefix.address(), prefix.length());
    if (e == null) {
      throw noRule(prefix);
    }
    Ipv6Prefix endUser = prefix;
    var cut = e.domain.endUserPrefixLength();
    if (cut.isPresent() && prefix.length() > cut.getAsInt() && cut.getAsInt() >= 0) {
      endUser = prefix.truncate(cut.getAsInt());
    }
    int needed = e.n + e.o;
    if (endUser.length() < needed) {
      String how = endUser == prefix ? "" : " (cut to the End-user prefix length /" + endUser.length()
          + " of domain " + e.domain.name() + ")";
      throw new MapruleException(ErrorCode.END_USER_PREFIX_TOO_SHORT, FIELD, prefix.toString(),
          "prefix " + prefix + how + " is shorter than /" + needed + ", the n + o of its BMR "
              + e.rule.ipv6Prefix() + " (EA-bits length " + e.o + "): its EA bits are not all known");
    }
    return compute(e, prefix, endUser);
  }

  private MapruleException noRule(Ipv6Prefix prefix) {
    List<BmrIndex.Entry> inside = index.inside(prefix);
    if (!inside.isEmpty()) {
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (BmrIndex.Entry i : inside) {
        min = Math.min(min, i.n + i.o);
        max = Math.max(max, i.n + i.o);
      }
      String need = min == max ? "/" + min : "at least /" + min;
      return new MapruleException(ErrorCode.END_USER_PREFIX_TOO_SHORT, FIELD, prefix.toString(),
          "prefix " + prefix + " is too short: " + inside.size() + " rule prefix(es) lie inside it (first "
              + inside.get(0).rule.ipv6Prefix() + "); an End-user prefix needs " + need);
    }
    return new MapruleException(ErrorCode.NO_MATCHING_RULE, FIELD, prefix.toString(),
        "prefix " + prefix + " lies in no Rule IPv6 prefix of any domain");
  }

  private static CeParameters compute(BmrIndex.Entry e, Ipv6Prefix given, Ipv6Prefix endUser) {
    Ipv6Address eu = endUser.address();
    long ea = eu.bits(e.n, e.o);
    int p = 32 - e.r;
    int ipv4;
    int ipv4Length;
    int psid;
    int psidLength;
    PortSet ports;
    if (e.k > 0) {
      psidLength = e.k;
      psid = (int) (ea & ((1L << e.k) - 1));
      ipv4 = e.ipv4 | (int) (ea >>> e.k);
      ipv4Length = 32;
      ports = PortSet.of(e.a, e.k, psid);
    } else {
      // k = 0: the whole suffix; k < 0: the EA bits, then zeros, form the CE's IPv4 prefix
      psidLength = 0;
      psid = 0;
      ipv4 = e.ipv4 | (int) (ea << (p - e.o));
      ipv4Length = e.r + e.o;
      ports = PortSet.unrestricted(e.a);
    }
    long v4 = ipv4 & 0xFFFF_FFFFL;
    Ipv6Address rfc = ceAddress(eu, endUser.length(), (v4 << 16) | psid);
    Ipv6Address draft = ceAddress(eu, endUser.length(), (v4 << 24) | ((long) psid << 8));
    Ipv6Address ce = e.domain.interfaceIdFormat() == InterfaceIdFormat.DRAFT03 ? draft : rfc;
    return new CeParameters(given, endUser, e.domain, e.rule, Ipv4Address.of(ipv4), ipv4Length, psid,
        psidLength, e.a, ports, ce, rfc, draft);
  }

  /**
   * The End-user prefix (subnet ID 0) with interface identifier {@code iid} in the low 64 bits;
   * an End-user prefix longer than 64 bits keeps its own bits over the top of the identifier.
   */
  private static Ipv6Address ceAddress(Ipv6Address endUser, int length, long iid) {
    if (length <= 64) {
      return Ipv6Address.of(endUser.high(), iid);
    }
    long keep = BmrIndex.maskLow(-1L, length);
    return Ipv6Address.of(endUser.high(), (endUser.low() & keep) | (iid & ~keep));
  }
}
