package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.addr.Ipv6Address;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.HttpResponse;
import org.maprule.rule.MapRule;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code maprule serve} end to end over real HTTP on loopback. */
class ServeCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ANNOUNCE = Pattern.compile(
      "maprule (\\S+) serving rule set ([0-9a-f]{64}) \\((\\d+) domains?, (\\d+) rules?\\) on http://127\\.0\\.0\\.1:(\\d+)\n");

  @TempDir Path dir;

  private static String text(HttpResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse r) {
    return JSON.readTree(r.body());
  }

  @Test
  void servesTheBuiltInExampleAndAnnouncesOneLine() throws Exception {
    try (Cli.Served s = Cli.serve("--port", "0")) {
      Matcher m = ANNOUNCE.matcher(s.out());
      assertThat(m.matches()).as(s.out()).isTrue();
      assertThat(m.group(1)).isEqualTo(VersionProvider.version());
      assertThat(m.group(2)).isEqualTo(RuleSetLoader.example().digest());
      assertThat(m.group(3)).isEqualTo("2");
      assertThat(m.group(4)).isEqualTo("3");
      assertThat(Integer.parseInt(m.group(5))).isEqualTo(s.server.port()).isNotZero();

      HttpResponse health = s.client.get("/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(text(health)).contains("\"status\":\"ok\"");
      assertThat(json(health).get("ruleSet").asString()).isEqualTo(m.group(2));
      assertThat(json(health).get("cloud").asString()).isEqualTo("local");
      assertThat(health.headers().first("x-maprule-ruleset")).isEqualTo(m.group(2));

      // /calc answers byte for byte what `maprule calc` prints
      HttpResponse calc = s.client.get("/calc?prefix=2001:db8:12:3400::/56");
      assertThat(calc.status()).isEqualTo(200);
      assertThat(text(calc) + "\n").isEqualTo(Cli.run("calc", "--prefix", "2001:db8:12:3400::/56").out());

      HttpResponse rules = s.client.get("/rules");
      assertThat(rules.status()).isEqualTo(200);
      String etag = rules.headers().first("etag");
      assertThat(etag).contains(m.group(2));
      assertThat(s.client.get("/rules", "If-None-Match", etag).status()).isEqualTo(304);
      assertThat(s.stop()).isZero();
    }
  }

  @Test
  void anInvalidRuleSetIsServedAs503WithTheReasonOnHealth() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.json"), "{\"ttl\":0,\"domains\":[]}");
    try (Cli.Served s = Cli.serve("--port", "0", "--rules", f.toString())) {
      assertThat(s.out()).startsWith("maprule ").contains("serving NO valid rule set (" + f + " has 2 errors)");
      assertThat(s.err()).contains("TTL_OUT_OF_RANGE", "NO_DOMAINS", "every endpoint answers 503");
      HttpResponse health = s.client.get("/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(text(health)).contains("NO_DOMAINS");
      assertThat(s.client.get("/calc?prefix=2001:db8:12:3400::/56").status()).isEqualTo(503);
      assertThat(s.client.get("/rules").status()).isEqualTo(503);
    }
  }

  @Test
  void ocnCodesAreOpenUnlessConfigured() throws Exception {
    String target = "/?ipv6Prefix=2001:db8:112:3400::&ipv6PrefixLength=56&code=";
    try (Cli.Served open = Cli.serve("--port", "0")) {
      assertThat(open.client.get(target + "anything").status()).isEqualTo(200);
    }
    try (Cli.Served closed = Cli.serve("--port", "0", "--ocn-code", "k1", "--ocn-code", "k2")) {
      assertThat(closed.client.get(target + "anything").status()).isEqualTo(403);
      assertThat(closed.client.get(target + "k2").status()).isEqualTo(200);
    }
  }

  @Test
  void jpneKeysAreOpenUnlessConfigured() throws Exception {
    String client = "2001:db8:112:3400::1";
    try (Cli.Served open = Cli.serve("--port", "0", "--client-address-header", "x-test-client")) {
      HttpResponse r = open.client.get("/any-key/get_rules?callback=v6plus", "x-test-client", client);
      assertThat(r.status()).as(text(r)).isEqualTo(200);
      assertThat(text(r)).startsWith("v6plus({\"dmr\":\"2001:db8:ffff::2\",");
    }
    try (Cli.Served closed = Cli.serve("--port", "0", "--client-address-header", "x-test-client",
        "--jpne-key", "k1", "--jpne-key", "k2")) {
      assertThat(closed.client.get("/k3/get_rules?callback=v6plus", "x-test-client", client).status())
          .isEqualTo(403);
      assertThat(closed.client.get("/k2/get_rules?callback=v6plus", "x-test-client", client).status())
          .isEqualTo(200);
    }
  }

  @Test
  void theClientAddressHeaderNeedsTheOriginSecretWhenOneIsConfigured() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "s3cret\n");
    String hb = "/hb46pp?vendorid=acde48&product=maprule-test&version=1_0&capability=map_e";
    try (Cli.Served s = Cli.serve("--port", "0", "--client-address-header", "X-Test-Client",
        "--origin-verify-secret-file", secret.toString())) {
      HttpResponse trusted = s.client.get(hb, "x-test-client", "2001:db8:12:3400::1",
          "x-origin-verify", "s3cret");
      assertThat(trusted.status()).as(text(trusted)).isEqualTo(200);
      assertThat(json(trusted).get("map_e").get("version").asInt()).isEqualTo(1);
      HttpResponse untrusted = s.client.get(hb, "x-test-client", "2001:db8:12:3400::1");
      assertThat(untrusted.status()).as("the peer 127.0.0.1 is no customer").isEqualTo(403);
      assertThat(json(untrusted).get("code").asString()).isEqualTo("NOT_A_CUSTOMER");
    }
  }

  /**
   * The acceptance scenario: the published OCN table as an OCN-format file, served with a
   * test client-address header; an OCN CE gets every rule as strings, an HB46PP CE numbers and
   * the draft-03 layout ({@code "version":0}).
   */
  @Test
  void acceptanceOcnTableServedToOcnAndHb46ppCes() throws Exception {
    Path f = Files.write(dir.resolve("ocn-rules.json"), RuleSetFormat.OCN.write(JpRules.ruleSet("OCN")));
    MapRule first = JpRules.rules("OCN").get(0);
    int n = first.ipv6Prefix().length();
    Ipv6Address ceSlash64 = first.ipv6Prefix().address().withBits(n, first.eaBitLength(), 0x2a5L).masked(64);
    try (Cli.Served s = Cli.serve("--rules", f.toString(), "--format", "ocn",
        "--client-address-header", "x-test-client", "--port", "0")) {
      assertThat(s.out()).contains("(1 domain, 160 rules)");

      HttpResponse ocn = s.client.get("/?ipv6Prefix=" + ceSlash64 + "&ipv6PrefixLength=64&code=x");
      assertThat(ocn.status()).as(text(ocn)).isEqualTo(200);
      assertThat(ocn.headers().first("content-type")).isEqualTo("application/json; charset=utf-8");
      JsonNode rules = json(ocn).get("basicMapRules");
      assertThat(rules.size()).isEqualTo(160);
      for (JsonNode rule : rules) {
        assertThat(new java.util.ArrayList<>(rule.propertyNames())).contains("brIpv6Address",
            "eaBitLength", "ipv4Prefix", "ipv4PrefixLength", "ipv6Prefix", "ipv6PrefixLength", "psIdOffset");
        rule.properties().forEach(e -> assertThat(e.getValue().isString()).as(e.getKey()).isTrue());
      }

      Ipv6Address client = ceSlash64.withBits(64, 64, 1L);
      HttpResponse hb = s.client.get("/hb46pp?vendorid=acde48&product=maprule-test&version=1_0&capability=map_e",
          "x-test-client", client.toString());
      assertThat(hb.status()).as(text(hb)).isEqualTo(200);
      JsonNode mapE = json(hb).get("map_e");
      assertThat(mapE.get("version").isNumber()).isTrue();
      assertThat(mapE.get("version").asInt()).isZero();
      assertThat(text(hb)).contains("\"version\":0");
      assertThat(mapE.get("rules").size()).isEqualTo(160);
      for (JsonNode rule : mapE.get("rules")) {
        assertThat(rule.get("ea_length").isNumber()).isTrue();
        assertThat(rule.get("psid_offset").isNumber()).isTrue();
        assertThat(rule.get("psid_offset").asInt()).isEqualTo(6);
      }
      assertThat(json(hb).get("ttl").isNumber()).isTrue();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    "--max-request-line 63 | --max-request-line 63 is out of range: expected 64..1048576",
    "--max-header-bytes 2000000 | --max-header-bytes 2000000 is out of range: expected 256..1048576",
    "--max-headers 0 | --max-headers 0 is out of range: expected 1..10000",
    "--max-body -1 | --max-body -1 is out of range: expected 0..16777216",
    "--header-timeout 0 | --header-timeout 0 is out of range: expected 1..3600",
    "--idle-timeout 3601 | --idle-timeout 3601 is out of range: expected 1..3600",
    "--max-connections 0 | --max-connections 0 is out of range: expected 1..1000000",
    "--drain-timeout -1 | --drain-timeout -1 is out of range: expected 0..3600",
    "--io-threads 0 | --io-threads 0 is out of range: expected 1..256",
    "--metrics-port 70000 | --metrics-port 70000 is out of range: expected 0..65535",
    "--port 18081 --metrics-port 18081 | --metrics-port 18081 is the CE port (--port): metrics need a port of their own",
  })
  void limitOptionsOutOfRangeAreUsageErrorsNamingTheOption(String args, String message) {
    String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("serve"),
        java.util.Arrays.stream(args.split(" "))).toArray(String[]::new);
    Cli.Result r = Cli.run(all).noStackTrace();
    assertThat(r.exit()).isEqualTo(Maprule.USAGE);
    assertThat(r.err()).contains(message);
  }

  @Test
  void limitOptionsReachTheServer() throws Exception {
    try (Cli.Served s = Cli.serve("--port", "0", "--max-request-line", "100")) {
      assertThat(s.client.get("/health").status()).isEqualTo(200);
      HttpResponse tooLong = s.client.get("/calc?prefix=" + "1".repeat(200));
      assertThat(tooLong.status()).isEqualTo(414);
      assertThat(json(tooLong).get("detail").asString()).endsWith("longer than 100 bytes");
    }
  }

  @Test
  void theAccessLogHasOneJsonLinePerAnswerAndMetricsHaveTheirOwnPort() throws Exception {
    Path log = dir.resolve("access.log");
    try (Cli.Served s = Cli.serve("--port", "0", "--access-log", log.toString(),
        "--metrics-port", "0")) {
      assertThat(s.client.get("/health").status()).isEqualTo(200);
      assertThat(s.client.get("/nope").status()).isEqualTo(404);
      java.net.InetSocketAddress m = s.server.metricsAddress();
      assertThat(m.getPort()).isNotEqualTo(s.server.port());
      assertThat(s.err()).contains("metrics on http://127.0.0.1:" + m.getPort() + "/metrics");
      org.maprule.server.LoopbackClient metrics =
          new org.maprule.server.LoopbackClient("127.0.0.1", m.getPort());
      HttpResponse scrape = metrics.get("/metrics");
      assertThat(scrape.status()).isEqualTo(200);
      assertThat(scrape.headers().first("content-type"))
          .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
      assertThat(text(scrape))
          .contains("maprule_requests_total{endpoint=\"health\",status=\"200\"} 1.0")
          .contains("maprule_requests_total{endpoint=\"none\",status=\"404\"} 1.0")
          .contains("maprule_request_duration_seconds_bucket{endpoint=\"health\",le=\"0.001\"}")
          .contains("maprule_ruleset_info{digest=\"" + RuleSetLoader.example().digest() + "\"} 1")
          .contains("maprule_connections_open").contains("maprule_reload_failures_total 0.0")
          .doesNotContain("/nope");
      assertThat(metrics.get("/").status()).isEqualTo(404);
      assertThat(s.client.get("/metrics").status()).as("never on the CE port").isEqualTo(404);
      assertThat(s.stop()).isZero();
    }
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).as("/health, /nope, /metrics on the CE port").hasSize(3);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(new java.util.ArrayList<>(first.propertyNames())).containsExactly("time", "client",
        "clientSource", "method", "path", "endpoint", "status", "bytes", "micros", "ruleSet");
    assertThat(first.get("path").asString()).isEqualTo("/health");
    assertThat(first.get("status").asInt()).isEqualTo(200);
    assertThat(first.get("bytes").asInt()).isGreaterThan(100);
    assertThat(JSON.readTree(lines.get(1)).get("endpoint").asString()).isEqualTo("none");
    assertThat(JSON.readTree(lines.get(2)).get("path").asString()).isEqualTo("/metrics");
  }

  @Test
  void anAccessLogThatCannotBeOpenedIsAnIoError() {
    Cli.Result r = Cli.run("serve", "--port", "0", "--access-log",
        dir.resolve("no/such/dir/log").toString()).noStackTrace();
    assertThat(r.exit()).isEqualTo(Maprule.IO);
    assertThat(r.err()).contains("cannot open the access log");
  }
}
