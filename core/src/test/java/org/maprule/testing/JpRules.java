package org.maprule.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published Japanese rule tables in {@code ../shared/data/jp-rules.json} (never copied into
 * the project), as rule sets: one per provider, one draft03 domain per (provider, BR), End-user
 * prefix length 56. Tests that use it are skipped, visibly, when the file is absent.
 */
public final class JpRules {
  /** One row of the file. */
  public record Row(String provider, String br, MapRule rule) {}

  private static List<Row> rows;

  private JpRules() {}

  /** The data file: system property {@code maprule.sharedData} (set by Surefire), else ../shared/data. */
  public static Path file() {
    String dir = System.getProperty("maprule.sharedData");
    List<Path> candidates = new ArrayList<>();
    if (dir != null) {
      candidates.add(Path.of(dir, "jp-rules.json"));
    }
    candidates.add(Path.of("..", "shared", "data", "jp-rules.json"));
    candidates.add(Path.of("..", "..", "shared", "data", "jp-rules.json"));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** Skips the calling test (reported as skipped, with the reason) when the data is absent. */
  public static void assumePresent() {
    Assumptions.assumeTrue(file() != null,
        "SKIPPED: ../shared/data/jp-rules.json is absent; real-data test not run");
  }

  /** Every row, in file order. Calls {@link #assumePresent()}. */
  public static synchronized List<Row> rows() {
    assumePresent();
    if (rows == null) {
      try {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readAllBytes(file()));
        List<Row> out = new ArrayList<>();
        for (JsonNode r : root.get("rules")) {
          MapRule rule = new MapRule(
              Ipv6Prefix.of(Ipv6Address.parse(r.get("ipv6Prefix").asString()), r.get("ipv6PrefixLength").asInt()),
              Ipv4Prefix.of(Ipv4Address.parse(r.get("ipv4Prefix").asString()), r.get("ipv4PrefixLength").asInt()),
              r.get("eaBitLength").asInt(), r.get("psidOffset").asInt());
          out.add(new Row(r.get("provider").asString(), r.get("brIpv6Address").asString(), rule));
        }
        rows = List.copyOf(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  /** Provider names in file order: JPNE, BIGLOBE, OCN, NURO. */
  public static List<String> providers() {
    return rows().stream().map(Row::provider).distinct().toList();
  }

  /** The rules of one provider. */
  public static List<MapRule> rules(String provider) {
    return rows().stream().filter(r -> r.provider().equals(provider)).map(Row::rule).toList();
  }

  /**
   * One provider's table as a rule set: one draft03 domain per BR (named {@code PROVIDER} or
   * {@code PROVIDER-2}, … for further BRs), End-user prefix length 56, ttl 86400.
   */
  public static RuleSet ruleSet(String provider) {
    Map<String, List<MapRule>> byBr = new LinkedHashMap<>();
    for (Row r : rows()) {
      if (r.provider().equals(provider)) {
        byBr.computeIfAbsent(r.br(), k -> new ArrayList<>()).add(r.rule());
      }
    }
    List<Domain> domains = new ArrayList<>();
    int i = 1;
    for (Map.Entry<String, List<MapRule>> e : byBr.entrySet()) {
      domains.add(new Domain(i == 1 ? provider : provider + "-" + i, Ipv6Address.parse(e.getKey()),
          InterfaceIdFormat.DRAFT03, OptionalInt.of(56), e.getValue()));
      i++;
    }
    return RuleSet.of(86400, domains);
  }

  /**
   * Every provider's table in one rule set: the domains of {@link #ruleSet} for each provider in
   * {@link #providers()} order, ttl 86400. Calls {@link #assumePresent()}.
   */
  public static RuleSet allProviders() {
    List<Domain> domains = new ArrayList<>();
    for (String p : providers()) {
      domains.addAll(ruleSet(p).domains());
    }
    return RuleSet.of(86400, domains);
  }
}
