package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.format.RuleSetFormat;
import org.maprule.rule.MapRule;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code maprule calc}: one JSON line per prefix (docs/design.md §4), error lines, exit status. */
class CalcCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> FIELDS = List.of("prefix", "domain", "bmr", "ipv4Address",
      "ipv4PrefixLength", "psid", "psidLength", "psidOffset", "portRanges", "portCount", "ceAddress",
      "ceAddressRfc7597", "ceAddressDraft03", "brIpv6Address");

  @TempDir Path dir;

  private static JsonNode json(String line) {
    return JSON.readTree(line);
  }

  private static List<String> names(JsonNode node) {
    return new ArrayList<>(node.propertyNames());
  }

  @Test
  void rfc7597AppendixAExample1OnTheBuiltInExample() {
    Cli.Result r = Cli.run("calc", "--prefix", "2001:db8:12:3400::/56");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(1);
    JsonNode j = json(r.lines().get(0));
    // the fixed fields in the fixed order (docs/design.md §4); fields may only be added after them
    assertThat(names(j)).startsWith(FIELDS.toArray(String[]::new));
    assertThat(j.get("prefix").asString()).isEqualTo("2001:db8:12:3400::/56");
    assertThat(j.get("domain").asString()).isEqualTo("example-rfc7597");
    assertThat(j.get("bmr").get("ipv6Prefix").asString()).isEqualTo("2001:db8::/40");
    assertThat(j.get("bmr").get("ipv4Prefix").asString()).isEqualTo("192.0.2.0/24");
    assertThat(j.get("bmr").get("eaBitLength").asInt()).isEqualTo(16);
    assertThat(j.get("bmr").get("psidOffset").asInt()).isEqualTo(6);
    assertThat(j.get("ipv4Address").asString()).isEqualTo("192.0.2.18");
    assertThat(j.get("ipv4PrefixLength").asInt()).isEqualTo(32);
    assertThat(j.get("psid").asInt()).isEqualTo(52);
    assertThat(j.get("psidLength").asInt()).isEqualTo(8);
    assertThat(j.get("psidOffset").asInt()).isEqualTo(6);
    assertThat(j.get("portCount").asInt()).isEqualTo(252);
    JsonNode ranges = j.get("portRanges");
    assertThat(ranges.size()).isEqualTo(63);
    assertThat(ranges.get(0).toString()).isEqualTo("[1232,1235]");
    assertThat(ranges.get(1).toString()).isEqualTo("[2256,2259]");
    assertThat(ranges.get(62).toString()).isEqualTo("[64720,64723]");
    assertThat(j.get("ceAddress").asString()).isEqualTo("2001:db8:12:3400:0:c000:212:34");
    assertThat(j.get("ceAddressRfc7597").asString()).isEqualTo("2001:db8:12:3400:0:c000:212:34");
    assertThat(j.get("ceAddressDraft03").asString()).isEqualTo("2001:db8:12:3400:c0:2:1200:3400");
    assertThat(j.get("brIpv6Address").asString()).isEqualTo("2001:db8:ffff::1");
  }

  @Test
  void draft03DomainCutsToItsEndUserPrefixLength() {
    // 2001:db8:100::/40 -> 198.51.100.0/24, o = 16, a = 4: EA bits 0x1234 -> .18, PSID 52, m = 4
    Cli.Result r = Cli.run("calc", "--prefix", "2001:db8:112:3400::/56", "--prefix", "2001:db8:112:3456::/64");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode a = json(r.lines().get(0));
    JsonNode b = json(r.lines().get(1));
    assertThat(a.get("domain").asString()).isEqualTo("example-draft03");
    assertThat(a.get("ipv4Address").asString()).isEqualTo("198.51.100.18");
    assertThat(a.get("psid").asInt()).isEqualTo(52);
    assertThat(a.get("portCount").asInt()).isEqualTo(240);
    assertThat(a.get("portRanges").get(0).toString()).isEqualTo("[4928,4943]");
    assertThat(a.get("ceAddress").asString()).isEqualTo("2001:db8:112:3400:c6:3364:1200:3400");
    assertThat(b.get("prefix").asString()).isEqualTo("2001:db8:112:3456::/64");
    assertThat(b.get("ceAddress").asString()).isEqualTo(a.get("ceAddress").asString());
  }

  @Test
  void unmappableAndMalformedPrefixesGiveErrorLinesAndExitOne() {
    Cli.Result r = Cli.run("calc", "--prefix", "2001:db8:12:3400::/56", "--prefix", "3fff::/56",
        "--prefix", "2001:db8::/48", "--prefix", "nonsense", "--prefix", "2001:db8:12:3401::/56");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    List<String> lines = r.lines();
    assertThat(lines).hasSize(5);
    assertThat(json(lines.get(0)).get("psid").asInt()).isEqualTo(52);
    assertError(lines.get(1), "3fff::/56", "NO_MATCHING_RULE");
    assertError(lines.get(2), "2001:db8::/48", "END_USER_PREFIX_TOO_SHORT");
    assertError(lines.get(3), "nonsense", "INVALID_PREFIX");
    assertError(lines.get(4), "2001:db8:12:3401::/56", "PREFIX_HOST_BITS_SET");
  }

  private static void assertError(String line, String prefix, String code) {
    JsonNode j = json(line);
    assertThat(names(j)).containsExactly("prefix", "error");
    assertThat(j.get("prefix").asString()).isEqualTo(prefix);
    assertThat(names(j.get("error"))).containsExactly("code", "message");
    assertThat(j.get("error").get("code").asString()).isEqualTo(code);
    assertThat(j.get("error").get("message").asString()).isNotBlank();
  }

  @Test
  void prefixesFileSkipsBlanksAndCommentsAndFollowsThePrefixOptions() throws Exception {
    Path f = Files.writeString(dir.resolve("prefixes.txt"), "\uFEFF# CE prefixes\r\n\r\n"
        + "  2001:db8:112:3400::/56  # a draft03 CE\r\n2001:db8:12:3400::/56\n\n# end\n");
    Cli.Result r = Cli.run("calc", "--prefixes", f.toString(), "--prefix", "2001:db8:200::/56");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.lines()).extracting(l -> json(l).get("prefix").asString())
        .containsExactly("2001:db8:200::/56", "2001:db8:112:3400::/56", "2001:db8:12:3400::/56");
    assertThat(json(r.lines().get(0)).get("ipv4Address").asString()).isEqualTo("203.0.113.0");
  }

  @Test
  void prefixLinesParsing() {
    assertThat(CalcCommand.prefixLines("a\n\n  b # c\r\n#d\r e\n  \n")).containsExactly("a", "b", "e");
    assertThat(CalcCommand.prefixLines("")).isEmpty();
  }

  @Test
  void anInvalidRuleSetCalculatesNothing() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.json"), "{\"ttl\":0,\"domains\":[]}");
    Cli.Result r = Cli.run("calc", "--rules", f.toString(), "--prefix", "2001:db8:12:3400::/56");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("NO_DOMAINS", "is invalid", "nothing calculated");
  }

  @Test
  void formatWithoutRulesIsAUsageError() {
    Cli.Result r = Cli.run("calc", "--format", "ocn", "--prefix", "2001:db8:12:3400::/56");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--format ocn needs --rules FILE");
  }

  @Test
  void ocnFileOfThePublishedOcnTable() throws Exception {
    Path f = Files.write(dir.resolve("ocn.json"), RuleSetFormat.OCN.write(JpRules.ruleSet("OCN")));
    MapRule first = JpRules.rules("OCN").get(0);
    Ipv6Prefix ce = Ipv6Prefix.of(first.ipv6Prefix().address()
        .withBits(first.ipv6Prefix().length(), first.eaBitLength(), 1L), first.endUserPrefixLength());
    Cli.Result r = Cli.run("calc", "--rules", f.toString(), "--format", "ocn", "--prefix", ce.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    JsonNode j = json(r.lines().get(0));
    assertThat(j.get("bmr").get("ipv6Prefix").asString()).isEqualTo(first.ipv6Prefix().toString());
    assertThat(j.get("psidOffset").asInt()).isEqualTo(6);
    assertThat(j.get("portCount").asInt()).isEqualTo(1008);
    assertThat(j.get("ceAddress").asString()).isEqualTo(j.get("ceAddressDraft03").asString());
  }
}
