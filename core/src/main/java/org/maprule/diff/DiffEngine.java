package org.maprule.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * The interval computation behind {@link RuleSetDiff#diff}.
 *
 * <p>Step 1, blocks: the Rule IPv6 prefixes of both rule sets are walked as one binary trie;
 * every maximal aligned prefix that contains no rule prefix of either side strictly inside it is
 * a block, on which each side's BMR (longest match) is constant. That is at most (rules ·
 * depth) blocks, never one per CE.
 *
 * <p>Step 2, per block: with the old and new BMR fixed, each CE-visible value is a function of
 * the End-user prefix's bits ({@link Side}). For each {@link Change} the two functions are
 * compared position by position: constant against different constant means every CE of the block
 * changes; identical sources everywhere mean none does; otherwise the equalities the CE's bits
 * would need are solved with a union-find to tell "some" from "all". A piece where some change
 * holds for all its CEs is reported (the changes that hold for only some of them as partial). A
 * piece where no change holds for all CEs but some for part of them is split in two on its next
 * bit and each half judged again, until it is decided or {@link #BUDGET} pieces have been judged
 * for the block (the rest is then reported with {@code exact = false}: maybe not all changed).
 */
final class DiffEngine {
  /** Pieces judged per block before the rest is reported without refinement. */
  static final int BUDGET = 4096;

  private enum Status { NONE, SOME, ALL }

  private record Entry(Ipv6Prefix prefix, boolean old, Side side) {}

  private record Piece(Side old, Side neu, Ipv6Prefix first, Ipv6Prefix last, BigInteger count,
      Set<Change> changes, Set<Change> partial, boolean exact) {}

  private final List<Piece> pieces = new ArrayList<>();
  private int budget;

  static List<RuleChange> ruleChanges(RuleSet oldSet, RuleSet newSet) {
    List<Entry> entries = new ArrayList<>();
    add(entries, oldSet, true);
    add(entries, newSet, false);
    // stable: file order (old before new) among equal prefixes
    entries.sort(Comparator.comparing(Entry::prefix));
    DiffEngine engine = new DiffEngine();
    engine.walk(Ipv6Address.of(0, 0), 0, null, null, entries);
    return engine.group();
  }

  private static void add(List<Entry> out, RuleSet rs, boolean old) {
    for (Domain d : rs.domains()) {
      for (int i = 0; i < d.rules().size(); i++) {
        MapRule r = d.rules().get(i);
        out.add(new Entry(r.ipv6Prefix(), old, new Side(d, i, r)));
      }
    }
  }

  /** Depth-first over the trie of rule prefixes; {@code sub} holds the entries inside (addr, len), sorted. */
  private void walk(Ipv6Address addr, int len, Side oldBmr, Side newBmr, List<Entry> sub) {
    int i = 0;
    boolean oldHere = false;
    boolean newHere = false;
    while (i < sub.size() && sub.get(i).prefix().length() == len) {
      Entry e = sub.get(i++);
      if (e.old() && !oldHere) {
        oldBmr = e.side();
        oldHere = true;
      } else if (!e.old() && !newHere) {
        newBmr = e.side();
        newHere = true;
      }
    }
    if (i == sub.size()) {
      block(addr, len, oldBmr, newBmr);
      return;
    }
    List<Entry> rest = sub.subList(i, sub.size());
    int split = 0;
    while (split < rest.size() && rest.get(split).prefix().address().bits(len, 1) == 0) {
      split++;
    }
    walk(addr, len + 1, oldBmr, newBmr, rest.subList(0, split));
    walk(addr.withBits(len, 1, 1), len + 1, oldBmr, newBmr, rest.subList(split, rest.size()));
  }

  private void block(Ipv6Address addr, int len, Side oldBmr, Side newBmr) {
    if (oldBmr == null && newBmr == null) {
      return;
    }
    int granularity = Math.max(len, Math.max(oldBmr == null ? 0 : oldBmr.granularity,
        newBmr == null ? 0 : newBmr.granularity));
    if (oldBmr == null) {
      record(oldBmr, newBmr, addr, len, granularity, EnumSet.of(Change.ADDED), EnumSet.noneOf(Change.class), true);
      return;
    }
    if (newBmr == null) {
      record(oldBmr, newBmr, addr, len, granularity, EnumSet.of(Change.REMOVED), EnumSet.noneOf(Change.class), true);
      return;
    }
    if (oldBmr.rule.equals(newBmr.rule) && oldBmr.sameDomainSettings(newBmr)) {
      return;
    }
    budget = BUDGET;
    refine(addr, len, granularity, oldBmr, newBmr);
  }

  private void refine(Ipv6Address addr, int len, int granularity, Side o, Side n) {
    budget--;
    Map<Change, Status> s = judge(addr, len, o, n);
    EnumSet<Change> all = EnumSet.noneOf(Change.class);
    EnumSet<Change> some = EnumSet.noneOf(Change.class);
    for (Map.Entry<Change, Status> e : s.entrySet()) {
      if (e.getValue() == Status.ALL) {
        all.add(e.getKey());
      } else if (e.getValue() == Status.SOME) {
        some.add(e.getKey());
      }
    }
    if (!all.isEmpty()) {
      record(o, n, addr, len, granularity, all, some, true); // every CE here changes
      return;
    }
    if (some.isEmpty()) {
      return; // no CE here changes
    }
    if (len >= granularity || budget <= 0) {
      record(o, n, addr, len, granularity, all, some, false);
      return;
    }
    refine(addr, len + 1, granularity, o, n);
    refine(addr.withBits(len, 1, 1), len + 1, granularity, o, n);
  }

  /** Every {@link Change} judged for the CEs inside (addr, len). */
  private static Map<Change, Status> judge(Ipv6Address addr, int len, Side o, Side n) {
    Map<Change, Status> s = new EnumMap<>(Change.class);
    s.put(Change.BR, Objects.equals(o.domain.brIpv6Address(), n.domain.brIpv6Address()) ? Status.NONE : Status.ALL);
    s.put(Change.IPV4_ADDRESS, o.ipv4Length != n.ipv4Length ? Status.ALL : compare(o.ipv4, n.ipv4, addr, len));
    s.put(Change.PSID, o.psidLength != n.psidLength ? Status.ALL : compare(o.psid, n.psid, addr, len));
    Status ports;
    if (o.psidLength == 0 && n.psidLength == 0) {
      ports = Status.NONE;
    } else if (o.psidLength != n.psidLength || o.rule.psidOffset() != n.rule.psidOffset()) {
      ports = Status.ALL;
    } else {
      ports = compare(o.psid, n.psid, addr, len);
    }
    s.put(Change.PORT_SET, ports);
    boolean layout = o.domain.interfaceIdFormat() != n.domain.interfaceIdFormat()
        || !o.domain.endUserPrefixLength().equals(n.domain.endUserPrefixLength());
    s.put(Change.CE_ADDRESS, layout ? Status.ALL : compare(o.iid, n.iid, addr, len));
    return s;
  }

  /**
   * Compares two bit-source sequences over every End-user prefix inside (addr, len): NONE when
   * they give the same bits for all, ALL when for none, SOME otherwise.
   */
  static Status compare(int[] x, int[] y, Ipv6Address addr, int len) {
    int[] parent = null;
    boolean constraint = false;
    for (int i = 0; i < x.length; i++) {
      int a = resolve(x[i], addr, len);
      int b = resolve(y[i], addr, len);
      if (a == b) {
        continue;
      }
      if (a < 0 && b < 0) {
        return Status.ALL;
      }
      if (parent == null) {
        parent = new int[130];
        Arrays.setAll(parent, j -> j);
      }
      union(parent, id(a), id(b));
      constraint = true;
    }
    if (!constraint) {
      return Status.NONE;
    }
    return find(parent, 128) == find(parent, 129) ? Status.ALL : Status.SOME;
  }

  /** A source with the bits fixed by the block replaced by constants. */
  private static int resolve(int src, Ipv6Address addr, int len) {
    if (src >= 0 && src < len) {
      return addr.bits(src, 1) == 1 ? Side.ONE : Side.ZERO;
    }
    return src;
  }

  private static int id(int src) {
    return src == Side.ZERO ? 128 : src == Side.ONE ? 129 : src;
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  private static void union(int[] p, int a, int b) {
    p[find(p, a)] = find(p, b);
  }

  private void record(Side o, Side n, Ipv6Address addr, int len, int granularity, Set<Change> changes,
      Set<Change> partial, boolean exact) {
    Ipv6Address last = addr;
    for (int from = len; from < granularity; from += 64) {
      int count = Math.min(64, granularity - from);
      last = last.withBits(from, count, -1L);
    }
    pieces.add(new Piece(o, n, Ipv6Prefix.of(addr, granularity), Ipv6Prefix.of(last, granularity),
        BigInteger.ONE.shiftLeft(granularity - len), changes, partial, exact));
  }

  /** Pieces by (old BMR, new BMR) in order of first appearance; adjacent equal pieces merged. */
  private List<RuleChange> group() {
    record Key(RuleRef old, RuleRef neu) {}
    Map<Key, List<PrefixRange>> groups = new LinkedHashMap<>();
    for (Piece p : pieces) {
      Key key = new Key(p.old() == null ? null : p.old().ref, p.neu() == null ? null : p.neu().ref);
      List<PrefixRange> ranges = groups.computeIfAbsent(key, k -> new ArrayList<>());
      PrefixRange prev = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (prev != null && prev.exact() == p.exact() && prev.changes().equals(p.changes())
          && prev.partialChanges().equals(p.partial())
          && prev.endUserPrefixLength() == p.first().length() && follows(prev.last(), p.first())) {
        ranges.set(ranges.size() - 1, new PrefixRange(prev.first(), p.last(), prev.count().add(p.count()),
            prev.changes(), prev.partialChanges(), prev.exact()));
      } else {
        ranges.add(new PrefixRange(p.first(), p.last(), p.count(), p.changes(), p.partial(), p.exact()));
      }
    }
    List<RuleChange> out = new ArrayList<>();
    for (Map.Entry<Key, List<PrefixRange>> e : groups.entrySet()) {
      out.add(new RuleChange(e.getKey().old(), e.getKey().neu(), e.getValue()));
    }
    return out;
  }

  /** Whether {@code next} is the End-user prefix right after {@code last} (same length). */
  static boolean follows(Ipv6Prefix last, Ipv6Prefix next) {
    int l = last.length();
    if (l == 0 || next.length() != l) {
      return false;
    }
    long hi = last.address().high();
    long lo = last.address().low();
    long nhi;
    long nlo;
    if (l > 64) {
      nlo = lo + (1L << (128 - l));
      boolean carry = Long.compareUnsigned(nlo, lo) < 0;
      if (carry && hi == -1L) {
        return false;
      }
      nhi = carry ? hi + 1 : hi;
    } else {
      nlo = 0;
      nhi = hi + (1L << (64 - l));
      if (Long.compareUnsigned(nhi, hi) <= 0) {
        return false;
      }
    }
    return nhi == next.address().high() && nlo == next.address().low();
  }
}
