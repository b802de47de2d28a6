package org.maprule.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.maprule.ErrorCode;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.MapRule;

/**
 * The checks that compare rules across the whole rule set (docs/domain.md §7): overlapping IPv6 rule
 * prefixes with different mappings, redundant rules, overlapping IPv4 rule prefixes.
 *
 * <p>Both sweeps sort the rules by prefix (address, then shorter first) and walk them once with a
 * stack of the prefixes enclosing the current one: two prefixes overlap exactly when one contains
 * the other, and every rule whose prefix contains the current one is on the stack. The cost is
 * O(n log n) plus one step per overlapping pair reported.
 */
final class OverlapChecks {
  private OverlapChecks() {}

  /**
   * Runs both sweeps and adds each pair's violation to the later rule's list.
   *
   * @param rules every rule of the set, indexed by {@link LocatedRule#order()}
   * @param out per rule (same index), where its violations go
   */
  static void check(List<LocatedRule> rules, List<List<Violation>> out) {
    Set<Long> redundant = new HashSet<>();
    List<Found> found = new ArrayList<>();
    sweep(rules, LocatedRule::ipv6, Ipv6Prefix::contains, (earlier, later) -> {
      Violation v = ipv6Pair(earlier, later);
      if (v.code() == ErrorCode.REDUNDANT_RULE) {
        redundant.add(pairKey(earlier, later));
      }
      found.add(new Found(later.order(), 0, earlier.order(), v));
    });
    sweep(rules, LocatedRule::ipv4, Ipv4Prefix::contains, (earlier, later) -> {
      if (!redundant.contains(pairKey(earlier, later))) {
        found.add(new Found(later.order(), 1, earlier.order(), ipv4Pair(earlier, later)));
      }
    });
    // per later rule: IPv6 findings before IPv4 ones, each in the earlier rule's file order
    found.sort(Comparator.comparingInt(Found::later).thenComparingInt(Found::sweep)
        .thenComparingInt(Found::earlier));
    for (Found f : found) {
      out.get(f.later()).add(f.violation());
    }
  }

  /** One pair finding: the rules' file orders, which sweep (0 IPv6, 1 IPv4), the violation. */
  private record Found(int later, int sweep, int earlier, Violation violation) {}

  private interface PairSink {
    void accept(LocatedRule earlier, LocatedRule later);
  }

  /**
   * Calls {@code sink} once for every pair of rules whose prefixes (by {@code key}) overlap, with
   * the earlier rule in file order first.
   */
  private static <P extends Comparable<P>> void sweep(List<LocatedRule> rules,
      Function<LocatedRule, P> key, BiPredicate<P, P> contains, PairSink sink) {
    List<LocatedRule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(key).thenComparingInt(LocatedRule::order));
    Deque<LocatedRule> enclosing = new ArrayDeque<>();
    for (LocatedRule current : sorted) {
      P p = key.apply(current);
      while (!enclosing.isEmpty() && !contains.test(key.apply(enclosing.peek()), p)) {
        enclosing.pop();
      }
      // iterate from the outermost (bottom) to the innermost (top) enclosing prefix
      var it = enclosing.descendingIterator();
      while (it.hasNext()) {
        LocatedRule other = it.next();
        if (other.order() < current.order()) {
          sink.accept(other, current);
        } else {
          sink.accept(current, other);
        }
      }
      enclosing.push(current);
    }
  }

  private static long pairKey(LocatedRule x, LocatedRule y) {
    return ((long) Math.min(x.order(), y.order()) << 32) | Math.max(x.order(), y.order());
  }

  /** The violation for two rules whose IPv6 prefixes overlap. */
  private static Violation ipv6Pair(LocatedRule earlier, LocatedRule later) {
    String field = later.path("ipv6Prefix");
    String value = later.rule().ipv6Prefix().toString();
    if (earlier.domain() == later.domain()) {
      if (earlier.rule().equals(later.rule())) {
        return Violation.warning(ErrorCode.REDUNDANT_RULE, field, value, field + " " + value
            + " repeats " + earlier.describe() + " exactly: one of the two is redundant");
      }
      MapRule first = earlier.rule();
      MapRule second = later.rule();
      boolean earlierShorter = first.ipv6Prefix().length() < second.ipv6Prefix().length();
      MapRule shorter = earlierShorter ? first : second;
      MapRule longer = earlierShorter ? second : first;
      if (nestedEquivalent(shorter, longer)) {
        return Violation.warning(ErrorCode.REDUNDANT_RULE, field, value, field + " " + value
            + (earlierShorter ? " lies inside " : " contains ") + earlier.describe()
            + " and gives the same IPv4 address, PSID and port set for every End-user prefix"
            + " inside " + longer.ipv6Prefix() + ": one of the two is redundant");
      }
    }
    String where = earlier.domain() == later.domain() ? "" : " in another domain";
    String relation = earlier.rule().ipv6Prefix().equals(later.rule().ipv6Prefix())
        ? " is the same prefix as " : " overlaps ";
    return Violation.error(ErrorCode.IPV6_RULE_OVERLAP, field, value, field + " " + value
        + relation + earlier.describe() + where + " with a different mapping: longest match would"
        + " silently pick one for End-user prefixes inside "
        + longerOf(earlier.rule().ipv6Prefix(), later.rule().ipv6Prefix()));
  }

  private static Ipv6Prefix longerOf(Ipv6Prefix x, Ipv6Prefix y) {
    return x.length() >= y.length() ? x : y;
  }

  /** The violation for two rules whose IPv4 prefixes overlap. */
  private static Violation ipv4Pair(LocatedRule earlier, LocatedRule later) {
    String field = later.path("ipv4Prefix");
    String value = later.rule().ipv4Prefix().toString();
    String relation = earlier.rule().ipv4Prefix().equals(later.rule().ipv4Prefix())
        ? " is the same prefix as the IPv4 prefix of " : " overlaps the IPv4 prefix of ";
    return Violation.error(ErrorCode.IPV4_RULE_OVERLAP, field, value, field + " " + value
        + relation + earlier.describe() + ": CEs of both rules would get the same IPv4 address"
        + " and PSID");
  }

  /**
   * Whether {@code longer} (whose IPv6 prefix lies strictly inside {@code shorter}'s) gives the
   * same result as {@code shorter} for every End-user prefix inside it: the same n + o, a and k,
   * and {@code shorter}'s IPv4 mapping of the bits {@code longer} fixes past {@code shorter}'s
   * prefix is {@code longer}'s IPv4 prefix. Those bits must lie within the IPv4-suffix part of
   * {@code shorter}'s EA bits (RFC 7597 §5.2), so r2 = r1 + (n2 - n1) ≤ 32. Safe on any values.
   */
  static boolean nestedEquivalent(MapRule shorter, MapRule longer) {
    int n1 = shorter.ipv6Prefix().length();
    int n2 = longer.ipv6Prefix().length();
    int r1 = shorter.ipv4Prefix().length();
    int r2 = longer.ipv4Prefix().length();
    int extra = n2 - n1;
    if (extra <= 0 || extra > 32 - r1 || r2 != r1 + extra
        || (long) n1 + shorter.eaBitLength() != (long) n2 + longer.eaBitLength()
        || shorter.psidOffset() != longer.psidOffset()
        || shorter.psidLength() != longer.psidLength()) {
      return false;
    }
    long bits = longer.ipv6Prefix().address().bits(n1, extra);
    long expected = shorter.ipv4Prefix().address().toLong() | (bits << (32 - r2));
    return expected == longer.ipv4Prefix().address().toLong();
  }
}
