package org.maprule.diff;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

/**
 * Not a test: a timing main for {@link RuleSetDiff#diff} on the published OCN table (and all JP
 * tables), reporting time per diff and bytes allocated per diff after warm-up. Run from the
 * repository root:
 *
 * <pre>
 * mvn -q -o test-compile -pl core
 * mvn -q -o dependency:build-classpath -pl core -Dmdep.outputFile=/tmp/cp.txt
 * java -cp core/target/test-classes:core/target/classes:$(cat /tmp/cp.txt) org.maprule.diff.DiffCost
 * </pre>
 */
public final class DiffCost {
  private DiffCost() {}

  /**
   * Runs the measurements and prints one line per case.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    RuleSet ocn = JpRules.ruleSet("OCN");
    List<Domain> all = new ArrayList<>();
    for (String p : JpRules.providers()) {
      all.addAll(JpRules.ruleSet(p).domains());
    }
    RuleSet jp = RuleSet.of(86400, all);
    System.out.printf("OCN: %d rules; all JP: %d rules; %s%n", ocn.ruleCount(), jp.ruleCount(),
        Runtime.version());
    run("OCN vs itself", ocn, ocn);
    run("OCN, one rule's PSID offset 6 -> 4", ocn, edit(ocn, 80, r -> new MapRule(r.ipv6Prefix(), r.ipv4Prefix(),
        r.eaBitLength(), 4)));
    run("OCN, every rule's PSID offset 6 -> 4", ocn, map(ocn, r -> new MapRule(r.ipv6Prefix(), r.ipv4Prefix(),
        r.eaBitLength(), 4)));
    run("OCN, one rule removed", ocn, remove(ocn, 80));
    run("OCN, every rule split into equivalent halves", ocn, split(ocn));
    run("OCN, every rule's EA bits moved (r - 1, o + 1)", ocn, map(ocn, r -> new MapRule(r.ipv6Prefix(),
        Ipv4Prefix.containing(r.ipv4Prefix().address(), r.ipv4Prefix().length() - 1), r.eaBitLength() + 1,
        r.psidOffset())));
    run("all JP vs itself", jp, jp);
  }

  private static void run(String name, RuleSet a, RuleSet b) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    RuleSetDiff d = null;
    for (int i = 0; i < 200; i++) {
      d = RuleSetDiff.diff(a, b); // warm-up
    }
    int rounds = 0;
    long t0 = System.nanoTime();
    long a0 = threads.getThreadAllocatedBytes(tid);
    while (System.nanoTime() - t0 < 2_000_000_000L) {
      d = RuleSetDiff.diff(a, b);
      rounds++;
    }
    long a1 = threads.getThreadAllocatedBytes(tid);
    long t1 = System.nanoTime();
    int ranges = d.ruleChanges().stream().mapToInt(c -> c.ranges().size()).sum();
    System.out.printf("%-48s %9.1f us/diff %10.1f KiB allocated/diff  %d rule changes, %d ranges, %s CEs%n",
        name, (t1 - t0) / 1e3 / rounds, (a1 - a0) / 1024.0 / rounds, d.ruleChanges().size(), ranges,
        d.affectedEndUserPrefixes());
  }

  private static RuleSet map(RuleSet rs, UnaryOperator<MapRule> f) {
    List<Domain> ds = new ArrayList<>();
    for (Domain d : rs.domains()) {
      ds.add(new Domain(d.name(), d.brIpv6Address(), d.interfaceIdFormat(), d.endUserPrefixLength(),
          d.rules().stream().map(f).toList()));
    }
    return RuleSet.of(rs.ttl(), ds);
  }

  private static RuleSet edit(RuleSet rs, int index, UnaryOperator<MapRule> f) {
    Domain d = rs.domains().get(0);
    List<MapRule> rules = new ArrayList<>(d.rules());
    rules.set(index, f.apply(rules.get(index)));
    return RuleSet.of(rs.ttl(), List.of(new Domain(d.name(), d.brIpv6Address(), d.interfaceIdFormat(),
        d.endUserPrefixLength(), rules)));
  }

  private static RuleSet remove(RuleSet rs, int index) {
    Domain d = rs.domains().get(0);
    List<MapRule> rules = new ArrayList<>(d.rules());
    rules.remove(index);
    return RuleSet.of(rs.ttl(), List.of(new Domain(d.name(), d.brIpv6Address(), d.interfaceIdFormat(),
        d.endUserPrefixLength(), rules)));
  }

  private static RuleSet split(RuleSet rs) {
    Domain d = rs.domains().get(0);
    List<MapRule> rules = new ArrayList<>();
    for (MapRule r : d.rules()) {
      int n = r.ipv6Prefix().length();
      int v4 = r.ipv4Prefix().length();
      for (int half = 0; half < 2; half++) {
        rules.add(new MapRule(Ipv6Prefix.of(r.ipv6Prefix().address().withBits(n, 1, half), n + 1),
            Ipv4Prefix.of(Ipv4Address.of(r.ipv4Prefix().address().toInt() | (half << (31 - v4))),
                v4 + 1), r.eaBitLength() - 1, r.psidOffset()));
      }
    }
    return RuleSet.of(rs.ttl(), List.of(new Domain(d.name(), d.brIpv6Address(), d.interfaceIdFormat(),
        d.endUserPrefixLength(), rules)));
  }
}
