package org.maprule.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/** Ipv4Address, Ipv4Prefix and Ipv6Prefix beyond the corpora: round trips, containment, edges. */
class Ipv4AddressAndPrefixTest {

  @Test
  void ipv4RoundTripsAndAgreesWithJavaNet() throws UnknownHostException {
    Random rnd = new Random(5737);
    for (int i = 0; i < 5000; i++) {
      int bits = i < 4 ? new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}[i] : rnd.nextInt();
      Ipv4Address a = Ipv4Address.of(bits);
      String text = a.toString();
      assertThat(Ipv4Address.parse(text)).isEqualTo(a).hasSameHashCodeAs(a);
      assertThat(a.toBytes()).isEqualTo(InetAddress.getByName(text).getAddress());
      assertThat(InetAddress.getByAddress(a.toBytes()).getHostAddress()).isEqualTo(text);
      assertThat(a.toLong()).isEqualTo(bits & 0xFFFF_FFFFL);
      assertThat(a.toInt()).isEqualTo(bits);
    }
  }

  @Test
  void ipv4OrderIsUnsigned() {
    assertThat(Ipv4Address.parse("128.0.0.0").compareTo(Ipv4Address.parse("127.255.255.255"))).isPositive();
    assertThat(Ipv4Address.parse("0.0.0.1").compareTo(Ipv4Address.parse("255.0.0.0"))).isNegative();
    assertThat(Ipv4Address.parse("1.2.3.4").compareTo(Ipv4Address.parse("1.2.3.4"))).isZero();
  }

  @Test
  void ipv4PrefixBasics() {
    Ipv4Prefix p = Ipv4Prefix.parse("192.0.2.0/24");
    assertThat(p.size()).isEqualTo(256);
    assertThat(p.last()).isEqualTo(Ipv4Address.parse("192.0.2.255"));
    assertThat(p.contains(Ipv4Address.parse("192.0.2.18"))).isTrue();
    assertThat(p.contains(Ipv4Address.parse("192.0.3.0"))).isFalse();
    assertThat(p.contains(Ipv4Prefix.parse("192.0.2.128/25"))).isTrue();
    assertThat(p.contains(Ipv4Prefix.parse("192.0.0.0/16"))).isFalse();
    assertThat(p.overlaps(Ipv4Prefix.parse("192.0.0.0/16"))).isTrue();
    assertThat(p.overlaps(Ipv4Prefix.parse("192.0.3.0/24"))).isFalse();
    assertThat(Ipv4Prefix.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
    assertThat(Ipv4Prefix.parse("0.0.0.0/0").contains(Ipv4Address.parse("255.255.255.255"))).isTrue();
    assertThat(Ipv4Prefix.parse("0.0.0.0/0").last()).isEqualTo(Ipv4Address.parse("255.255.255.255"));
    assertThat(Ipv4Prefix.parse("192.0.2.1/32").size()).isEqualTo(1);
    assertThat(Ipv4Prefix.containing(Ipv4Address.parse("192.0.2.18"), 24)).isEqualTo(p);
    assertThat(Ipv4Prefix.containing(Ipv4Address.parse("192.0.2.18"), 0).toString()).isEqualTo("0.0.0.0/0");
    assertThatThrownBy(() -> Ipv4Prefix.containing(Ipv4Address.parse("192.0.2.18"), 33))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(p.compareTo(Ipv4Prefix.parse("192.0.2.0/25"))).isNegative();
    assertThat(p.compareTo(Ipv4Prefix.parse("192.0.1.0/24"))).isPositive();
    assertThat(p).isEqualTo(Ipv4Prefix.of(Ipv4Address.parse("192.0.2.0"), 24)).hasSameHashCodeAs(p);
    assertThat(p).isNotEqualTo(Ipv4Prefix.parse("192.0.2.0/25"));
  }

  @Test
  void ipv4PrefixOfChecksLengthAndHostBits() {
    MapruleException len = catchThrowableOfType(MapruleException.class,
        () -> Ipv4Prefix.of(Ipv4Address.parse("192.0.2.0"), 33));
    assertThat(len.code()).isEqualTo(ErrorCode.INVALID_PREFIX);
    assertThat(catchThrowableOfType(MapruleException.class,
        () -> Ipv4Prefix.of(Ipv4Address.parse("192.0.2.0"), -1)).code()).isEqualTo(ErrorCode.INVALID_PREFIX);
    MapruleException host = catchThrowableOfType(MapruleException.class,
        () -> Ipv4Prefix.of(Ipv4Address.parse("192.0.2.1"), 31, "ipv4"));
    assertThat(host.code()).isEqualTo(ErrorCode.PREFIX_HOST_BITS_SET);
    assertThat(host.field()).isEqualTo("ipv4");
    assertThat(host.value()).isEqualTo("192.0.2.1/31");
    // every length: the network address of a length is accepted, one more bit is not
    Ipv4Address ones = Ipv4Address.parse("255.255.255.255");
    for (int l = 0; l <= 32; l++) {
      Ipv4Prefix net = Ipv4Prefix.containing(ones, l);
      assertThat(Ipv4Prefix.of(net.address(), l)).isEqualTo(net);
      if (l < 32) {
        int extra = l;
        assertThat(catchThrowableOfType(MapruleException.class,
            () -> Ipv4Prefix.of(Ipv4Prefix.containing(ones, extra + 1).address(), extra)).code())
            .isEqualTo(ErrorCode.PREFIX_HOST_BITS_SET);
      }
    }
  }

  @Test
  void ipv6PrefixBasics() {
    Ipv6Prefix rule = Ipv6Prefix.parse("2001:db8::/40");
    Ipv6Prefix eu = Ipv6Prefix.parse("2001:db8:12:3400::/56");
    assertThat(rule.contains(eu)).isTrue();
    assertThat(eu.contains(rule)).isFalse();
    assertThat(rule.overlaps(eu)).isTrue();
    assertThat(eu.overlaps(rule)).isTrue();
    assertThat(rule.contains(Ipv6Address.parse("2001:db8:ff:ffff::1"))).isTrue();
    assertThat(rule.contains(Ipv6Address.parse("2001:db8:100::"))).isFalse();
    assertThat(eu.overlaps(Ipv6Prefix.parse("2001:db8:12:3500::/56"))).isFalse();
    assertThat(eu.truncate(40)).isEqualTo(rule);
    assertThat(eu.truncate(56)).isEqualTo(eu);
    assertThat(eu.truncate(0)).isEqualTo(Ipv6Prefix.parse("::/0"));
    assertThatThrownBy(() -> eu.truncate(57)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> eu.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Ipv6Prefix.containing(Ipv6Address.parse("2001:db8:12:34ff:1::1"), 56)).isEqualTo(eu);
    assertThatThrownBy(() -> Ipv6Prefix.containing(Ipv6Address.parse("::1"), 129))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Ipv6Prefix.parse("::/0").contains(Ipv6Prefix.parse("::1/128"))).isTrue();
    assertThat(rule.compareTo(eu)).isNegative();
    assertThat(rule.compareTo(Ipv6Prefix.parse("2001:db8::/48"))).isNegative();
    assertThat(eu).isEqualTo(Ipv6Prefix.of(Ipv6Address.parse("2001:db8:12:3400::"), 56)).hasSameHashCodeAs(eu);
    assertThat(eu).isNotEqualTo(Ipv6Prefix.parse("2001:db8:12:3400::/57"));
    MapruleException len = catchThrowableOfType(MapruleException.class,
        () -> Ipv6Prefix.of(Ipv6Address.parse("2001:db8::"), 129));
    assertThat(len.code()).isEqualTo(ErrorCode.INVALID_PREFIX);
    MapruleException host = catchThrowableOfType(MapruleException.class,
        () -> Ipv6Prefix.of(Ipv6Address.parse("2001:db8::1"), 64, "rule"));
    assertThat(host.code()).isEqualTo(ErrorCode.PREFIX_HOST_BITS_SET);
    assertThat(host.field()).isEqualTo("rule");
    assertThat(host.value()).isEqualTo("2001:db8::1/64");
  }
}
