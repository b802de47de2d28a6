package org.maprule.lookup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.calc.PortSet;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * Who owns an IPv4 address and port: RFC 7597 §5.2 inverted, for abuse handling.
 *
 * <p>With n, r, o, a of the rule whose Rule IPv4 prefix is the longest match for the address and
 * k = o - (32 - r):
 *
 * <ul>
 *   <li>o + r &gt;= 32: EA bits = IPv4 suffix (the last 32 - r address bits) ++ PSID (k bits),
 *       where the PSID of port p is {@code (p >> m) & (2^k - 1)}, m = 16 - a - k (RFC 7597 §5.1,
 *       Appendix B);
 *   <li>o + r &lt; 32 (an IPv4 prefix per CE): EA bits = the o address bits after the rule
 *       prefix, so the owner is the CE whose /(r + o) contains the address, whatever the port;
 * </ul>
 *
 * and the End-user prefix is Rule IPv6 prefix ++ EA bits, of length n + o. Its CE address (both
 * layouts), port set and BR come from {@link MapCalculator#calculate} on that prefix, and the
 * answer is checked against it (same IPv4 address or prefix, same PSID, port in the port set).
 *
 * <p>The index is the Rule IPv4 prefixes sorted by address then length, each with a link to the
 * nearest shorter prefix containing it: a binary search finds the last prefix starting at or
 * before the address, and at most 32 parent steps find the longest one containing it. Building
 * costs O(rules · log rules); a look-up O(log rules). Immutable and thread-safe.
 */
public final class ReverseLookup {
  private final MapCalculator calculator;
  private final Entry[] entries;
  private final int[] parent;
  private final long[] starts;

  private record Entry(Domain domain, MapRule rule, Ipv4Prefix v4) {}

  private ReverseLookup(RuleSet ruleSet) {
    this.calculator = MapCalculator.of(ruleSet);
    List<Entry> list = new ArrayList<>();
    for (Domain d : ruleSet.domains()) {
      for (MapRule r : d.rules()) {
        list.add(new Entry(d, r, r.ipv4Prefix()));
      }
    }
    // stable: the first rule in file order wins among identical IPv4 prefixes
    list.sort(Comparator.comparing(Entry::v4));
    List<Entry> unique = new ArrayList<>();
    for (Entry e : list) {
      if (unique.isEmpty() || !unique.get(unique.size() - 1).v4().equals(e.v4())) {
        unique.add(e);
      }
    }
    entries = unique.toArray(new Entry[0]);
    parent = new int[entries.length];
    starts = new long[entries.length];
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < entries.length; i++) {
      Ipv4Prefix p = entries[i].v4();
      while (!open.isEmpty() && !entries[open.peek()].v4().contains(p)) {
        open.pop();
      }
      parent[i] = open.isEmpty() ? -1 : open.peek();
      open.push(i);
      starts[i] = p.address().toLong();
    }
  }

  /**
   * Indexes a rule set.
   *
   * @param ruleSet a rule set with no validation error (for example
   *     {@link org.maprule.format.LoadedRuleSet#ruleSet()}); on an invalid one the answers are
   *     unspecified
   * @return the look-up
   */
  public static ReverseLookup of(RuleSet ruleSet) {
    return new ReverseLookup(Objects.requireNonNull(ruleSet, "ruleSet"));
  }

  /**
   * The CE owning {@code address} and {@code port}.
   *
   * @param address the IPv4 address
   * @param port the transport port, 0..65535
   * @return the owner
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} (field {@code port}) for a port
   *     outside 0..65535; {@link ErrorCode#NO_OWNER} (field {@code ipv4}) when the address lies in
   *     no Rule IPv4 prefix; {@link ErrorCode#NO_OWNER} (field {@code port}) for port 0 and for a
   *     port in the excluded range 0..2^(16 - a) - 1 (A = 0) of a rule with a &gt; 0 and k &gt; 0
   */
  public PortOwner lookup(Ipv4Address address, int port) {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, "port", String.valueOf(port),
          "port " + port + " is outside 0..65535");
    }
    Entry e = owner(address);
    MapRule rule = e.rule();
    int k = rule.psidLength();
    int a = rule.psidOffset();
    if (port == 0) {
      throw new MapruleException(ErrorCode.NO_OWNER, "port", "0",
          "port 0 of " + address + " is in the excluded range: port 0 is never offered to a CE");
    }
    int psid = 0;
    if (k > 0) {
      if (a > 0 && (port >>> (16 - a)) == 0) {
        throw new MapruleException(ErrorCode.NO_OWNER, "port", String.valueOf(port),
            "port " + port + " of " + address + " is in the excluded range 0.." + ((1 << (16 - a)) - 1)
                + " (A = 0 with PSID offset " + a + " in rule " + rule.ipv6Prefix() + " -> "
                + rule.ipv4Prefix() + "): no CE is offered it");
      }
      psid = PortSet.psidOf(port, a, k);
    }
    Ipv6Prefix endUser = endUserPrefix(rule, address, psid);
    CeParameters ce = calculator.calculate(endUser);
    Ipv4Prefix ceV4 = ceIpv4Prefix(rule, address);
    if (!ce.ipv4Address().equals(ceV4.address()) || ce.ipv4PrefixLength() != ceV4.length()
        || ce.psid() != psid || !ce.portSet().contains(port)) {
      throw new IllegalStateException("rule set is not valid: " + address + " port " + port + " maps back to "
          + endUser + " but that End-user prefix maps to " + ce.ipv4Address() + "/" + ce.ipv4PrefixLength()
          + " PSID " + ce.psid() + " via " + ce.bmr());
    }
    return new PortOwner(address, port, e.domain(), rule, ceV4, ce);
  }

  /**
   * Every End-user prefix holding {@code address}, one per PSID.
   *
   * @param address the IPv4 address
   * @return the owners
   * @throws MapruleException {@link ErrorCode#NO_OWNER} (field {@code ipv4}) when the address lies
   *     in no Rule IPv4 prefix
   */
  public AddressOwners lookup(Ipv4Address address) {
    Objects.requireNonNull(address, "address");
    Entry e = owner(address);
    MapRule rule = e.rule();
    int k = rule.psidLength();
    Ipv6Prefix first = endUserPrefix(rule, address, 0);
    if (k <= 0) {
      return new AddressOwners(address, e.domain(), rule, ceIpv4Prefix(rule, address), 0, 1, first, first, first);
    }
    Ipv6Prefix last = endUserPrefix(rule, address, (1 << k) - 1);
    Ipv6Prefix block = first.truncate(rule.ipv6Prefix().length() + 32 - rule.ipv4Prefix().length());
    return new AddressOwners(address, e.domain(), rule, Ipv4Prefix.containing(address, 32), k, 1L << k, first,
        last, block);
  }

  private Entry owner(Ipv4Address address) {
    long a = address.toLong();
    int lo = 0;
    int hi = entries.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= a) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (int i = found; i >= 0; i = parent[i]) {
      if (entries[i].v4().contains(address)) {
        return entries[i];
      }
    }
    throw new MapruleException(ErrorCode.NO_OWNER, "ipv4", address.toString(),
        "ipv4 " + address + " lies in no Rule IPv4 prefix of any domain");
  }

  /** Rule IPv6 prefix ++ EA bits (IPv4 suffix ++ PSID, or the first o suffix bits), length n + o. */
  private static Ipv6Prefix endUserPrefix(MapRule rule, Ipv4Address address, int psid) {
    int n = rule.ipv6Prefix().length();
    int o = rule.eaBitLength();
    int r = rule.ipv4Prefix().length();
    int k = rule.psidLength();
    int p = 32 - r;
    long suffix = p == 0 ? 0 : address.toLong() & ((1L << p) - 1);
    long ea = k >= 0 ? (suffix << k) | psid : suffix >>> (p - o);
    Ipv6Address bits = rule.ipv6Prefix().address().withBits(n, o, ea);
    return Ipv6Prefix.of(bits, n + o);
  }

  /** A /32 for a shared or whole address; the CE's /(r + o) when o + r &lt; 32. */
  private static Ipv4Prefix ceIpv4Prefix(MapRule rule, Ipv4Address address) {
    int len = Math.min(32, rule.ipv4Prefix().length() + rule.eaBitLength());
    return Ipv4Prefix.containing(address, len);
  }
}
