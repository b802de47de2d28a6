package org.maprule.calc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * Longest-match indexes over every rule of a rule set (all domains together).
 *
 * <p>IPv6: one hash map per distinct Rule IPv6 prefix length, probed from the longest length
 * down: a look-up costs one mask and one hash probe per distinct length (a handful in real
 * tables), whatever the number of rules. A copy sorted by prefix address answers "which rules lie
 * inside this (too short) prefix". IPv4: the same per-length scheme over Rule IPv4 prefixes, for
 * the reverse look-up. When two rules have the very same prefix (a validated rule set only allows
 * this for equivalent rules) the first in file order wins. Immutable once built; thread-safe.
 */
final class BmrIndex {
  /** One indexed rule with its parameters unpacked for the hot path. */
  static final class Entry {
    final Domain domain;
    final MapRule rule;
    final RuleMatch match;
    /** n, o, r, a: bits. */
    final int n;
    final int o;
    final int r;
    final int a;
    /** k = o - (32 - r), may be negative. */
    final int k;
    /** Rule IPv4 prefix bits. */
    final int ipv4;

    Entry(Domain domain, MapRule rule) {
      this.domain = domain;
      this.rule = rule;
      this.match = new RuleMatch(domain, rule);
      this.n = rule.ipv6Prefix().length();
      this.o = rule.eaBitLength();
      this.r = rule.ipv4Prefix().length();
      this.a = rule.psidOffset();
      this.k = rule.psidLength();
      this.ipv4 = rule.ipv4Prefix().address().toInt();
    }
  }

  private record Key(long high, long low) {}

  private final int[] lengths6;
  private final Map<Key, Entry>[] byLength6;
  private final Entry[] byAddress6;
  private final int[] lengths4;
  private final Map<Integer, Entry>[] byLength4;

  @SuppressWarnings("unchecked")
  BmrIndex(RuleSet ruleSet) {
    Map<Integer, Map<Key, Entry>> six = new HashMap<>();
    Map<Integer, Map<Integer, Entry>> four = new HashMap<>();
    List<Entry> all = new ArrayList<>();
    for (Domain d : ruleSet.domains()) {
      for (MapRule rule : d.rules()) {
        Entry e = new Entry(d, rule);
        all.add(e);
        Ipv6Address p = rule.ipv6Prefix().address();
        six.computeIfAbsent(e.n, x -> new HashMap<>()).putIfAbsent(new Key(p.high(), p.low()), e);
        four.computeIfAbsent(e.r, x -> new HashMap<>()).putIfAbsent(e.ipv4, e);
      }
    }
    lengths6 = descending(six.keySet());
    byLength6 = new Map[lengths6.length];
    for (int i = 0; i < lengths6.length; i++) {
      byLength6[i] = Map.copyOf(six.get(lengths6[i]));
    }
    lengths4 = descending(four.keySet());
    byLength4 = new Map[lengths4.length];
    for (int i = 0; i < lengths4.length; i++) {
      byLength4[i] = Map.copyOf(four.get(lengths4[i]));
    }
    byAddress6 = all.toArray(new Entry[0]);
    Arrays.sort(byAddress6, Comparator.comparing((Entry e) -> e.rule.ipv6Prefix()));
  }

  private static int[] descending(java.util.Set<Integer> lengths) {
    return new TreeSet<>(lengths).descendingSet().stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The rule with the longest Rule IPv6 prefix containing the prefix {@code address}/{@code length}.
   *
   * @return the entry, or null when no rule prefix contains it
   */
  Entry longestMatch(Ipv6Address address, int length) {
    long high = address.high();
    long low = address.low();
    for (int i = 0; i < lengths6.length; i++) {
      int n = lengths6[i];
      if (n > length) {
        continue;
      }
      Entry e = byLength6[i].get(new Key(maskHigh(high, n), maskLow(low, n)));
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** The rule with the longest Rule IPv4 prefix containing {@code address}, or null. */
  Entry longestMatch(Ipv4Address address) {
    int bits = address.toInt();
    for (int i = 0; i < lengths4.length; i++) {
      int r = lengths4[i];
      Entry e = byLength4[i].get(r == 0 ? 0 : bits & (-1 << (32 - r)));
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** Every rule whose Rule IPv6 prefix lies strictly inside {@code prefix} (is longer), in address order. */
  List<Entry> inside(Ipv6Prefix prefix) {
    // rules inside the prefix have addresses in [prefix.address, last address of prefix]:
    // find the first rule at or after prefix.address, then walk while still inside
    int lo = 0;
    int hi = byAddress6.length;
    Ipv6Address start = prefix.address();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (byAddress6[mid].rule.ipv6Prefix().address().compareTo(start) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<Entry> out = new ArrayList<>();
    for (int i = lo; i < byAddress6.length; i++) {
      Ipv6Prefix p = byAddress6[i].rule.ipv6Prefix();
      if (!prefix.contains(p.address())) {
        break;
      }
      if (p.length() > prefix.length()) {
        out.add(byAddress6[i]);
      }
    }
    return out;
  }

  /** The high 64 bits of an address kept to {@code length} bits (0..128). */
  static long maskHigh(long high, int length) {
    return length >= 64 ? high : length == 0 ? 0 : high & (-1L << (64 - length));
  }

  /** The low 64 bits of an address kept to {@code length} bits (0..128). */
  static long maskLow(long low, int length) {
    return length <= 64 ? 0 : length == 128 ? low : low & (-1L << (128 - length));
  }
}
