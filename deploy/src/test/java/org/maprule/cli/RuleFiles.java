package org.maprule.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/** Rule sets written to files for the tool-command tests. */
final class RuleFiles {
  private RuleFiles() {}

  /** The built-in example rule set (2 domains, 3 rules). */
  static RuleSet example() {
    return RuleSetLoader.example().ruleSet();
  }

  /** Writes {@code ruleSet} to {@code dir/name} in {@code format}. */
  static Path write(Path dir, String name, RuleSet ruleSet, RuleSetFormat format) {
    try {
      return Files.write(dir.resolve(name), format.write(ruleSet));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code ruleSet} natively to {@code dir/name}. */
  static Path write(Path dir, String name, RuleSet ruleSet) {
    return write(dir, name, ruleSet, RuleSetFormat.NATIVE);
  }

  /** {@code ruleSet} with rule {@code rule} of domain {@code domain} replaced by {@code change(rule)}. */
  static RuleSet withRule(RuleSet ruleSet, int domain, int rule, UnaryOperator<MapRule> change) {
    return withDomain(ruleSet, domain, d -> {
      List<MapRule> rules = new ArrayList<>(d.rules());
      rules.set(rule, change.apply(rules.get(rule)));
      return new Domain(d.name(), d.brIpv6Address(), d.interfaceIdFormat(), d.endUserPrefixLength(), rules);
    });
  }

  /** {@code ruleSet} with domain {@code domain} replaced by {@code change(domain)}. */
  static RuleSet withDomain(RuleSet ruleSet, int domain, UnaryOperator<Domain> change) {
    List<Domain> domains = new ArrayList<>(ruleSet.domains());
    domains.set(domain, change.apply(domains.get(domain)));
    return new RuleSet(ruleSet.ttl(), ruleSet.enablerName(), ruleSet.serviceName(), ruleSet.ispName(), domains);
  }

  /** {@code ruleSet} with only domain {@code domain}. */
  static RuleSet only(RuleSet ruleSet, int domain) {
    return new RuleSet(ruleSet.ttl(), ruleSet.enablerName(), ruleSet.serviceName(), ruleSet.ispName(),
        List.of(ruleSet.domains().get(domain)));
  }

  /** {@code rule} with PSID offset {@code a}. */
  static MapRule offset(MapRule rule, int a) {
    return new MapRule(rule.ipv6Prefix(), rule.ipv4Prefix(), rule.eaBitLength(), a);
  }
}
