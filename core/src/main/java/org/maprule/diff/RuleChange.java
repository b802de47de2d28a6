package org.maprule.diff;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The End-user prefixes whose BMR is {@code oldRule} in the old rule set and {@code newRule} in
 * the new one, and whose CEs change.
 *
 * @param oldRule the old BMR, or null where the prefixes were unmapped ({@link Change#ADDED})
 * @param newRule the new BMR, or null where they become unmapped ({@link Change#REMOVED})
 * @param ranges the changed runs in address order, not empty (immutable copy)
 */
public record RuleChange(RuleRef oldRule, RuleRef newRule, List<PrefixRange> ranges) {
  /** Copies the list and checks it is not empty. */
  public RuleChange {
    ranges = List.copyOf(ranges);
    if (ranges.isEmpty() || (oldRule == null && newRule == null)) {
      throw new IllegalArgumentException("a rule change needs a rule and at least one range");
    }
  }

  /** Every change of any range, for all or some of its End-user prefixes, in {@link Change} order (unmodifiable). */
  public Set<Change> changes() {
    EnumSet<Change> all = EnumSet.noneOf(Change.class);
    for (PrefixRange r : ranges) {
      all.addAll(r.changes());
      all.addAll(r.partialChanges());
    }
    return Collections.unmodifiableSet(all);
  }

  /** The number of End-user prefixes over all ranges (each counted at its own length). */
  public BigInteger count() {
    BigInteger sum = BigInteger.ZERO;
    for (PrefixRange r : ranges) {
      sum = sum.add(r.count());
    }
    return sum;
  }

  /** Whether every range is exact. */
  public boolean exact() {
    return ranges.stream().allMatch(PrefixRange::exact);
  }
}
