package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.dhcpv6.KeaOptionData;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code maprule encode --format dhcpv6} and {@code maprule decode --format dhcpv6} (RFC 7598). */
class EncodeCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * docs/domain.md §6.4: RFC 7597 Appendix A example 1 (2001:db8::/40 → 192.0.2.0/24, o = 16) as an
   * FMR with PORTPARAMS a = 6 and the BR 2001:db8:ffff::1 — the built-in domain example-rfc7597.
   */
  static final String RFC_EXAMPLE = "005e002d 00590015 01 10 18 c0000200 28 20010db800 005d0004 06 00 0000 "
      + "005a0010 20010db8ffff00000000000000000001";
  static final String RFC_EXAMPLE_HEX = RFC_EXAMPLE.replace(" ", "");
  static final String RFC_EXAMPLE_DECODED = "{\"rules\":[{\"fmr\":true,\"ipv6Prefix\":\"2001:db8::/40\","
      + "\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,\"psidOffset\":6,"
      + "\"portParams\":{\"offset\":6,\"psidLength\":0,\"psid\":0}}],\"brs\":[\"2001:db8:ffff::1\"],"
      + "\"skippedOptionCodes\":[]}";

  @TempDir Path dir;

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  // ---- encode ----

  @Test
  void theRfcExampleDomainGivesTheDomainMdBytesExactly() {
    Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--domain", "example-rfc7597");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(RFC_EXAMPLE_HEX + "\n");
  }

  @Test
  void aRuleSetWithOneDomainNeedsNoDomainOption() {
    Path f = RuleFiles.write(dir, "one.json", RuleFiles.only(RuleFiles.example(), 0));
    Cli.Result r = Cli.run("encode", "--format", "DHCPv6", "--rules", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(RFC_EXAMPLE_HEX + "\n");
  }

  @Test
  void aPrefixEncodesItsBmrWithTheFFlagUnlessNoFmr() {
    Cli.Result fmr = Cli.run("encode", "--format", "dhcpv6", "--prefix", "2001:db8:12:3400::/56");
    assertThat(fmr.exit()).as(fmr.err()).isZero();
    // the domain has one rule: its BMR alone is the same container
    assertThat(fmr.out()).isEqualTo(RFC_EXAMPLE_HEX + "\n");
    Cli.Result bmr = Cli.run("encode", "--format", "dhcpv6", "--prefix", "2001:db8:12:3400::/56", "--no-fmr");
    assertThat(bmr.exit()).as(bmr.err()).isZero();
    // flags is byte 8 (container header 4, rule header 4): 01 -> 00, nothing else changes
    String expected = RFC_EXAMPLE_HEX.substring(0, 16) + "00" + RFC_EXAMPLE_HEX.substring(18);
    assertThat(bmr.out()).isEqualTo(expected + "\n");
  }

  @Test
  void aPrefixInATwoRuleDomainEncodesOnlyItsBmr() {
    Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--prefix", "2001:db8:212:3400::/56");
    assertThat(r.exit()).as(r.err()).isZero();
    Cli.Result d = Cli.run("decode", "--format", "dhcpv6", r.out().strip());
    assertThat(d.exit()).as(d.out()).isZero();
    JsonNode j = json(d.out());
    assertThat(j.get("rules").size()).isEqualTo(1);
    assertThat(j.get("rules").get(0).get("ipv6Prefix").asString()).isEqualTo("2001:db8:200::/40");
    assertThat(j.get("rules").get(0).get("ipv4Prefix").asString()).isEqualTo("203.0.113.0/24");
    assertThat(j.get("brs").get(0).asString()).isEqualTo("2001:db8:ffff::2");
  }

  @Test
  void everyDomainOfTheExampleRoundTripsThroughDecode() {
    for (Domain d : RuleFiles.example().domains()) {
      Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--domain", d.name());
      assertThat(r.exit()).as(r.err()).isZero();
      Cli.Result back = Cli.run("decode", "--format", "dhcpv6", r.out().strip());
      assertThat(back.exit()).as(back.out()).isZero();
      assertDecodes(json(back.out()), d, true);
    }
  }

  private static void assertDecodes(JsonNode j, Domain d, boolean fmr) {
    assertThat(j.get("brs").size()).isEqualTo(1);
    assertThat(j.get("brs").get(0).asString()).isEqualTo(d.brIpv6Address().toString());
    assertThat(j.get("rules").size()).isEqualTo(d.rules().size());
    for (int i = 0; i < d.rules().size(); i++) {
      MapRule want = d.rules().get(i);
      JsonNode got = j.get("rules").get(i);
      assertThat(got.get("fmr").asBoolean()).isEqualTo(fmr);
      assertThat(got.get("ipv6Prefix").asString()).isEqualTo(want.ipv6Prefix().toString());
      assertThat(got.get("ipv4Prefix").asString()).isEqualTo(want.ipv4Prefix().toString());
      assertThat(got.get("eaBitLength").asInt()).isEqualTo(want.eaBitLength());
      assertThat(got.get("psidOffset").asInt()).isEqualTo(want.psidOffset());
      assertThat(got.get("portParams").get("offset").asInt()).isEqualTo(want.psidOffset());
      assertThat(got.get("portParams").get("psidLength").asInt()).isZero();
    }
    assertThat(j.get("skippedOptionCodes").size()).isZero();
  }

  @Test
  void keaPrintsTheOptionDataEntries() {
    Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--domain", "example-draft03", "--kea");
    assertThat(r.exit()).as(r.err()).isZero();
    Domain d = RuleFiles.example().domains().get(1);
    assertThat(r.out()).isEqualTo(new String(KeaOptionData.mapE(d), StandardCharsets.UTF_8) + "\n");
    JsonNode j = json(r.out());
    List<String> names = new ArrayList<>();
    j.forEach(e -> names.add(e.get("name").asString()));
    assertThat(names).containsExactly("s46-cont-mape", "s46-rule", "s46-rule", "s46-br", "s46-portparams");
    assertThat(j.get(1).get("data").asString()).isEqualTo("1, 16, 24, 198.51.100.0, 2001:db8:100::/40");
    assertThat(j.get(2).get("data").asString()).isEqualTo("1, 16, 24, 203.0.113.0, 2001:db8:200::/40");
    assertThat(j.get(3).get("data").asString()).isEqualTo("2001:db8:ffff::2");
    assertThat(j.get(4).get("data").asString()).isEqualTo("4, 0/0");
  }

  @Test
  void keaForOneBmrWithoutTheFFlag() {
    Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--prefix", "2001:db8:112:3400::/56", "--no-fmr",
        "--kea");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.size()).isEqualTo(4);
    assertThat(j.get(1).get("data").asString()).isEqualTo("0, 16, 24, 198.51.100.0, 2001:db8:100::/40");
  }

  @Test
  void keaCannotExpressMixedPsidOffsetsButTheHexCan() {
    RuleSet mixed = RuleFiles.withRule(RuleFiles.example(), 1, 1, r -> RuleFiles.offset(r, 6));
    Path f = RuleFiles.write(dir, "mixed.json", mixed);
    Cli.Result kea = Cli.run("encode", "--format", "dhcpv6", "--rules", f.toString(), "--domain",
        "example-draft03", "--kea").noStackTrace();
    assertThat(kea.exit()).isEqualTo(1);
    assertThat(kea.out()).isEmpty();
    assertThat(kea.err()).startsWith("maprule: DHCPV6_KEA_MIXED_PSID_OFFSETS: ");
    Cli.Result hex = Cli.run("encode", "--format", "dhcpv6", "--rules", f.toString(), "--domain",
        "example-draft03");
    assertThat(hex.exit()).as(hex.err()).isZero();
    JsonNode back = json(Cli.run("decode", "--format", "dhcpv6", hex.out().strip()).out());
    assertThat(back.get("rules").get(0).get("psidOffset").asInt()).isEqualTo(4);
    assertThat(back.get("rules").get(1).get("psidOffset").asInt()).isEqualTo(6);
  }

  static Stream<Arguments> encodeUsageErrors() {
    return Stream.of(
        Arguments.of("two domains and no --domain", List.of("--format", "dhcpv6"),
            "has 2 domains: give --domain NAME (one of example-rfc7597, example-draft03)"),
        Arguments.of("unknown domain", List.of("--format", "dhcpv6", "--domain", "nope"),
            "--domain 'nope' is not a domain of built-in example"),
        Arguments.of("both selectors", List.of("--format", "dhcpv6", "--domain", "example-rfc7597",
            "--prefix", "2001:db8:12:3400::/56"), "not both"),
        Arguments.of("--no-fmr for a domain", List.of("--format", "dhcpv6", "--domain", "example-rfc7597",
            "--no-fmr"), "--no-fmr needs --prefix"),
        Arguments.of("unknown wire format", List.of("--format", "tlv", "--domain", "example-rfc7597"),
            "'tlv' is not a wire format"),
        Arguments.of("no wire format", List.of("--domain", "example-rfc7597"), "--format"),
        Arguments.of("non-native rules without a file", List.of("--format", "dhcpv6", "--rules-format", "ocn"),
            "--rules-format ocn needs --rules FILE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodeUsageErrors")
  void encodeUsageErrorsExitTwo(String why, List<String> args, String message) {
    List<String> all = new ArrayList<>(List.of("encode"));
    all.addAll(args);
    Cli.Result r = Cli.run(all.toArray(String[]::new)).noStackTrace();
    assertThat(r.exit()).as(why).isEqualTo(Maprule.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(message);
  }

  @Test
  void anUnmappablePrefixExitsOne() {
    Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--prefix", "3fff::/56").noStackTrace();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("maprule: NO_MATCHING_RULE: ");
  }

  @Test
  void anInvalidRuleSetEncodesNothing() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.json"), "{\"ttl\":0,\"domains\":[]}");
    Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--rules", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("NO_DOMAINS", "is invalid", "nothing encoded");
  }

  @Test
  void aMissingRulesFileIsAnIoError() {
    Path missing = dir.resolve("missing.json");
    Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--rules", missing.toString()).noStackTrace();
    assertThat(r.exit()).isEqualTo(Maprule.IO);
    assertThat(r.err()).isEqualTo("maprule: cannot read rules file '" + missing + "': no such file\n");
  }

  @Test
  void thePublishedOcnTableRoundTrips() {
    RuleSet ocn = JpRules.ruleSet("OCN");
    Path f = RuleFiles.write(dir, "ocn.json", ocn, RuleSetFormat.OCN);
    Cli.Result v = Cli.run("validate", "--rules", f.toString(), "--format", "ocn", "--json");
    assertThat(v.exit()).as(v.out()).isZero();
    // the OCN reader names its domains ocn, ocn-2, …; each rule set domain round-trips
    RuleSet read = RuleSetLoader.load(RuleSetFormat.OCN.write(ocn), RuleSetFormat.OCN).ruleSet();
    int rules = 0;
    for (Domain d : read.domains()) {
      Cli.Result r = Cli.run("encode", "--format", "dhcpv6", "--rules", f.toString(), "--rules-format", "ocn",
          "--domain", d.name());
      assertThat(r.exit()).as(r.err()).isZero();
      Cli.Result back = Cli.run("decode", "--format", "dhcpv6", r.out().strip());
      assertThat(back.exit()).as(back.out()).isZero();
      assertDecodes(json(back.out()), d, true);
      rules += d.rules().size();
    }
    assertThat(rules).isEqualTo(JpRules.rules("OCN").size());
  }

  // ---- decode ----

  @Test
  void decodeTheDomainMdExampleSplitOverArguments() {
    Cli.Result r = Cli.run(Stream.concat(Stream.of("decode", "--format", "dhcpv6"),
        Stream.of(RFC_EXAMPLE.split(" "))).toArray(String[]::new));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEqualTo(RFC_EXAMPLE_DECODED + "\n");
  }

  @Test
  void decodeTsharkStyleColonsAndUpperCase() {
    StringBuilder colons = new StringBuilder();
    for (int i = 0; i < RFC_EXAMPLE_HEX.length(); i += 2) {
      colons.append(i == 0 ? "" : ":").append(RFC_EXAMPLE_HEX, i, i + 2);
    }
    Cli.Result r = Cli.run("decode", "--format", "dhcpv6", colons.toString().toUpperCase());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(RFC_EXAMPLE_DECODED + "\n");
  }

  @Test
  void decodeReadsStandardInputForADash() {
    CommandLine cl = new CommandLine(new Maprule());
    DecodeCommand decode = (DecodeCommand) cl.getSubcommands().get("decode").getCommand();
    decode.stdin = new ByteArrayInputStream((RFC_EXAMPLE + "\n").getBytes(StandardCharsets.US_ASCII));
    Cli.Result r = Cli.run(cl, "decode", "--format", "dhcpv6", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(RFC_EXAMPLE_DECODED + "\n");
  }

  @Test
  void decodeAnExplicitPsidOfAFullAddressAndSkippedOptions() {
    // o = 8, r = 24: o + r = 32, k = 0, so one CE per address and an explicit PSID may be sent
    // (RFC 7598 §4.5); PSID 0x34 with PSID-len 8 is left-aligned on the wire: 0x3400. Then an
    // unknown option 255 of length 0 in the container, which a receiver skips.
    String hex = "005e0031 00590015 01 08 18 c0000200 28 20010db800 005d0004 06 08 3400 "
        + "005a0010 20010db8ffff00000000000000000001 00ff0000";
    Cli.Result r = Cli.run("decode", "--format", "dhcpv6", hex);
    assertThat(r.exit()).as(r.out()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.get("rules").get(0).get("portParams").toString())
        .isEqualTo("{\"offset\":6,\"psidLength\":8,\"psid\":52}");
    assertThat(j.get("skippedOptionCodes").toString()).isEqualTo("[255]");
  }

  /** Malformed options, each with the reason it is refused and the code expected. */
  static Stream<Arguments> malformed() {
    String rule = "00590015 01 10 18 c0000200 28 20010db800 005d0004 06 00 0000";
    String br = "005a0010 20010db8ffff00000000000000000001";
    return Stream.of(
        Arguments.of("only 2 bytes", "005e", "DHCPV6_TRUNCATED"),
        Arguments.of("container shorter than it announces", "005e002d 0059", "DHCPV6_TRUNCATED"),
        Arguments.of("first option is a rule, not option 94", rule, "DHCPV6_NOT_MAPE_CONTAINER"),
        Arguments.of("MAP-T container (95)", "005f0000", "DHCPV6_NOT_MAPE_CONTAINER"),
        Arguments.of("empty container: no rule (RFC 7598 §5.1)", "005e0000", "DHCPV6_NO_RULE"),
        Arguments.of("BR but no rule", "005e0014 " + br, "DHCPV6_NO_RULE"),
        Arguments.of("rule but no BR", "005e0019 " + rule, "DHCPV6_NO_BR"),
        Arguments.of("a byte after the container", RFC_EXAMPLE + " 00", "DHCPV6_TRAILING_BYTES"),
        Arguments.of("BR of 15 bytes", "005e002c " + rule + " 005a000f 20010db8ffff000000000000000000",
            "DHCPV6_BAD_LENGTH"),
        Arguments.of("explicit PSID in a shared rule, o + r = 40 > 32 (RFC 7598 §4.5)",
            RFC_EXAMPLE.replace("005d0004 06 00 0000", "005d0004 06 08 3400"), "DHCPV6_PSID_WITH_SHARED_ADDRESS"),
        Arguments.of("IPv4 host bits set past prefix4-len 24", RFC_EXAMPLE.replace("c0000200", "c0000201"),
            "PREFIX_HOST_BITS_SET"),
        Arguments.of("ea-len 49 above 48", RFC_EXAMPLE.replace("01 10 18", "01 31 18"), "EA_BITS_OUT_OF_RANGE"),
        Arguments.of("odd number of hex digits", RFC_EXAMPLE_HEX + "0", "INVALID_VALUE"),
        Arguments.of("not hex", "005e00zz", "INVALID_VALUE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedBytesGiveAnErrorLineAndExitOne(String why, String hex, String code) {
    Cli.Result r = Cli.run("decode", "--format", "dhcpv6", hex).noStackTrace();
    assertThat(r.exit()).as(why + ": " + r.out()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).hasSize(1);
    JsonNode j = json(r.out());
    assertThat(j.propertyNames()).containsExactly("error");
    assertThat(j.get("error").propertyNames()).containsExactly("code", "field", "value", "message");
    assertThat(j.get("error").get("code").asString()).as(why).isEqualTo(code);
    assertThat(j.get("error").get("field").asString()).isNotBlank();
    assertThat(j.get("error").get("message").asString()).isNotBlank();
  }

  @Test
  void decodeUsageErrors() {
    assertThat(Cli.run("decode", "--format", "dhcpv6").noStackTrace().exit()).isEqualTo(Maprule.USAGE);
    assertThat(Cli.run("decode", RFC_EXAMPLE_HEX).noStackTrace().exit()).isEqualTo(Maprule.USAGE);
    Cli.Result r = Cli.run("decode", "--format", "json", RFC_EXAMPLE_HEX).noStackTrace();
    assertThat(r.exit()).isEqualTo(Maprule.USAGE);
    assertThat(r.err()).contains("'json' is not a wire format");
  }

  @Test
  void helpDocumentsTheExitStatuses() {
    for (String command : List.of("encode", "decode")) {
      Cli.Result r = Cli.run(command, "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage: maprule " + command, "Exit status:", "1  ", "2  usage error");
    }
  }
}
