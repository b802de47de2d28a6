package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maprule.format.Fixtures.text;

import org.junit.jupiter.api.Test;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.MapCalculator;

/** The {@code maprule calc} body end to end: real MapCalculator, bytes checked by hand. */
class CalcBodyTest {

  private static String ranges(int psidOffset, int psid, int psidLength) {
    int m = 16 - psidOffset - psidLength;
    StringBuilder b = new StringBuilder();
    for (int a = 1; a < (1 << psidOffset); a++) {
      int first = (a << (16 - psidOffset)) | (psid << m);
      b.append(a == 1 ? "" : ",").append('[').append(first).append(',').append(first + (1 << m) - 1).append(']');
    }
    return b.toString();
  }

  @Test
  void rfcExampleOne() {
    byte[] body = CeFormats.calc(MapCalculator.of(Fixtures.RFC).calculate(Ipv6Prefix.parse("2001:db8:12:3400::/56")));
    assertThat(text(body)).isEqualTo("{\"prefix\":\"2001:db8:12:3400::/56\",\"domain\":\"rfc\","
        + "\"bmr\":{\"ipv6Prefix\":\"2001:db8::/40\",\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,\"psidOffset\":6},"
        + "\"ipv4Address\":\"192.0.2.18\",\"ipv4PrefixLength\":32,\"psid\":52,\"psidLength\":8,\"psidOffset\":6,"
        + "\"portRanges\":[" + ranges(6, 52, 8) + "],\"portCount\":252,"
        + "\"ceAddress\":\"2001:db8:12:3400:0:c000:212:34\",\"ceAddressRfc7597\":\"2001:db8:12:3400:0:c000:212:34\","
        + "\"ceAddressDraft03\":\"2001:db8:12:3400:c0:2:1200:3400\",\"brIpv6Address\":\"2001:db8:ffff::1\","
        + "\"endUserPrefix\":\"2001:db8:12:3400::/56\"}");
    assertThat(ranges(6, 52, 8)).startsWith("[1232,1235],[2256,2259],").endsWith("[64720,64723]");
  }

  @Test
  void exampleDraft03DomainFromARaSlash64() {
    // 2001:db8:112:3456::/64 in 2001:db8:100::/40 -> EA 0x1234 -> 198.51.100.18, PSID 0x34, a 4, k 8, m 4;
    // the CE address is built from the /56 (End-user prefix length 56), in the draft-03 layout
    byte[] body = CeFormats.calc(MapCalculator.of(Fixtures.EXAMPLE).calculate(Ipv6Prefix.parse("2001:db8:112:3456::/64")));
    assertThat(text(body)).isEqualTo("{\"prefix\":\"2001:db8:112:3456::/64\",\"domain\":\"example-draft03\","
        + "\"bmr\":{\"ipv6Prefix\":\"2001:db8:100::/40\",\"ipv4Prefix\":\"198.51.100.0/24\",\"eaBitLength\":16,\"psidOffset\":4},"
        + "\"ipv4Address\":\"198.51.100.18\",\"ipv4PrefixLength\":32,\"psid\":52,\"psidLength\":8,\"psidOffset\":4,"
        + "\"portRanges\":[" + ranges(4, 52, 8) + "],\"portCount\":240,"
        + "\"ceAddress\":\"2001:db8:112:3400:c6:3364:1200:3400\",\"ceAddressRfc7597\":\"2001:db8:112:3400:0:c633:6412:34\","
        + "\"ceAddressDraft03\":\"2001:db8:112:3400:c6:3364:1200:3400\",\"brIpv6Address\":\"2001:db8:ffff::2\","
        + "\"endUserPrefix\":\"2001:db8:112:3400::/56\"}");
    assertThat(ranges(4, 52, 8)).startsWith("[4928,4943],");
  }
}
