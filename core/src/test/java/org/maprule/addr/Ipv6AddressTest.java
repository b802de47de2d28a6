package org.maprule.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ipv6Address: seeded round trips against java.net, and the bit operations against BigInteger. */
class Ipv6AddressTest {
  private static final BigInteger ALL = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  /** The 16 bytes java.net gives for a literal (an IPv4-mapped literal comes back as 4 bytes). */
  static byte[] javaBytes(String literal) throws UnknownHostException {
    InetAddress a = InetAddress.getByName(literal);
    if (a instanceof Inet4Address) {
      byte[] b = new byte[16];
      b[10] = (byte) 0xff;
      b[11] = (byte) 0xff;
      System.arraycopy(a.getAddress(), 0, b, 12, 4);
      return b;
    }
    return a.getAddress();
  }

  /** Seeded random addresses, half of them with zero groups and zero runs. */
  static Stream<Ipv6Address> randomAddresses() {
    Random rnd = new Random(7597);
    return IntStream.range(0, 1000).mapToObj(i -> {
      byte[] b = new byte[16];
      rnd.nextBytes(b);
      if (i % 2 == 0) {
        for (int g = 0; g < 8; g++) {
          if (rnd.nextInt(3) > 0) {
            b[2 * g] = 0;
            b[2 * g + 1] = 0;
          }
        }
      }
      if (i % 7 == 0) {
        // small groups, to test the no-leading-zero output
        for (int g = 0; g < 8; g++) {
          b[2 * g] = 0;
          b[2 * g + 1] &= 0x0f;
        }
      }
      if (i % 11 == 0) {
        // IPv4-mapped
        for (int j = 0; j < 10; j++) {
          b[j] = 0;
        }
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
      }
      return Ipv6Address.fromBytes(b);
    });
  }

  @ParameterizedTest
  @MethodSource("randomAddresses")
  void roundTripsAndAgreesWithJavaNet(Ipv6Address a) throws UnknownHostException {
    String text = a.toString();
    assertThat(Ipv6Address.parse(text)).isEqualTo(a);
    assertThat(Ipv6Address.fromBytes(a.toBytes())).isEqualTo(a);
    assertThat(javaBytes(text)).isEqualTo(a.toBytes());
    // java.net's own text (full, uncompressed form) parses to the same address
    InetAddress j = InetAddress.getByAddress(a.toBytes());
    String javaText = j instanceof Inet4Address ? "::ffff:" + j.getHostAddress() : j.getHostAddress();
    assertThat(Ipv6Address.parse(javaText)).isEqualTo(a);
    assertThat(Ipv6Address.parse(text.toUpperCase())).isEqualTo(a);
    // RFC 5952: lower case, no leading zeros, never a '::' for a single zero group
    assertThat(text).isEqualTo(text.toLowerCase());
    assertThat(text).doesNotContainPattern("(^|:)0[0-9a-f]").doesNotContain(":::");
    int runs = text.split("::", -1).length - 1;
    assertThat(runs).isLessThanOrEqualTo(1);
    if (runs == 1 && text.indexOf('.') < 0) {
      long written = java.util.Arrays.stream(text.split(":")).filter(g -> !g.isEmpty()).count();
      assertThat(8 - written).as("groups under '::' in %s", text).isGreaterThanOrEqualTo(2);
    }
    assertThat(Ipv6Address.of(a.high(), a.low())).isEqualTo(a).hasSameHashCodeAs(a);
  }

  @Test
  void mappedFormIsOnlyForMappedAddresses() {
    assertThat(Ipv6Address.parse("::ffff:0:0").toString()).isEqualTo("::ffff:0.0.0.0");
    assertThat(Ipv6Address.parse("::fffe:c000:201").toString()).isEqualTo("::fffe:c000:201");
    assertThat(Ipv6Address.parse("1::ffff:c000:201").toString()).isEqualTo("1::ffff:c000:201");
  }

  @Test
  void orderIsUnsigned() {
    Ipv6Address small = Ipv6Address.parse("::1");
    Ipv6Address high = Ipv6Address.parse("8000::");
    Ipv6Address lowHalf = Ipv6Address.parse("::8000:0:0:0");
    assertThat(small.compareTo(high)).isNegative();
    assertThat(high.compareTo(small)).isPositive();
    assertThat(small.compareTo(lowHalf)).isNegative();
    assertThat(lowHalf.compareTo(high)).isNegative();
    assertThat(small.compareTo(Ipv6Address.parse("0::1"))).isZero();
  }

  @Test
  void globalUnicastIs2000Slash3() {
    assertThat(Ipv6Address.parse("2000::").isGlobalUnicast()).isTrue();
    assertThat(Ipv6Address.parse("3fff:ffff::").isGlobalUnicast()).isTrue();
    assertThat(Ipv6Address.parse("1fff:ffff::").isGlobalUnicast()).isFalse();
    assertThat(Ipv6Address.parse("4000::").isGlobalUnicast()).isFalse();
    assertThat(Ipv6Address.parse("fe80::1").isGlobalUnicast()).isFalse();
    assertThat(Ipv6Address.parse("::1").isGlobalUnicast()).isFalse();
  }

