package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maprule.format.Fixtures.EXAMPLE;
import static org.maprule.format.Fixtures.RFC;
import static org.maprule.format.Fixtures.text;
import static org.maprule.format.Fixtures.utf8;

import org.junit.jupiter.api.Test;

/** Exact bytes of every writer on RFC 7597 example 1 and on the built-in example. */
class GoldenBytesTest {

  static final String RFC_NATIVE = "{\"ttl\":86400,\"enablerName\":\"maprule\",\"serviceName\":\"maprule\","
      + "\"domains\":[{\"name\":\"rfc\",\"brIpv6Address\":\"2001:db8:ffff::1\",\"interfaceIdFormat\":\"rfc7597\","
      + "\"rules\":[{\"ipv6Prefix\":\"2001:db8::/40\",\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,"
      + "\"psidOffset\":6}]}]}";

  static final String RFC_OCN = "{\"basicMapRules\":[{\"brIpv6Address\":\"2001:db8:ffff::1\",\"eaBitLength\":\"16\","
      + "\"ipv4Prefix\":\"192.0.2.0\",\"ipv4PrefixLength\":\"24\",\"ipv6Prefix\":\"2001:db8::\","
      + "\"ipv6PrefixLength\":\"40\",\"psIdOffset\":\"6\"}]}";

  static final String RFC_HB46PP = "{\"enabler_name\":\"maprule\",\"service_name\":\"maprule\",\"ttl\":86400,"
      + "\"order\":[\"map_e\"],\"map_e\":{\"version\":1,\"mesh\":1,\"br\":\"2001:db8:ffff::1\","
      + "\"rules\":[{\"ipv6\":\"2001:db8::/40\",\"ipv4\":\"192.0.2.0/24\",\"ea_length\":16,\"psid_offset\":6}]}}";

  static final String EXAMPLE_NATIVE = "{\"ttl\":86400,\"enablerName\":\"maprule example\","
      + "\"serviceName\":\"maprule example MAP-E\",\"domains\":["
      + "{\"name\":\"example-rfc7597\",\"brIpv6Address\":\"2001:db8:ffff::1\",\"interfaceIdFormat\":\"rfc7597\","
      + "\"rules\":[{\"ipv6Prefix\":\"2001:db8::/40\",\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,\"psidOffset\":6}]},"
      + "{\"name\":\"example-draft03\",\"brIpv6Address\":\"2001:db8:ffff::2\",\"interfaceIdFormat\":\"draft03\","
      + "\"endUserPrefixLength\":56,\"rules\":["
      + "{\"ipv6Prefix\":\"2001:db8:100::/40\",\"ipv4Prefix\":\"198.51.100.0/24\",\"eaBitLength\":16,\"psidOffset\":4},"
      + "{\"ipv6Prefix\":\"2001:db8:200::/40\",\"ipv4Prefix\":\"203.0.113.0/24\",\"eaBitLength\":16,\"psidOffset\":4}]}]}";

  /** sha256sum of EXAMPLE_NATIVE, computed outside Java. */
  static final String EXAMPLE_DIGEST = "d0b96d806228e51a586eadf5e48a5a92fbba1eb5808fafec8477995e8527e21c";

  /** sha256sum of RFC_NATIVE, computed outside Java. */
  static final String RFC_DIGEST = "8491cc271b50610eef8998f709e49fd39d0e17317986d20dc33b259c4327f127";

  static final String EXAMPLE_OCN = "{\"basicMapRules\":["
      + "{\"brIpv6Address\":\"2001:db8:ffff::1\",\"eaBitLength\":\"16\",\"ipv4Prefix\":\"192.0.2.0\","
      + "\"ipv4PrefixLength\":\"24\",\"ipv6Prefix\":\"2001:db8::\",\"ipv6PrefixLength\":\"40\",\"psIdOffset\":\"6\"},"
      + "{\"brIpv6Address\":\"2001:db8:ffff::2\",\"eaBitLength\":\"16\",\"ipv4Prefix\":\"198.51.100.0\","
      + "\"ipv4PrefixLength\":\"24\",\"ipv6Prefix\":\"2001:db8:100::\",\"ipv6PrefixLength\":\"40\",\"psIdOffset\":\"4\"},"
      + "{\"brIpv6Address\":\"2001:db8:ffff::2\",\"eaBitLength\":\"16\",\"ipv4Prefix\":\"203.0.113.0\","
      + "\"ipv4PrefixLength\":\"24\",\"ipv6Prefix\":\"2001:db8:200::\",\"ipv6PrefixLength\":\"40\",\"psIdOffset\":\"4\"}]}";

