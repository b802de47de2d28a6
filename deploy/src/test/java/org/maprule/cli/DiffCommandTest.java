package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.addr.Ipv6Address;
import org.maprule.diff.RuleSetDiff;
import org.maprule.format.RuleSetFormat;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code maprule diff OLD NEW}: output, exit 0 (no CE changes) / 1 (changes) / 3 (not compared). */
class DiffCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private Path example() {
    return RuleFiles.write(dir, "example.json", RuleFiles.example());
  }

  @Test
  void aFileAgainstItselfChangesNothing() {
    Path f = example();
    Cli.Result r = Cli.run("diff", f.toString(), f.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(DiffCommand.SAME).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("no changes\n");
    Cli.Result j = Cli.run("diff", "--json", f.toString(), f.toString());
    assertThat(j.exit()).isZero();
    assertThat(j.out()).isEqualTo("{\"empty\":true,\"affectedEndUserPrefixes\":0,\"domainChanges\":[],"
        + "\"ruleChanges\":[]}\n");
  }

  @Test
  void oneChangedRuleIsNamedWithItsCount() {
    // example-draft03 rule 1: PSID offset 4 -> 6; its 2^(56 - 40) End-user prefixes get other ports
    RuleSet changed = RuleFiles.withRule(RuleFiles.example(), 1, 1, r -> RuleFiles.offset(r, 6));
    Path a = example();
    Path b = RuleFiles.write(dir, "new.json", changed);
    Cli.Result r = Cli.run("diff", a.toString(), b.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(DiffCommand.CHANGED).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).containsExactly(
        "0 domain change(s), 1 rule change(s), 65536 End-user prefix(es) affected",
        "example-draft03[1] 2001:db8:200::/40 -> 203.0.113.0/24 ea 16 offset 4",
        "  => example-draft03[1] 2001:db8:200::/40 -> 203.0.113.0/24 ea 16 offset 6: 65536 End-user prefix(es), "
            + "PORT_SET",
        "  2001:db8:200::/56 .. 2001:db8:2ff:ff00::/56 (65536) PORT_SET");

    Cli.Result j = Cli.run("diff", "--json", a.toString(), b.toString());
    assertThat(j.exit()).isEqualTo(1);
    assertThat(j.lines()).hasSize(1);
    JsonNode d = JSON.readTree(j.out());
    assertThat(d.get("empty").asBoolean()).isFalse();
    assertThat(d.get("affectedEndUserPrefixes").asLong()).isEqualTo(65536);
    assertThat(d.get("ruleChanges").size()).isEqualTo(1);
    JsonNode c = d.get("ruleChanges").get(0);
    assertThat(c.get("old").get("domain").asString()).isEqualTo("example-draft03");
    assertThat(c.get("old").get("index").asInt()).isEqualTo(1);
    assertThat(c.get("old").get("psidOffset").asInt()).isEqualTo(4);
    assertThat(c.get("new").get("psidOffset").asInt()).isEqualTo(6);
    assertThat(c.get("changes").toString()).isEqualTo("[\"PORT_SET\"]");
    assertThat(c.get("endUserPrefixes").asLong()).isEqualTo(65536);
    // the CLI prints the core's JSON unchanged
    assertThat(j.out()).isEqualTo(new String(RuleSetDiff.diff(RuleFiles.example(), changed).toJson(),
        StandardCharsets.UTF_8) + "\n");
  }

  @Test
  void aRenamedDomainIsListedButChangesNoCe() {
    RuleSet renamed = RuleFiles.withDomain(RuleFiles.example(), 1,
        d -> new Domain("renamed", d.brIpv6Address(), d.interfaceIdFormat(), d.endUserPrefixLength(), d.rules()));
    Cli.Result r = Cli.run("diff", example().toString(), RuleFiles.write(dir, "renamed.json", renamed).toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.lines()).containsExactly("2 domain change(s), 0 rule change(s), 0 End-user prefix(es) affected",
        "domain example-draft03: removed", "domain renamed: added");
  }

  @Test
  void aNewBrChangesEveryCeOfTheDomain() {
    RuleSet moved = RuleFiles.withDomain(RuleFiles.example(), 0, d -> new Domain(d.name(),
        Ipv6Address.parse("2001:db8:ffff::9"), d.interfaceIdFormat(), d.endUserPrefixLength(), d.rules()));
    Cli.Result r = Cli.run("diff", example().toString(), RuleFiles.write(dir, "br.json", moved).toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.lines().get(0)).isEqualTo("1 domain change(s), 1 rule change(s), 65536 End-user prefix(es) affected");
    assertThat(r.lines().get(1)).isEqualTo("domain example-rfc7597: BR 2001:db8:ffff::1 -> 2001:db8:ffff::9");
    assertThat(r.out()).contains("65536 End-user prefix(es), BR\n");
  }

  @Test
  void anInvalidFileIsNotComparedExitThree() throws Exception {
    Path good = example();
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"ttl\":0,\"domains\":[]}");
    Cli.Result r = Cli.run("diff", good.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(DiffCommand.CANNOT_COMPARE).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("NO_DOMAINS", "maprule: " + bad + " is invalid (", "nothing compared")
        .doesNotContain(good + " is invalid");
    Cli.Result both = Cli.run("diff", "--json", bad.toString(), bad.toString());
    assertThat(both.exit()).isEqualTo(3);
    assertThat(both.out()).isEmpty();
    assertThat(both.err().split("is invalid", -1)).hasSize(3);
  }

  @Test
  void aLabFileWithOverlapsIsNotCompared() {
    Path lab = Path.of("..", "docs", "examples", "lab-rules.json");
    Cli.Result r = Cli.run("diff", example().toString(), lab.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("IPV4_RULE_OVERLAP", "BR_INSIDE_RULE_PREFIX");
  }

  @Test
  void aMissingFileIsAnIoErrorExitThree() {
    Path missing = dir.resolve("missing.json");
    Cli.Result r = Cli.run("diff", example().toString(), missing.toString()).noStackTrace();
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("maprule: cannot read rules file '" + missing + "': no such file\n");
  }

  @Test
  void usageErrorsExitTwo() {
    String f = example().toString();
    assertThat(Cli.run("diff").noStackTrace().exit()).isEqualTo(2);
    assertThat(Cli.run("diff", f).noStackTrace().exit()).isEqualTo(2);
    assertThat(Cli.run("diff", f, f, f).noStackTrace().exit()).isEqualTo(2);
    assertThat(Cli.run("diff", "--format", "yaml", f, f).noStackTrace().exit()).isEqualTo(2);
  }

  @Test
  void helpDocumentsTheExitStatuses() {
    Cli.Result r = Cli.run("diff", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: maprule diff", "Exit status:", "0  no CE changes", "1  some CE changes",
        "3  nothing compared");
  }

  @Test
  void formatsPerSide() {
    // one domain, draft03, End-user prefix length n + o: what the OCN reader builds
    Domain d = RuleFiles.example().domains().get(1);
    RuleSet draft03 = RuleSet.of(86400, List.of(new Domain("ocn", d.brIpv6Address(), d.interfaceIdFormat(),
        OptionalInt.of(56), d.rules())));
    Path nativeFile = RuleFiles.write(dir, "n.json", draft03);
    Path ocnFile = RuleFiles.write(dir, "o.json", draft03, RuleSetFormat.OCN);
    Cli.Result r = Cli.run("diff", "--new-format", "ocn", nativeFile.toString(), ocnFile.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEqualTo("no changes\n");
    assertThat(Cli.run("diff", "--format", "ocn", ocnFile.toString(), ocnFile.toString()).exit()).isZero();
    assertThat(Cli.run("diff", "--format", "ocn", "--old-format", "native", nativeFile.toString(),
        ocnFile.toString()).exit()).isZero();
    // read as native, the OCN file is not a rule set
    assertThat(Cli.run("diff", nativeFile.toString(), ocnFile.toString()).exit()).isEqualTo(3);
  }

  @Test
  void theOcnTableAgainstItselfIsEmpty() {
    Path f = RuleFiles.write(dir, "ocn.json", JpRules.ruleSet("OCN"), RuleSetFormat.OCN);
    Cli.Result r = Cli.run("diff", "--format", "ocn", "--json", f.toString(), f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).get("empty").asBoolean()).isTrue();
  }

  @Test
  void oneChangedOcnRuleReportsExactlyThatRulesPrefixes() {
    RuleSet ocn = JpRules.ruleSet("OCN");
    Path a = RuleFiles.write(dir, "a.json", ocn);
    Random random = new Random(7597);
    for (int trial = 0; trial < 3; trial++) {
      int domain = random.nextInt(ocn.domains().size());
      int index = random.nextInt(ocn.domains().get(domain).rules().size());
      MapRule old = ocn.domains().get(domain).rules().get(index);
      RuleSet changed = RuleFiles.withRule(ocn, domain, index, r -> RuleFiles.offset(r, r.psidOffset() == 6 ? 4 : 6));
      Path b = RuleFiles.write(dir, "b" + trial + ".json", changed);
      Cli.Result r = Cli.run("diff", "--json", a.toString(), b.toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(1);
      JsonNode d = JSON.readTree(r.out());
      assertThat(d.get("domainChanges").size()).isZero();
      assertThat(d.get("ruleChanges").size()).isEqualTo(1);
      JsonNode c = d.get("ruleChanges").get(0);
      assertThat(c.get("old").get("domain").asString()).isEqualTo(ocn.domains().get(domain).name());
      assertThat(c.get("old").get("index").asInt()).isEqualTo(index);
      assertThat(c.get("old").get("ipv6Prefix").asString()).isEqualTo(old.ipv6Prefix().toString());
      BigInteger count = BigInteger.ONE.shiftLeft(56 - old.ipv6Prefix().length());
      assertThat(c.get("endUserPrefixes").bigIntegerValue()).isEqualTo(count);
      assertThat(d.get("affectedEndUserPrefixes").bigIntegerValue()).isEqualTo(count);
      Cli.Result text = Cli.run("diff", a.toString(), b.toString());
      assertThat(text.exit()).isEqualTo(1);
      assertThat(text.out()).contains(ocn.domains().get(domain).name() + "[" + index + "] " + old.ipv6Prefix(),
          ": " + count + " End-user prefix(es), PORT_SET");
    }
  }
}