  @Test
  void fromBytesNeedsSixteen() {
    assertThatThrownBy(() -> Ipv6Address.fromBytes(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ipv6Address.fromBytes(new byte[17])).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- bits / withBits / masked against BigInteger, every (from, count) ----

  private static List<Ipv6Address> bitSamples() {
    List<Ipv6Address> out = new ArrayList<>(List.of(
        Ipv6Address.of(0, 0), Ipv6Address.of(-1L, -1L), Ipv6Address.of(1L, 1L),
        Ipv6Address.of(Long.MIN_VALUE, Long.MIN_VALUE), Ipv6Address.of(0x5555555555555555L, 0xaaaaaaaaaaaaaaaaL),
        Ipv6Address.parse("2001:db8:12:3400:0:c000:212:34")));
    Random rnd = new Random(128);
    for (int i = 0; i < 6; i++) {
      out.add(Ipv6Address.of(rnd.nextLong(), rnd.nextLong()));
    }
    return out;
  }

  static BigInteger big(Ipv6Address a) {
    return new BigInteger(1, a.toBytes());
  }

  @Test
  void bitsMatchesBigIntegerForEveryRange() {
    for (Ipv6Address a : bitSamples()) {
      BigInteger v = big(a);
      for (int from = 0; from <= 128; from++) {
        for (int count = 0; count <= Math.min(64, 128 - from); count++) {
          long expected = v.shiftRight(128 - from - count)
              .and(BigInteger.ONE.shiftLeft(count).subtract(BigInteger.ONE)).longValue();
          if (a.bits(from, count) != expected) {
            throw new AssertionError("bits(" + from + ", " + count + ") of " + a);
          }
        }
      }
    }
  }

  @Test
  void withBitsMatchesBigIntegerForEveryRange() {
    Random rnd = new Random(64);
    for (Ipv6Address a : bitSamples()) {
      BigInteger v = big(a);
      for (int from = 0; from <= 128; from++) {
        for (int count = 0; count <= Math.min(64, 128 - from); count++) {
          long value = rnd.nextLong();
          BigInteger field = BigInteger.ONE.shiftLeft(count).subtract(BigInteger.ONE);
          int shift = 128 - from - count;
          BigInteger expected = v.andNot(field.shiftLeft(shift))
              .or(BigInteger.valueOf(value).and(field).shiftLeft(shift));
          Ipv6Address actual = a.withBits(from, count, value);
          if (!big(actual).equals(expected)) {
            throw new AssertionError("withBits(" + from + ", " + count + ", " + value + ") of " + a);
          }
          if (actual.bits(from, count) != BigInteger.valueOf(value).and(field).longValue()) {
            throw new AssertionError("bits after withBits(" + from + ", " + count + ") of " + a);
          }
        }
      }
    }
  }

  @Test
  void maskedMatchesBigIntegerForEveryLength() {
    for (Ipv6Address a : bitSamples()) {
      for (int length = 0; length <= 128; length++) {
        BigInteger keep = ALL.xor(BigInteger.ONE.shiftLeft(128 - length).subtract(BigInteger.ONE));
        assertThat(big(a.masked(length))).as("masked(%d) of %s", length, a).isEqualTo(big(a).and(keep));
      }
    }
    Ipv6Address ones = Ipv6Address.of(-1L, -1L);
    assertThat(ones.masked(0)).isEqualTo(Ipv6Address.of(0, 0));
    assertThat(ones.masked(63)).isEqualTo(Ipv6Address.of(-2L, 0));
    assertThat(ones.masked(64)).isEqualTo(Ipv6Address.of(-1L, 0));
    assertThat(ones.masked(65)).isEqualTo(Ipv6Address.of(-1L, Long.MIN_VALUE));
    assertThat(ones.masked(127)).isEqualTo(Ipv6Address.of(-1L, -2L));
    assertThat(ones.masked(128)).isEqualTo(ones);
  }

  @Test
  void boundaryValues() {
    Ipv6Address a = Ipv6Address.parse("8000:0:0:1:8000:0:0:1");
    assertThat(a.bits(0, 1)).isEqualTo(1);
    assertThat(a.bits(63, 1)).isEqualTo(1);
    assertThat(a.bits(63, 2)).isEqualTo(3);
    assertThat(a.bits(64, 1)).isEqualTo(1);
    assertThat(a.bits(127, 1)).isEqualTo(1);
    assertThat(a.bits(128, 0)).isZero();
    assertThat(a.bits(0, 64)).isEqualTo(a.high());
    assertThat(a.bits(64, 64)).isEqualTo(a.low());
    assertThat(a.bits(32, 64)).isEqualTo(0x0000_0001_8000_0000L);
    Ipv6Address zero = Ipv6Address.of(0, 0);
    assertThat(zero.withBits(63, 2, 3)).isEqualTo(Ipv6Address.of(1, Long.MIN_VALUE));
    assertThat(zero.withBits(0, 64, -1L)).isEqualTo(Ipv6Address.of(-1L, 0));
    assertThat(zero.withBits(64, 64, -1L)).isEqualTo(Ipv6Address.of(0, -1L));
    assertThat(zero.withBits(127, 1, 0xff)).isEqualTo(Ipv6Address.of(0, 1));
    assertThat(zero.withBits(128, 0, 1)).isEqualTo(zero);
    assertThat(zero.withBits(40, 16, 0x1234).toString()).isEqualTo("0:0:12:3400::");
  }

  @Test
  void badRangesAreRejected() {
    Ipv6Address a = Ipv6Address.parse("2001:db8::1");
    int[][] bad = {{-1, 1}, {0, -1}, {0, 65}, {65, 64}, {128, 1}, {129, 0}, {127, 2}};
    for (int[] b : bad) {
      assertThatThrownBy(() -> a.bits(b[0], b[1])).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> a.withBits(b[0], b[1], 0)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> a.masked(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.masked(129)).isInstanceOf(IllegalArgumentException.class);
  }
}
