package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;
import org.maprule.rule.MapRule;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code maprule lookup}: the same JSON as {@code GET /lookup}, error lines, exit status. */
class LookupCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  /** The body {@code GET target} answers on the built-in example. */
  private static String http(String target) {
    MapruleService service = MapruleService.load(ServiceConfig.defaults(), RuleSetLoader.exampleBytes(),
        RuleSetFormat.NATIVE);
    HttpResponse r = service.handle(HttpRequest.get(target, Headers.empty(), null));
    assertThat(r.status()).isEqualTo(200);
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void rfc7597AppendixAExample1Backwards() {
    // 192.0.2.18 port 1232 belongs to PSID 52 of 2001:db8:12:3400::/56 (RFC 7597 Appendix A)
    Cli.Result r = Cli.run("lookup", "--ipv4", "192.0.2.18", "--port", "1232");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).hasSize(1);
    JsonNode j = json(r.out());
    assertThat(j.get("domain").asString()).isEqualTo("example-rfc7597");
    assertThat(j.get("psid").asInt()).isEqualTo(52);
    assertThat(j.get("endUserPrefix").asString()).isEqualTo("2001:db8:12:3400::/56");
    assertThat(j.get("ceAddress").asString()).isEqualTo("2001:db8:12:3400:0:c000:212:34");
    assertThat(r.out()).isEqualTo(http("/lookup?ipv4=192.0.2.18&port=1232") + "\n");
  }

  @Test
  void withoutAPortEveryPsidSharingTheAddress() {
    Cli.Result r = Cli.run("lookup", "--ipv4", "198.51.100.18");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.get("domain").asString()).isEqualTo("example-draft03");
    assertThat(j.get("endUserPrefixes").get("count").asLong()).isEqualTo(256);
    assertThat(j.get("endUserPrefixes").get("first").asString()).isEqualTo("2001:db8:112::/56");
    assertThat(j.get("endUserPrefixes").get("last").asString()).isEqualTo("2001:db8:112:ff00::/56");
    assertThat(r.out()).isEqualTo(http("/lookup?ipv4=198.51.100.18") + "\n");
  }

  /** Inputs without an owner or malformed, each with the code expected. */
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("address in no rule", "10.0.0.1", "1232", "NO_OWNER"),
        Arguments.of("address in no rule, no port", "10.0.0.1", null, "NO_OWNER"),
        Arguments.of("port in the excluded range 0..1023 (a = 6)", "192.0.2.18", "80", "NO_OWNER"),
        Arguments.of("port 0", "192.0.2.18", "0", "NO_OWNER"),
        Arguments.of("leading zero in the address", "192.0.2.018", "1232", "INVALID_IPV4_ADDRESS"),
        Arguments.of("not an address", "example.com", null, "INVALID_IPV4_ADDRESS"),
        Arguments.of("IPv6 address", "2001:db8::1", null, "INVALID_IPV4_ADDRESS"),
        Arguments.of("port above 65535", "192.0.2.18", "65536", "INVALID_VALUE"),
        Arguments.of("negative port", "192.0.2.18", "-1", "INVALID_VALUE"),
        Arguments.of("port with a leading zero", "192.0.2.18", "01232", "INVALID_VALUE"),
        Arguments.of("empty port", "192.0.2.18", "", "INVALID_VALUE"),
        Arguments.of("port in hex", "192.0.2.18", "0x4d0", "INVALID_VALUE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void noOwnerOrMalformedGivesAnErrorLineAndExitOne(String why, String ipv4, String port, String code) {
    List<String> args = new ArrayList<>(List.of("lookup", "--ipv4=" + ipv4));
    if (port != null) {
      args.add("--port=" + port);
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new)).noStackTrace();
    assertThat(r.exit()).as(why + ": " + r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).hasSize(1);
    JsonNode j = json(r.out());
    if (port == null) {
      assertThat(j.propertyNames()).containsExactly("ipv4", "error");
    } else {
      assertThat(j.propertyNames()).containsExactly("ipv4", "port", "error");
      assertThat(j.get("port").asString()).isEqualTo(port);
    }
    assertThat(j.get("ipv4").asString()).isEqualTo(ipv4);
    assertThat(j.get("error").propertyNames()).containsExactly("code", "message");
    assertThat(j.get("error").get("code").asString()).as(why).isEqualTo(code);
    assertThat(j.get("error").get("message").asString()).isNotBlank();
  }

  @Test
  void portParsing() {
    assertThat(LookupCommand.port("0")).isZero();
    assertThat(LookupCommand.port("65535")).isEqualTo(65535);
    assertThat(LookupCommand.port("1")).isEqualTo(1);
  }

  @Test
  void anInvalidRuleSetLooksNothingUp() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.json"), "{\"ttl\":0,\"domains\":[]}");
    Cli.Result r = Cli.run("lookup", "--rules", f.toString(), "--ipv4", "192.0.2.18");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("NO_DOMAINS", "is invalid", "nothing looked up");
  }

  @Test
  void usageAndIoErrors() {
    assertThat(Cli.run("lookup").noStackTrace().exit()).isEqualTo(Maprule.USAGE);
    assertThat(Cli.run("lookup", "--port", "1232").noStackTrace().exit()).isEqualTo(Maprule.USAGE);
    Cli.Result r = Cli.run("lookup", "--format", "ocn", "--ipv4", "192.0.2.18").noStackTrace();
    assertThat(r.exit()).isEqualTo(Maprule.USAGE);
    assertThat(r.err()).contains("--format ocn needs --rules FILE");
    Path missing = dir.resolve("missing.json");
    Cli.Result io = Cli.run("lookup", "--rules", missing.toString(), "--ipv4", "192.0.2.18").noStackTrace();
    assertThat(io.exit()).isEqualTo(Maprule.IO);
    assertThat(io.err()).isEqualTo("maprule: cannot read rules file '" + missing + "': no such file\n");
  }

  @Test
  void helpDocumentsTheExitStatuses() {
    Cli.Result r = Cli.run("lookup", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: maprule lookup", "Exit status:", "1  no owner", "2  usage error");
  }

  /**
   * lookup(calc(p)) = p through the command line, on the published OCN table (OCN format): for
   * one seeded random End-user prefix of every rule, {@code calc} gives the IPv4 address and port
   * set, and {@code lookup} of that address and a random port of the set gives the prefix back;
   * without the port, the prefix lies in the owners' block.
   */
  @Test
  void lookupOfCalcGivesThePrefixBackOnTheOcnTable() {
    List<MapRule> rules = JpRules.rules("OCN");
    Path f = RuleFiles.write(dir, "ocn.json", JpRules.ruleSet("OCN"), RuleSetFormat.OCN);
    Random random = new Random(7598);
    List<String> calc = new ArrayList<>(List.of("calc", "--rules", f.toString(), "--format", "ocn"));
    for (MapRule rule : rules) {
      long ea = random.nextLong() & ((1L << rule.eaBitLength()) - 1);
      Ipv6Prefix p = Ipv6Prefix.of(rule.ipv6Prefix().address().withBits(rule.ipv6Prefix().length(),
          rule.eaBitLength(), ea), rule.endUserPrefixLength());
      calc.add("--prefix");
      calc.add(p.toString());
    }
    Cli.Result calculated = Cli.run(calc.toArray(String[]::new));
    assertThat(calculated.exit()).as(calculated.err()).isZero();
    assertThat(calculated.lines()).hasSize(rules.size());
    for (String line : calculated.lines()) {
      JsonNode ce = json(line);
      JsonNode ranges = ce.get("portRanges");
      JsonNode range = ranges.get(random.nextInt(ranges.size()));
      int port = range.get(0).asInt() + random.nextInt(range.get(1).asInt() - range.get(0).asInt() + 1);
      String ipv4 = ce.get("ipv4Address").asString();
      Cli.Result r = Cli.run("lookup", "--rules", f.toString(), "--format", "ocn", "--ipv4", ipv4,
          "--port", String.valueOf(port));
      assertThat(r.exit()).as(ipv4 + " port " + port + ": " + r.out()).isZero();
      JsonNode owner = json(r.out());
      assertThat(owner.get("endUserPrefix").asString()).as(line).isEqualTo(ce.get("endUserPrefix").asString());
      assertThat(owner.get("psid").asInt()).isEqualTo(ce.get("psid").asInt());
      assertThat(owner.get("ceAddress").asString()).isEqualTo(ce.get("ceAddress").asString());
      assertThat(owner.get("portRanges")).isEqualTo(ranges);
      Cli.Result all = Cli.run("lookup", "--rules", f.toString(), "--format", "ocn", "--ipv4", ipv4);
      assertThat(all.exit()).as(all.out()).isZero();
      JsonNode owners = json(all.out()).get("endUserPrefixes");
      assertThat(owners.get("count").asLong()).isEqualTo(1L << ce.get("psidLength").asInt());
      assertThat(Ipv6Prefix.parse(owners.get("block").asString())
          .contains(Ipv6Prefix.parse(ce.get("endUserPrefix").asString()))).as(line).isTrue();
    }
  }
}
