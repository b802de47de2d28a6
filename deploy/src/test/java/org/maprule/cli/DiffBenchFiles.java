package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.maprule.addr.Ipv6Address;
import org.maprule.format.RuleSetFormat;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

/**
 * Writes the input files of the {@code maprule diff} benchmark (docs/benchmarks.md) — not part of
 * the normal test run (its name matches no Surefire pattern, and it needs the property):
 * <pre>
 * ./mvnw -o test -pl deploy -Dtest=DiffBenchFiles -Dmaprule.diffBench.dir=/tmp/diffbench
 * </pre>
 * Files, all native: {@code ocn.json} (the published OCN table, 160 rules), {@code ocn-one.json}
 * (rule 80 with PSID offset 4 instead of 6), {@code ocn-all.json} (every rule so), {@code
 * ocn-br.json} (another BR). Each is checked with {@code maprule validate}.
 */
class DiffBenchFiles {
  @Test
  @EnabledIfSystemProperty(named = "maprule.diffBench.dir", matches = ".+")
  void write() throws Exception {
    Path dir = Files.createDirectories(Path.of(System.getProperty("maprule.diffBench.dir")));
    RuleSet ocn = JpRules.ruleSet("OCN");
    write(dir, "ocn.json", ocn);
    write(dir, "ocn-one.json", map(ocn, (i, r) -> i == 80 ? RuleFiles.offset(r, 4) : r, null));
    write(dir, "ocn-all.json", map(ocn, (i, r) -> RuleFiles.offset(r, 4), null));
    write(dir, "ocn-br.json", map(ocn, (i, r) -> r, Ipv6Address.parse("2001:380:a120::99")));
  }

  private static void write(Path dir, String name, RuleSet ruleSet) {
    Path f = RuleFiles.write(dir, name, ruleSet, RuleSetFormat.NATIVE);
    Cli.Result r = Cli.run("validate", "--rules", f.toString());
    assertThat(r.exit()).as(r.out()).isZero();
  }

  /** Every rule through {@code change(index over the whole set, rule)}; the BR replaced when given. */
  private static RuleSet map(RuleSet rs, BiFunction<Integer, MapRule, MapRule> change, Ipv6Address br) {
    List<Domain> domains = new ArrayList<>();
    int i = 0;
    for (Domain d : rs.domains()) {
      List<MapRule> rules = new ArrayList<>();
      for (MapRule r : d.rules()) {
        rules.add(change.apply(i++, r));
      }
      domains.add(new Domain(d.name(), br == null ? d.brIpv6Address() : br, d.interfaceIdFormat(),
          d.endUserPrefixLength(), rules));
    }
    return new RuleSet(rs.ttl(), rs.enablerName(), rs.serviceName(), rs.ispName(), domains);
  }
}
