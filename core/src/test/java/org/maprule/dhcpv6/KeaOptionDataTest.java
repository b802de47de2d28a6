package org.maprule.dhcpv6;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.maprule.ErrorCode;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KeaOptionDataTest {
  static final String GOLDEN = """
      [ {
        "name" : "s46-cont-mape",
        "space" : "dhcp6"
      }, {
        "name" : "s46-rule",
        "space" : "s46-cont-mape-options",
        "data" : "1, 16, 24, 192.0.2.0, 2001:db8::/40"
      }, {
        "name" : "s46-br",
        "space" : "s46-cont-mape-options",
        "data" : "2001:db8:ffff::1"
      }, {
        "name" : "s46-portparams",
        "space" : "s46-rule-options",
        "data" : "6, 0/0"
      } ]""";

  @Test
  void goldenForTheDomainMdExample() {
    assertThat(new String(KeaOptionData.mapE(Rfc7598Test.EXAMPLE), StandardCharsets.UTF_8)).isEqualTo(GOLDEN);
  }

  /** Two rules, written before the one codec by databind's INDENT_OUTPUT: the bytes are unchanged. */
  static final String GOLDEN_TWO_RULES = """
      [ {
        "name" : "s46-cont-mape",
        "space" : "dhcp6"
      }, {
        "name" : "s46-rule",
        "space" : "s46-cont-mape-options",
        "data" : "1, 16, 24, 192.0.2.0, 2001:db8::/40"
      }, {
        "name" : "s46-rule",
        "space" : "s46-cont-mape-options",
        "data" : "1, 16, 24, 198.51.100.0, 2001:db8:100::/40"
      }, {
        "name" : "s46-br",
        "space" : "s46-cont-mape-options",
        "data" : "2001:db8:ffff::1"
      }, {
        "name" : "s46-portparams",
        "space" : "s46-rule-options",
        "data" : "6, 0/0"
      } ]""";

  /**
   * SHA-256 over, for every domain of {@link JpRules#ruleSet} of every provider in file order,
   * {@code mapE(domain)} then, per rule, {@code mapEBmr(domain, rule, false)} and
   * {@code mapEBmr(domain, rule, true)}: 5 domains, 363401 bytes, as written before the one codec
   * (databind, {@code INDENT_OUTPUT}).
   */
  static final String JP_DIGEST = "a1e5f61e58a53dbefddf81e435035d7f90471eefdde8243f9bfe5a7ebe19ae7d";

  @Test
  void goldenForTwoRules() {
    Domain two = new Domain("two", Ipv6Address.parse("2001:db8:ffff::1"), InterfaceIdFormat.RFC7597,
        OptionalInt.empty(), List.of(Rfc7598Test.RFC_EXAMPLE_1,
            new MapRule(Ipv6Prefix.parse("2001:db8:100::/40"), Ipv4Prefix.parse("198.51.100.0/24"), 16, 6)));
    assertThat(new String(KeaOptionData.mapE(two), StandardCharsets.UTF_8)).isEqualTo(GOLDEN_TWO_RULES);
  }

  @Test
  void everyJpDomainIsByteForByteWhatItWas() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long bytes = 0;
    int domains = 0;
    for (String provider : JpRules.providers()) {
      for (Domain d : JpRules.ruleSet(provider).domains()) {
        domains++;
        byte[] all = KeaOptionData.mapE(d);
        sha.update(all);
        bytes += all.length;
        for (MapRule r : d.rules()) {
          byte[] hub = KeaOptionData.mapEBmr(d, r, false);
          byte[] mesh = KeaOptionData.mapEBmr(d, r, true);
          sha.update(hub);
          sha.update(mesh);
          bytes += hub.length + mesh.length;
        }
      }
    }
    assertThat(domains).isEqualTo(5);
    assertThat(bytes).isEqualTo(363401);
    assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(JP_DIGEST);
  }

  @Test
  void bmrOnlyCarriesFlagsZeroWithoutF() {
    String s = new String(KeaOptionData.mapEBmr(Rfc7598Test.EXAMPLE, Rfc7598Test.RFC_EXAMPLE_1, false),
        StandardCharsets.UTF_8);
    assertThat(s).contains("\"data\" : \"0, 16, 24, 192.0.2.0, 2001:db8::/40\"");
  }

  @Test
  void everyJpDomainAgreesFieldByFieldWithTheWireEncoding() {
    for (String provider : JpRules.providers()) {
      for (Domain d : JpRules.ruleSet(provider).domains()) {
        assertAgrees(d);
      }
    }
  }

  @Test
  void exampleAgreesWithTheWireEncoding() {
    assertAgrees(Rfc7598Test.EXAMPLE);
  }

  /** Reads Kea's CSV data back and compares it with what {@link Rfc7598#decode} sees in our bytes. */
  private static void assertAgrees(Domain d) {
    JsonNode list = JsonMapper.builder().build().readTree(KeaOptionData.mapE(d));
    MapeContainer wire = Rfc7598.decode(Rfc7598.encode(d));
    List<String> rules = new ArrayList<>();
    String br = null;
    String portparams = null;
    for (JsonNode e : list) {
      switch (e.get("name").asString()) {
        case "s46-rule" -> rules.add(e.get("data").asString());
        case "s46-br" -> br = e.get("data").asString();
        case "s46-portparams" -> portparams = e.get("data").asString();
        default -> assertThat(e.get("name").asString()).isEqualTo("s46-cont-mape");
      }
    }
    assertThat(rules).hasSize(wire.rules().size());
    for (int i = 0; i < rules.size(); i++) {
      String[] f = rules.get(i).split(", ");
      S46Rule w = wire.rules().get(i);
      assertThat(Integer.parseInt(f[0])).isEqualTo(w.fmr() ? 1 : 0);
      assertThat(Integer.parseInt(f[1])).isEqualTo(w.rule().eaBitLength());
      assertThat(Ipv4Prefix.parse(f[3] + "/" + f[2])).isEqualTo(w.rule().ipv4Prefix());
      assertThat(Ipv6Prefix.parse(f[4])).isEqualTo(w.rule().ipv6Prefix());
      assertThat(portparams).isEqualTo(w.portParams().offset() + ", " + w.portParams().psid() + "/"
          + w.portParams().psidLength());
    }
    assertThat(br).isEqualTo(wire.brs().get(0).toString());
  }

  @Test
  void refusesMixedOffsetsBecauseKeaSharesOnePortParamsPerScope() {
    Domain mixed = new Domain("mixed", Rfc7598Test.EXAMPLE.brIpv6Address(), InterfaceIdFormat.DRAFT03,
        OptionalInt.of(56), List.of(Rfc7598Test.RFC_EXAMPLE_1,
            new MapRule(Ipv6Prefix.parse("2001:db8:100::/40"), Ipv4Prefix.parse("198.51.100.0/24"), 16, 4)));
    Rfc7598Test.assertCode(() -> KeaOptionData.mapE(mixed), ErrorCode.DHCPV6_KEA_MIXED_PSID_OFFSETS,
        "rules[1].psidOffset");
    Domain noBr = new Domain("x", null, InterfaceIdFormat.RFC7597, OptionalInt.empty(),
        List.of(Rfc7598Test.RFC_EXAMPLE_1));
    Rfc7598Test.assertCode(() -> KeaOptionData.mapE(noBr), ErrorCode.BR_MISSING, "brIpv6Address");
  }
}
