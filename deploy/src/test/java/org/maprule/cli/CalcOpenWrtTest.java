package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.MapCalculator;
import org.maprule.format.OpenWrtFormat;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;

/** {@code maprule calc --output openwrt}: OpenWrt sections, separators, errors on stderr. */
class CalcOpenWrtTest {
  private static final String RFC = "2001:db8:12:3400::/56";
  private static final String DRAFT03 = "2001:db8:112:3400::/56";

  @TempDir Path dir;

  private static String section(String prefix) {
    return OpenWrtFormat.network(MapCalculator.of(RuleFiles.example()).calculate(Ipv6Prefix.parse(prefix)));
  }

  @Test
  void onePrefixIsTheSameTextAsCalcFormatOpenwrt() {
    Cli.Result r = Cli.run("calc", "--output", "openwrt", "--prefix", DRAFT03);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    MapruleService service = MapruleService.load(ServiceConfig.defaults(), RuleSetLoader.exampleBytes(),
        RuleSetFormat.NATIVE);
    HttpResponse http = service.handle(HttpRequest.get("/calc?prefix=" + DRAFT03 + "&format=openwrt",
        Headers.empty(), null));
    assertThat(http.status()).isEqualTo(200);
    assertThat(r.out()).isEqualTo(new String(http.body(), StandardCharsets.UTF_8));
    assertThat(r.out()).isEqualTo(section(DRAFT03));
    assertThat(r.out()).contains("config interface 'wanmap'\n", "\toption proto 'map'\n",
        "\toption maptype 'map-e'\n", "\toption peeraddr '2001:db8:ffff::2'\n", "\toption ipaddr '198.51.100.0'\n",
        "\toption ip4prefixlen '24'\n", "\toption ip6prefix '2001:db8:100::'\n", "\toption ip6prefixlen '40'\n",
        "\toption ealen '16'\n", "\toption psidlen '8'\n", "\toption offset '4'\n", "\toption legacymap '1'\n",
        "# WARNING: stock map.sh with firewall4");
  }

  @Test
  void sectionsAreSeparatedByOneBlankLine() {
    Cli.Result r = Cli.run("calc", "--output", "openwrt", "--prefix", RFC, "--prefix", DRAFT03);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(section(RFC) + "\n" + section(DRAFT03));
    assertThat(section(RFC)).doesNotContain("legacymap");
  }

  @Test
  void anUnmappablePrefixGoesToStderrAndTheOthersAreStillWritten() {
    Cli.Result r = Cli.run("calc", "--output", "openwrt", "--prefix", RFC, "--prefix", "3fff::/56",
        "--prefix", "nonsense", "--prefix", DRAFT03).noStackTrace();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(section(RFC) + "\n" + section(DRAFT03));
    List<String> err = List.of(r.err().split("\n"));
    assertThat(err).hasSize(2);
    assertThat(err.get(0)).startsWith("maprule: 3fff::/56: NO_MATCHING_RULE: ");
    assertThat(err.get(1)).startsWith("maprule: nonsense: INVALID_PREFIX: ");
  }

  @Test
  void onlyErrorsWriteNothingToStdout() {
    Cli.Result r = Cli.run("calc", "--output", "openwrt", "--prefix", "3fff::/56");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void interfaceAndTunlinkNames() {
    Cli.Result r = Cli.run("calc", "--output", "openwrt", "--interface", "wan_map4", "--tunlink", "wan6_pd",
        "--prefix", RFC);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("config interface 'wan_map4'\n", "\toption tunlink 'wan6_pd'\n",
        "delegated prefix of interface 'wan6_pd'");
  }

  @Test
  void jsonIsTheDefaultAndUnchanged() {
    Cli.Result plain = Cli.run("calc", "--prefix", RFC);
    Cli.Result json = Cli.run("calc", "--output", "json", "--prefix", RFC);
    assertThat(json.exit()).isZero();
    assertThat(json.out()).isEqualTo(plain.out()).startsWith("{\"prefix\":\"" + RFC + "\",");
  }

  @Test
  void usageErrorsAreCheckedBeforeAnythingIsRead() {
    String missing = dir.resolve("missing.json").toString();
    for (String[] args : new String[][] {
        {"calc", "--rules", missing, "--output", "yaml", "--prefix", RFC},
        {"calc", "--rules", missing, "--output", "OpenWrt", "--prefix", RFC},
        {"calc", "--rules", missing, "--interface", "wan", "--prefix", RFC},
        {"calc", "--rules", missing, "--tunlink", "wan6", "--prefix", RFC},
        {"calc", "--rules", missing, "--output", "openwrt", "--interface", "wan-map", "--prefix", RFC},
        {"calc", "--rules", missing, "--output", "openwrt", "--interface", "a23456789012", "--prefix", RFC},
        {"calc", "--rules", missing, "--output", "openwrt", "--tunlink", "", "--prefix", RFC}}) {
      Cli.Result r = Cli.run(args).noStackTrace();
      assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(Maprule.USAGE);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void anInvalidRuleSetWritesNoSection() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.json"), "{\"ttl\":0,\"domains\":[]}");
    Cli.Result r = Cli.run("calc", "--output", "openwrt", "--rules", f.toString(), "--prefix", RFC);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("NO_DOMAINS", "nothing calculated");
  }
}
