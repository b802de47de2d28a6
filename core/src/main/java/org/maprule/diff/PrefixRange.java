package org.maprule.diff;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.maprule.addr.Ipv6Prefix;

/**
 * A run of consecutive End-user prefixes of one length whose CEs change in the same way.
 *
 * @param first the first End-user prefix of the run
 * @param last the last End-user prefix of the run, same length as {@code first}
 * @param count the number of End-user prefixes (CEs) from {@code first} to {@code last}
 *     inclusive, up to 2^128
 * @param changes what changes for every End-user prefix of the run (unmodifiable, {@link Change}
 *     order)
 * @param partialChanges what changes for some End-user prefixes of the run but not for all (for
 *     example the PSID when the EA bits moved and only some CEs keep theirs); disjoint from
 *     {@code changes}
 * @param exact true when every End-user prefix of the run changes (then {@code changes} is not
 *     empty); false only when the diff stopped refining a block (a budget of pieces per block, see
 *     {@link RuleSetDiff}): then {@code changes} is empty and some End-user prefixes of the run may
 *     not change at all
 */
public record PrefixRange(Ipv6Prefix first, Ipv6Prefix last, BigInteger count, Set<Change> changes,
    Set<Change> partialChanges, boolean exact) {
  /** Checks the fields and copies the sets. */
  public PrefixRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(count, "count");
    if (first.length() != last.length()) {
      throw new IllegalArgumentException("first " + first + " and last " + last + " differ in length");
    }
    changes = copy(changes);
    partialChanges = copy(partialChanges);
  }

  private static Set<Change> copy(Set<Change> s) {
    return Collections.unmodifiableSet(s.isEmpty() ? EnumSet.noneOf(Change.class) : EnumSet.copyOf(s));
  }

  /** The End-user prefix length of the run, bits. */
  public int endUserPrefixLength() {
    return first.length();
  }
}