  static final String EXAMPLE_HB46PP = "{\"enabler_name\":\"maprule example\",\"service_name\":\"maprule example MAP-E\","
      + "\"ttl\":86400,\"order\":[\"map_e\"],\"map_e\":{\"version\":1,\"mesh\":1,\"br\":\"2001:db8:ffff::1\","
      + "\"rules\":[{\"ipv6\":\"2001:db8::/40\",\"ipv4\":\"192.0.2.0/24\",\"ea_length\":16,\"psid_offset\":6}]}}";

  @Test
  void rfcExampleNative() {
    assertThat(text(RuleSetFormat.NATIVE.write(RFC))).isEqualTo(RFC_NATIVE);
  }

  @Test
  void rfcExampleOcn() {
    assertThat(text(RuleSetFormat.OCN.write(RFC))).isEqualTo(RFC_OCN);
    assertThat(text(CeFormats.ocn(RFC.domains().get(0)))).isEqualTo(RFC_OCN);
  }

  @Test
  void rfcExampleHb46pp() {
    assertThat(text(RuleSetFormat.HB46PP.write(RFC))).isEqualTo(RFC_HB46PP);
    assertThat(text(CeFormats.hb46pp(RFC, RFC.domains().get(0), Fixtures.RFC_RULE, true))).isEqualTo(RFC_HB46PP);
  }

  @Test
  void rfcExampleDigest() {
    assertThat(RuleSetDigest.of(RFC)).isEqualTo(RFC_DIGEST);
  }

  @Test
  void theExampleFileReadsAsTheHandBuiltRuleSet() {
    assertThat(RuleSetFormat.NATIVE.read(RuleSetLoader.exampleBytes())).isEqualTo(EXAMPLE);
  }

  @Test
  void exampleNative() {
    assertThat(text(RuleSetFormat.NATIVE.write(EXAMPLE))).isEqualTo(EXAMPLE_NATIVE);
  }

  @Test
  void exampleDigest() {
    assertThat(RuleSetDigest.of(EXAMPLE)).isEqualTo(EXAMPLE_DIGEST);
    assertThat(RuleSetDigest.ofBytes(utf8(EXAMPLE_NATIVE))).isEqualTo(EXAMPLE_DIGEST);
  }

  @Test
  void exampleOcnHasEveryRuleOfEveryDomain() {
    assertThat(text(RuleSetFormat.OCN.write(EXAMPLE))).isEqualTo(EXAMPLE_OCN);
  }

  @Test
  void exampleOcnPerDomain() {
    assertThat(text(CeFormats.ocn(EXAMPLE.domains().get(1)))).isEqualTo("{\"basicMapRules\":["
        + "{\"brIpv6Address\":\"2001:db8:ffff::2\",\"eaBitLength\":\"16\",\"ipv4Prefix\":\"198.51.100.0\","
        + "\"ipv4PrefixLength\":\"24\",\"ipv6Prefix\":\"2001:db8:100::\",\"ipv6PrefixLength\":\"40\",\"psIdOffset\":\"4\"},"
        + "{\"brIpv6Address\":\"2001:db8:ffff::2\",\"eaBitLength\":\"16\",\"ipv4Prefix\":\"203.0.113.0\","
        + "\"ipv4PrefixLength\":\"24\",\"ipv6Prefix\":\"2001:db8:200::\",\"ipv6PrefixLength\":\"40\",\"psIdOffset\":\"4\"}]}");
  }

  @Test
  void exampleHb46ppIsTheFirstDomain() {
    assertThat(text(RuleSetFormat.HB46PP.write(EXAMPLE))).isEqualTo(EXAMPLE_HB46PP);
  }

  @Test
  void exampleHb46ppForTheDraft03Domain() {
    assertThat(text(CeFormats.hb46pp(EXAMPLE, EXAMPLE.domains().get(1), EXAMPLE.domains().get(1).rules().get(1), true)))
        .isEqualTo("{\"enabler_name\":\"maprule example\",\"service_name\":\"maprule example MAP-E\","
            + "\"ttl\":86400,\"order\":[\"map_e\"],\"map_e\":{\"version\":0,\"mesh\":1,\"br\":\"2001:db8:ffff::2\","
            + "\"rules\":[{\"ipv6\":\"2001:db8:100::/40\",\"ipv4\":\"198.51.100.0/24\",\"ea_length\":16,\"psid_offset\":4},"
            + "{\"ipv6\":\"2001:db8:200::/40\",\"ipv4\":\"203.0.113.0/24\",\"ea_length\":16,\"psid_offset\":4}]}}");
  }
}
