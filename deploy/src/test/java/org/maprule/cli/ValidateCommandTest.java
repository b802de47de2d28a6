package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code maprule validate}: exit status, human and JSON output, core's negative corpus. */
class ValidateCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CORPUS = "rulesets/invalid/";
  private static final String VALID_CORPUS = "rulesets/valid/";

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void theBuiltInExampleIsValid() throws Exception {
    Path f = write("example.json", RuleSetLoader.exampleBytes());
    Cli.Result r = Cli.run("validate", "--rules", f.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    // its RFC 7597-layout domain is warned about: OCN and JPNE CEs are refused (docs/domain.md §7)
    assertThat(r.out()).containsPattern("(?m)^WARNING +RFC7597_DOMAIN_NOT_ON_OCN_JPNE +"
        + "domains\\[0]\\.interfaceIdFormat +rfc7597 ");
    assertThat(r.lines()).last().asString()
        .startsWith(f + ": valid (2 domains, 3 rules), 0 errors, 1 warning, ")
        .containsPattern("digest [0-9a-f]{64}$")
        .endsWith(RuleSetLoader.example().digest());
  }

  @Test
  void jsonReportOfAValidFile() throws Exception {
    Path f = write("example.json", RuleSetLoader.exampleBytes());
    Cli.Result r = Cli.run("validate", "--rules", f.toString(), "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.lines()).hasSize(1);
    assertThat(r.out()).startsWith("{\"valid\":true,\"digest\":\"" + RuleSetLoader.example().digest()
        + "\",\"errors\":0,\"warnings\":");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("violations").isArray()).isTrue();
    assertThat(j.get("warnings").asInt()).isEqualTo(j.get("violations").size());
  }

  /** A native rule set of one rfc7597 domain {@code d} with one rule over 192.0.2.0/24. */
  private static byte[] oneRule(String br, String ipv6Prefix, int eaBitLength, int psidOffset) {
    return ("{\"ttl\":86400,\"domains\":[{\"name\":\"d\",\"brIpv6Address\":\"" + br + "\","
        + "\"interfaceIdFormat\":\"rfc7597\",\"rules\":[{\"ipv6Prefix\":\"" + ipv6Prefix + "\","
        + "\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":" + eaBitLength + ",\"psidOffset\":" + psidOffset
        + "}]}]}").getBytes(StandardCharsets.UTF_8);
  }

  /** The report is written by core's one codec: U+2028/U+2029 in a quoted value are escaped. */
  @Test
  void jsonReportEscapesLineAndParagraphSeparators() throws Exception {
    Path f = write("ls.json", oneRule("2001:db8:ffff::1\u2029", "2001:db8::/40\u2028", 16, 6));
    Cli.Result r = Cli.run("validate", "--rules", f.toString(), "--json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("\u2028").doesNotContain("\u2029")
        .contains("\"value\":\"2001:db8:ffff::1\\u2029\"")
        .contains("\"value\":\"2001:db8::/40\\u2028\"");
    assertThat(JSON.readTree(r.out()).get("violations").get(1).get("value").asString())
        .isEqualTo("2001:db8::/40\u2028");
  }

  @Test
  void jsonReportOfAnInvalidFile() throws Exception {
    Path f = write("bad.json", oneRule("2001:db8:ffff::1", "2001:db8::/40", 49, 16));
    Cli.Result r = Cli.run("validate", "--rules", f.toString(), "--json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("{\"valid\":false,\"digest\":null,\"errors\":");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("errors").asInt()).isGreaterThanOrEqualTo(2);
    List<String> codes = new ArrayList<>();
    for (JsonNode v : j.get("violations")) {
      assertThat(fieldNames(v)).containsExactly("severity", "code", "field", "value", "message");
      assertThat(v.get("severity").asString()).isIn("ERROR", "WARNING");
      codes.add(v.get("code").asString());
    }
    assertThat(codes).contains("EA_BITS_OUT_OF_RANGE", "PSID_OFFSET_OUT_OF_RANGE");
  }

  @Test
  void humanReportListsEveryViolationThenASummary() throws Exception {
    Path f = write("bad.json", "{\"ttl\":0,\"domains\":[]}".getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("validate", "--rules", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).containsPattern("(?m)^ERROR +TTL_OUT_OF_RANGE +ttl +0 +\\S")
        .containsPattern("(?m)^ERROR +NO_DOMAINS ");
    assertThat(r.lines()).last().asString().startsWith(f + ": invalid, 2 errors, 0 warnings");
  }

  @Test
  void malformedJsonIsInvalidNotACrash() throws Exception {
    Path f = write("broken.json", "{\"ttl\": 86400, \"domains\": [".getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("validate", "--rules", f.toString()).noStackTrace();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("MALFORMED_JSON");
  }

  @Test
  void warningsArePrintedButTheFileIsValid() throws Exception {
    // a = 0 with k = 8: PSID 0 owns the system ports (docs/domain.md §7, a warning)
    Path f = write("warn.json", ("{\"ttl\":86400,\"domains\":[{\"name\":\"d\",\"brIpv6Address\":\"2001:db8:ffff::1\","
        + "\"interfaceIdFormat\":\"draft03\",\"rules\":[{\"ipv6Prefix\":\"2001:db8::/40\","
        + "\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,\"psidOffset\":0}]}]}")
        .getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("validate", "--rules", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("(?m)^WARNING +PSID_ZERO_SYSTEM_PORTS +domains\\[0]\\.rules\\[0]");
    assertThat(r.lines()).last().asString().contains("valid (1 domain, 1 rule), 0 errors, 1 warning,");
  }

  /**
   * The lines of a corpus folder's EXPECTED.txt: {@code file.json CODE field # reason}; CODE
   * {@code -} means no violation at all, field {@code ""} the whole document.
   */
  static List<Arguments> corpus(String folder) {
    String expected = new String(Cli.resource(folder + "EXPECTED.txt"), StandardCharsets.UTF_8);
    List<Arguments> out = new ArrayList<>();
    for (String line : expected.split("\r?\n")) {
      int hash = line.indexOf('#');
      String reason = hash < 0 ? "" : line.substring(hash + 1).strip();
      String[] parts = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
      if (parts[0].isEmpty()) {
        continue;
      }
      String field = parts.length > 2 ? parts[2] : "";
      out.add(Arguments.of(parts[0], parts[1], field.equals("\"\"") ? "" : field, reason));
    }
    return out;
  }

  static Stream<Arguments> invalidCorpus() {
    return corpus(CORPUS).stream();
  }

  static Stream<Arguments> validCorpus() {
    return corpus(VALID_CORPUS).stream();
  }

  @Test
  void theCorporaListEveryFileTheyHold() {
    for (String folder : List.of(CORPUS, VALID_CORPUS)) {
      List<String> listed = corpus(folder).stream().map(a -> (String) a.get()[0]).distinct().toList();
      List<String> present = Cli.resourceFolder(folder).stream().filter(n -> !n.equals("EXPECTED.txt")).toList();
      assertThat(listed).as(folder).isNotEmpty();
      assertThat(present).as(folder).containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @MethodSource("invalidCorpus")
  void everyCorpusFileIsInvalidWithItsExpectedCode(String file, String code, String field, String reason)
      throws Exception {
    Path f = write(file, Cli.resource(CORPUS + file));
    Cli.Result human = Cli.run(withFormat(file, "validate", "--rules", f.toString())).noStackTrace();
    assertThat(human.exit()).as(reason + "\n" + human.out() + human.err()).isEqualTo(1);
    assertThat(human.out()).containsPattern("(?m)^ERROR +" + code + " +" + Pattern.quote(
        field.isEmpty() ? "(document)" : field) + " ");
    assertThat(human.lines()).last().asString().startsWith(f + ": invalid, ");

    Cli.Result json = Cli.run(withFormat(file, "validate", "--rules", f.toString(), "--json"));
    assertThat(json.exit()).isEqualTo(1);
    JsonNode j = JSON.readTree(json.out());
    assertThat(j.get("valid").asBoolean()).isFalse();
    assertThat(j.get("digest").isNull()).isTrue();
    boolean found = false;
    for (JsonNode v : j.get("violations")) {
      found |= v.get("code").asString().equals(code) && v.get("field").asString().equals(field)
          && v.get("severity").asString().equals("ERROR");
    }
    assertThat(found).as(json.out()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @MethodSource("validCorpus")
  void everyValidCorpusFileIsValidWithItsExpectedWarning(String file, String code, String field,
      String reason) throws Exception {
    Path f = write(file, Cli.resource(VALID_CORPUS + file));
    Cli.Result r = Cli.run(withFormat(file, "validate", "--rules", f.toString()));
    assertThat(r.exit()).as(reason + "\n" + r.out() + r.err()).isZero();
    if (code.equals("-")) {
      assertThat(r.lines()).hasSize(1);
      assertThat(r.out()).contains(", 0 errors, 0 warnings, digest ");
    } else {
      assertThat(r.out()).containsPattern("(?m)^WARNING +" + code + " +" + Pattern.quote(field) + " ");
    }
  }

  /** Corpus files named {@code *.ocn.json} or {@code *.hb46pp.json} are read in that format. */
  private static String[] withFormat(String file, String... args) {
    for (String f : new String[] {"ocn", "hb46pp"}) {
      if (file.toLowerCase(Locale.ROOT).endsWith("." + f + ".json")) {
        return Stream.concat(Stream.of(args), Stream.of("--format", f)).toArray(String[]::new);
      }
    }
    return args;
  }

  @Test
  void thePublishedJpTablesAreValidInNativeAndOcnForm() throws Exception {
    for (String provider : JpRules.providers()) {
      Path nativeFile = write(provider + ".json", RuleSetFormat.NATIVE.write(JpRules.ruleSet(provider)));
      Cli.Result r = Cli.run("validate", "--rules", nativeFile.toString());
      assertThat(r.exit()).as(provider + "\n" + r.out()).isZero();
      Path ocnFile = write(provider + ".ocn.json", RuleSetFormat.OCN.write(JpRules.ruleSet(provider)));
      Cli.Result o = Cli.run("validate", "--rules", ocnFile.toString(), "--format", "ocn", "--json");
      assertThat(o.exit()).as(provider + " (ocn)\n" + o.out()).isZero();
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
