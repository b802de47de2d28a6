package org.maprule.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.maprule.json.Json;
import org.maprule.json.JsonWriter;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * What changes for CEs between two rule sets: the answer to "who is affected if we publish
 * this?".
 *
 * <p><b>What "changed" means.</b> A CE is identified by its End-user prefix. Its CE-visible
 * values are, on each side, those derived from the prefix by its BMR (the longest-matching Rule
 * IPv6 prefix over all domains, RFC 7597 §5) and the BMR's domain: whether it is mapped at all,
 * its IPv4 address or prefix, PSID and PSID length, port set (a, k, PSID), MAP IPv6 address
 * (IPv4 and PSID fields, interface-id layout, End-user prefix length) and BR. An End-user prefix
 * is changed when at least one of those differs ({@link Change} says which). Rewriting a rule
 * into an equivalent form (nesting, splitting, a PSID offset where k = 0) is no change; renaming
 * a domain is a {@link DomainChange} but no CE changes. TTL and names are not compared.
 *
 * <p><b>Ranges and counts.</b> Changed End-user prefixes are reported as runs per (old BMR, new
 * BMR) pair. A run's End-user prefix length is the longest of: the old BMR's n + o (or its
 * domain's End-user prefix length when longer), the new BMR's, and the length of the aligned
 * block the run was found in (when one side's rule prefixes lie inside the other's End-user
 * prefixes, a CE's prefix is only partly affected; it is then counted at that finer length).
 * Counts are exact {@link BigInteger}s, up to 2^128. Every CE of an exact range changes; where
 * some values change for only part of a range's CEs they are listed as partial changes.
 *
 * <p><b>How.</b> By intervals, never by enumerating CEs: see the package-private engine. Work
 * is O(rules · depth) blocks plus, only where old and new mappings agree for some CEs of a block
 * and differ for others, a refinement of the block by halves, bounded at 4096 pieces per block;
 * beyond that the undecided rest is reported with {@code exact = false}. (Example: an EA-bits
 * length change 16 to 18 with the IPv4 prefix widened /24 to /22 changes every CE of the rule but
 * one, found in 36 pieces.)
 *
 * @param domainChanges changes of domain settings, old domains then new-only ones, by name
 *     (immutable copy)
 * @param ruleChanges changed End-user prefixes grouped per (old BMR, new BMR), in address order
 *     of their first range (immutable copy)
 */
public record RuleSetDiff(List<DomainChange> domainChanges, List<RuleChange> ruleChanges) {
  /** Copies the lists. */
  public RuleSetDiff {
    domainChanges = List.copyOf(domainChanges);
    ruleChanges = List.copyOf(ruleChanges);
  }

  /**
   * Compares two rule sets.
   *
   * @param oldSet the rule set now served; should be valid (with overlapping rules of different
   *     mappings the BMR of a region is the first longest match in file order)
   * @param newSet the rule set to be served
   * @return the differences; {@link #isEmpty()} when no CE and no domain setting changes
   * @throws org.maprule.MapruleException {@code EA_BITS_OUT_OF_RANGE}, {@code EA_BITS_EXCEED_IPV6}
   *     or {@code PSID_LENGTH_TOO_LONG} for a rule no CE could use (o outside 0..48, n + o &gt; 128,
   *     k &gt; 16): validate first
   */
  public static RuleSetDiff diff(RuleSet oldSet, RuleSet newSet) {
    Objects.requireNonNull(oldSet, "oldSet");
    Objects.requireNonNull(newSet, "newSet");
    return new RuleSetDiff(domainChanges(oldSet, newSet), DiffEngine.ruleChanges(oldSet, newSet));
  }

  private static List<DomainChange> domainChanges(RuleSet oldSet, RuleSet newSet) {
    Map<String, Domain> olds = byName(oldSet);
    Map<String, Domain> news = byName(newSet);
    List<DomainChange> out = new ArrayList<>();
    for (Domain o : olds.values()) {
      Domain n = news.get(o.name());
      if (n == null) {
        out.add(new DomainChange(o.name(), DomainChange.Kind.REMOVED, o.name(), null));
        continue;
      }
      String ob = Objects.toString(o.brIpv6Address(), null);
      String nb = Objects.toString(n.brIpv6Address(), null);
      if (!Objects.equals(ob, nb)) {
        out.add(new DomainChange(o.name(), DomainChange.Kind.BR, ob, nb));
      }
      if (o.interfaceIdFormat() != n.interfaceIdFormat()) {
        out.add(new DomainChange(o.name(), DomainChange.Kind.INTERFACE_ID_FORMAT, o.interfaceIdFormat().wireName(),
            n.interfaceIdFormat().wireName()));
      }
      if (!o.endUserPrefixLength().equals(n.endUserPrefixLength())) {
        out.add(new DomainChange(o.name(), DomainChange.Kind.END_USER_PREFIX_LENGTH,
            o.endUserPrefixLength().isPresent() ? String.valueOf(o.endUserPrefixLength().getAsInt()) : null,
            n.endUserPrefixLength().isPresent() ? String.valueOf(n.endUserPrefixLength().getAsInt()) : null));
      }
    }
    for (Domain n : news.values()) {
      if (!olds.containsKey(n.name())) {
        out.add(new DomainChange(n.name(), DomainChange.Kind.ADDED, null, n.name()));
      }
    }
    return out;
  }

  private static Map<String, Domain> byName(RuleSet rs) {
    Map<String, Domain> m = new LinkedHashMap<>();
    for (Domain d : rs.domains()) {
      m.putIfAbsent(d.name(), d);
    }
    return m;
  }

  /** Whether nothing changes: no domain setting and no CE. */
  public boolean isEmpty() {
    return domainChanges.isEmpty() && ruleChanges.isEmpty();
  }

  /** The number of changed End-user prefixes over all rule changes (each at its run's length). */
  public BigInteger affectedEndUserPrefixes() {
    BigInteger sum = BigInteger.ZERO;
    for (RuleChange c : ruleChanges) {
      sum = sum.add(c.count());
    }
    return sum;
  }

  /**
   * The diff as one JSON object written by the one codec ({@link Json#write}: UTF-8, fixed field
   * order, no whitespace, no trailing newline, U+2028/U+2029 escaped):
   * <pre>{@code
   * {"empty":false,"affectedEndUserPrefixes":65536,
   *  "domainChanges":[{"domain":"d","change":"BR","old":"2001:db8::1","new":"2001:db8::2"}],
   *  "ruleChanges":[{"old":{"domain":"d","index":0,"ipv6Prefix":"2001:db8::/40","ipv4Prefix":"192.0.2.0/24",
   *     "eaBitLength":16,"psidOffset":6},"new":{…}|null,"changes":["PORT_SET"],"endUserPrefixes":65536,
   *     "exact":true,"ranges":[{"first":"2001:db8::/56","last":"2001:db8:ff:ff00::/56",
   *     "endUserPrefixLength":56,"count":65536,"changes":["PORT_SET"],"partialChanges":[],"exact":true}]}]}
   * }</pre>
   * A rule change's {@code changes} is every change of any of its ranges, total or partial.
   * Counts are JSON integers of any size (up to 2^128: a reader in JavaScript needs a big-integer
   * parse for counts past 2^53). {@code old}/{@code new} are null for added and removed prefixes;
   * domain values are null when absent.
   *
   * @return the bytes
   */
  public byte[] toJson() {
    return Json.write(w -> {
      w.beginObject()
          .field("empty", isEmpty())
          .field("affectedEndUserPrefixes", affectedEndUserPrefixes())
          .name("domainChanges").beginArray();
      for (DomainChange d : domainChanges) {
        w.beginObject()
            .field("domain", d.domain())
            .field("change", d.kind().name())
            .field("old", d.oldValue())
            .field("new", d.newValue())
            .endObject();
      }
      w.endArray().name("ruleChanges").beginArray();
      for (RuleChange c : ruleChanges) {
        w.beginObject();
        writeRule(w, "old", c.oldRule());
        writeRule(w, "new", c.newRule());
        writeChanges(w, "changes", c.changes());
        w.field("endUserPrefixes", c.count())
            .field("exact", c.exact())
            .name("ranges").beginArray();
        for (PrefixRange r : c.ranges()) {
          w.beginObject()
              .field("first", r.first().toString())
              .field("last", r.last().toString())
              .field("endUserPrefixLength", r.endUserPrefixLength())
              .field("count", r.count());
          writeChanges(w, "changes", r.changes());
          writeChanges(w, "partialChanges", r.partialChanges());
          w.field("exact", r.exact()).endObject();
        }
        w.endArray().endObject();
      }
      w.endArray().endObject();
    });
  }

  private static void writeRule(JsonWriter w, String name, RuleRef ref) {
    w.name(name);
    if (ref == null) {
      w.nullValue();
      return;
    }
    MapRule r = ref.rule();
    w.beginObject()
        .field("domain", ref.domain())
        .field("index", ref.index())
        .field("ipv6Prefix", r.ipv6Prefix().toString())
        .field("ipv4Prefix", r.ipv4Prefix().toString())
        .field("eaBitLength", r.eaBitLength())
        .field("psidOffset", r.psidOffset())
        .endObject();
  }

  private static void writeChanges(JsonWriter w, String name, Set<Change> changes) {
    w.name(name).beginArray();
    for (Change c : Change.values()) {
      if (changes.contains(c)) {
        w.value(c.name());
      }
    }
    w.endArray();
  }

  /**
   * The diff for people, one item per line, ending with a newline. Example:
   * <pre>
   * 1 domain change(s), 1 rule change(s), 65536 End-user prefix(es) affected
   * domain example: BR 2001:db8:ffff::1 -&gt; 2001:db8:ffff::2
   * example[0] 2001:db8::/40 -&gt; 192.0.2.0/24 ea 16 offset 6
   *   =&gt; example[0] 2001:db8::/40 -&gt; 192.0.2.0/24 ea 16 offset 6: 65536 End-user prefix(es), BR
   *   2001:db8::/56 .. 2001:db8:ff:ff00::/56 (65536) BR
   * </pre>
   * A range lists the changes of all its CEs, then {@code for some:} the partial ones; a range
   * marked {@code (not refined: some may not change)} is not exact (see {@link PrefixRange#exact()}).
   *
   * @return the text; {@code "no changes\n"} when empty
   */
  public String toText() {
    if (isEmpty()) {
      return "no changes\n";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(domainChanges.size()).append(" domain change(s), ").append(ruleChanges.size())
        .append(" rule change(s), ").append(affectedEndUserPrefixes()).append(" End-user prefix(es) affected\n");
    for (DomainChange d : domainChanges) {
      sb.append("domain ").append(d.domain()).append(": ");
      switch (d.kind()) {
        case ADDED -> sb.append("added");
        case REMOVED -> sb.append("removed");
        default -> sb.append(d.kind().name()).append(' ').append(orNone(d.oldValue())).append(" -> ")
            .append(orNone(d.newValue()));
      }
      sb.append('\n');
    }
    for (RuleChange c : ruleChanges) {
      sb.append(c.oldRule() == null ? "(no rule)" : c.oldRule().toString()).append('\n');
      sb.append("  => ").append(c.newRule() == null ? "(no rule)" : c.newRule().toString()).append(": ")
          .append(c.count()).append(" End-user prefix(es), ").append(names(c.changes())).append('\n');
      for (PrefixRange r : c.ranges()) {
        sb.append("  ").append(r.first());
        if (!r.first().equals(r.last())) {
          sb.append(" .. ").append(r.last());
        }
        sb.append(" (").append(r.count()).append(") ").append(names(r.changes()));
        if (!r.partialChanges().isEmpty()) {
          sb.append(r.changes().isEmpty() ? "" : "; ").append("for some: ").append(names(r.partialChanges()));
        }
        if (!r.exact()) {
          sb.append(" (not refined: some may not change)");
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String orNone(String s) {
    return s == null ? "(none)" : s;
  }

  private static String names(Set<Change> changes) {
    return changes.stream().sorted().map(Change::name).collect(Collectors.joining(", "));
  }
}
