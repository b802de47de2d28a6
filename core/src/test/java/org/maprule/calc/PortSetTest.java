package org.maprule.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PortSet: RFC 7597 §5.1 and Appendix B, the project's decisions on port 0 and k = 0. */
class PortSetTest {

  // ---- golden vectors ----

  /** RFC 7597 Appendix A example 1 (and RFC 7599 Appendix A examples 1 and 5): a = 6, k = 8, PSID 0x34. */
  @Test
  void rfc7597AppendixAExample1() {
    PortSet s = PortSet.of(6, 8, 0x34);
    assertThat(s.isUnrestricted()).isFalse();
    assertThat(s.contiguousPortBits()).isEqualTo(2);
    assertThat(s.portCount()).isEqualTo(252);
    assertThat(s.rangeCount()).isEqualTo(63);
    List<PortRange> r = s.ranges();
    assertThat(r).hasSize(63);
    assertThat(r.get(0)).isEqualTo(new PortRange(1232, 1235));
    assertThat(r.get(1)).isEqualTo(new PortRange(2256, 2259));
    assertThat(r.get(61)).isEqualTo(new PortRange(63696, 63699));
    assertThat(r.get(62)).isEqualTo(new PortRange(64720, 64723));
    assertThat(r.stream().mapToInt(PortRange::size).sum()).isEqualTo(252);
    assertThat(s.contains(1232)).isTrue();
    assertThat(s.contains(1235)).isTrue();
    assertThat(s.contains(1236)).isFalse();
    assertThat(s.contains(1231)).isFalse();
    assertThat(s.contains(64723)).isTrue();
    assertThat(s.contains(208)).isFalse(); // A = 0: 0x34 << 2 = 208 is a system port, excluded
    assertThat(PortSet.psidOf(1232, 6, 8)).isEqualTo(0x34);
    assertThat(PortSet.psidOf(64723, 6, 8)).isEqualTo(0x34);
    assertThat(s.toString())
        .isEqualTo("a=6 k=8 psid=52: 1232-1235, 2256-2259, ..., 64720-64723 (63 ranges, 252 ports)");
  }

  /**
   * RFC 7597 Appendix B (GMA): with R = 2^k and M = 2^m the ports of PSID K are
   * P = R·M·i + M·K + j (i = A, j = 0..M-1) and K = floor(P / M) mod R. Checked for every port
   * against the shift form the class uses, for the default a = 6 and the JP parameters.
   */
  @ParameterizedTest
  @CsvSource({"6,8", "6,6", "4,8", "0,6", "6,10", "1,15", "15,1", "0,16", "3,0"})
  void rfc7597AppendixBModulusFormOfTheAlgorithm(int a, int k) {
    int m = 16 - a - k;
    long r = 1L << k;
    long mm = 1L << m;
    for (int port = 0; port <= 65535; port++) {
      assertThat((long) PortSet.psidOf(port, a, k)).isEqualTo((port / mm) % r);
    }
    if (k == 0) {
      assertThat(PortSet.of(a, k, 0).isUnrestricted()).isTrue();
      return;
    }
    for (int psid : new int[] {0, 1, (int) r / 2, (int) r - 1}) {
      PortSet s = PortSet.of(a, k, psid);
      List<Integer> expected = new ArrayList<>();
      for (long i = a == 0 ? 0 : 1; i < (1L << a); i++) {
        for (long j = 0; j < mm; j++) {
          long p = r * mm * i + mm * psid + j;
          if (p != 0) {
            expected.add((int) p);
          }
        }
      }
      List<Integer> actual = new ArrayList<>();
      s.ranges().forEach(pr -> {
        for (int p = pr.first(); p <= pr.last(); p++) {
          actual.add(p);
        }
      });
      assertThat(actual).isEqualTo(expected);
      assertThat(s.portCount()).isEqualTo(expected.size());
    }
  }

  /** RFC 7597 §5.1: the default offset a = 6 keeps the system ports 0..1023 away from every CE. */
  @Test
  void defaultOffsetExcludesSystemPorts() {
    for (int k = 1; k <= 10; k++) {
      for (int port = 0; port < 1024; port++) {
        assertThat(PortSet.isOffered(port, 6, k)).isFalse();
        assertThat(PortSet.of(6, k, PortSet.psidOf(port, 6, k)).contains(port)).isFalse();
      }
      assertThat(PortSet.isOffered(1024, 6, k)).isTrue();
    }
  }

  /** docs/domain.md §4: JPNE, BIGLOBE, NURO (a = 4, k = 8): 15 ranges of 16, first 4096 + 16·PSID. */
  @Test
  void jpA4K8() {
    for (int psid = 0; psid < 256; psid++) {
      PortSet s = PortSet.of(4, 8, psid);
      assertThat(s.portCount()).isEqualTo(240);
      assertThat(s.ranges()).hasSize(15).allMatch(pr -> pr.size() == 16);
      assertThat(s.ranges().get(0)).isEqualTo(new PortRange(4096 + 16 * psid, 4096 + 16 * psid + 15));
      assertThat(s.ranges().get(14).first()).isEqualTo(15 * 4096 + 16 * psid);
    }
  }

  /** docs/domain.md §4: OCN (a = 6, k = 6): 63 ranges of 16 = 1008 ports, first 1024 + 16·PSID. */
  @Test
  void ocnA6K6() {
    for (int psid = 0; psid < 64; psid++) {
      PortSet s = PortSet.of(6, 6, psid);
      assertThat(s.portCount()).isEqualTo(1008);
      assertThat(s.ranges()).hasSize(63).allMatch(pr -> pr.size() == 16);
      assertThat(s.ranges().get(0)).isEqualTo(new PortRange(1024 + 16 * psid, 1024 + 16 * psid + 15));
    }
  }

  // ---- decisions ----

  @Test
  void portZeroIsNeverOfferedWithOffsetZero() {
    PortSet zero = PortSet.of(0, 6, 0);
    assertThat(zero.ranges()).containsExactly(new PortRange(1, 1023));
    assertThat(zero.portCount()).isEqualTo(1023);
    assertThat(zero.contains(0)).isFalse();
    assertThat(zero.contains(1)).isTrue();
    PortSet one = PortSet.of(0, 6, 1);
    assertThat(one.ranges()).containsExactly(new PortRange(1024, 2047));
    assertThat(one.portCount()).isEqualTo(1024);
    assertThat(PortSet.isOffered(0, 0, 6)).isFalse();
    assertThat(PortSet.isOffered(1, 0, 6)).isTrue();
  }

  @Test
  void offsetZeroFullPsidLengthLeavesPsidZeroEmpty() {
    PortSet empty = PortSet.of(0, 16, 0);
    assertThat(empty.isUnrestricted()).isFalse();
    assertThat(empty.ranges()).isEmpty();
    assertThat(empty.rangeCount()).isZero();
    assertThat(empty.portCount()).isZero();
    assertThat(empty.contains(0)).isFalse();
    PortSet p7 = PortSet.of(0, 16, 7);
    assertThat(p7.ranges()).containsExactly(new PortRange(7, 7));
    assertThat(p7.contains(7)).isTrue();
  }

  @Test
  void psidLengthZeroIsUnrestricted() {
    for (int a = 0; a <= 15; a++) {
      PortSet s = PortSet.of(a, 0, 0);
      assertThat(s.isUnrestricted()).isTrue();
      assertThat(s.ranges()).isEmpty();
      assertThat(s.rangeCount()).isZero();
      assertThat(s.portCount()).isEqualTo(65535);
      assertThat(s.contains(0)).isFalse();
      assertThat(s.contains(1)).isTrue();
      assertThat(s.contains(65535)).isTrue();
      assertThat(s.contains(65536)).isFalse();
      assertThat(s).isEqualTo(PortSet.unrestricted(0)).hasSameHashCodeAs(PortSet.unrestricted(0));
      assertThat(s.psidOffset()).isEqualTo(a);
      assertThat(s.toString()).isEqualTo("unrestricted (ports 1-65535)");
      assertThat(PortSet.psidOf(12345, a, 0)).isZero();
      assertThat(PortSet.isOffered(0, a, 0)).isFalse();
      assertThat(PortSet.isOffered(1, a, 0)).isTrue();
    }
  }

  @Test
  void containsRejectsOutOfRangeValues() {
    PortSet s = PortSet.of(6, 8, 0x34);
    assertThat(s.contains(-1)).isFalse();
    assertThat(s.contains(65536)).isFalse();
    assertThat(s.contains(Integer.MIN_VALUE)).isFalse();
    assertThat(s.contains(65536 + 1232)).isFalse();
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> PortSet.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.of(16, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.of(0, 17, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.of(6, 11, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.of(6, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.of(6, 8, 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.of(6, 8, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.of(6, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.psidOf(65536, 6, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.psidOf(-1, 6, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.psidOf(1, 6, 11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortSet.isOffered(1, 16, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rangesListIsImmutableAndBoundsChecked() {
    List<PortRange> r = PortSet.of(4, 8, 3).ranges();
    assertThatThrownBy(() -> r.get(15)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> r.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> r.add(new PortRange(1, 2))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(r).isEqualTo(new ArrayList<>(r));
    assertThat(PortSet.of(15, 1, 1).ranges()).hasSize(32767);
  }

  @Test
  void equalityIsByParameters() {
    assertThat(PortSet.of(6, 8, 0x34)).isEqualTo(PortSet.of(6, 8, 0x34))
        .hasSameHashCodeAs(PortSet.of(6, 8, 0x34));
    assertThat(PortSet.of(6, 8, 0x34)).isNotEqualTo(PortSet.of(6, 8, 0x35));
    assertThat(PortSet.of(6, 8, 0x34)).isNotEqualTo(PortSet.of(4, 8, 0x34));
    assertThat(PortSet.of(4, 8, 0)).isNotEqualTo(PortSet.of(4, 7, 0));
    assertThat(PortSet.of(4, 8, 0)).isNotEqualTo(PortSet.unrestricted(4));
    assertThat(PortSet.unrestricted(4)).isNotEqualTo(PortSet.of(4, 8, 0));
    assertThat(PortSet.of(4, 8, 0)).isNotEqualTo("a=4");
    // same ports, different parameters: documented as not equal
    assertThat(PortSet.of(1, 1, 1).ranges()).isEqualTo(PortSet.of(0, 2, 3).ranges());
    assertThat(PortSet.of(1, 1, 1)).isNotEqualTo(PortSet.of(0, 2, 3));
  }

  // ---- exhaustive over every (a, k) ----

  /**
   * For every a in 0..15 and k in 1..16-a: the port sets of all PSIDs are pairwise disjoint, their
   * union is exactly the offered ports (2^(16-a)..65535 when a > 0, 1..65535 when a = 0), each
   * count matches the formula, ranges are ascending and of size 2^m, and port → psidOf →
   * PortSet.of(..).contains(port) round-trips. k = 0 is covered by {@link #psidLengthZeroIsUnrestricted}.
   */
  @Test
  void everyOffsetAndLengthPartitionsThePorts() {
    int[] owner = new int[65536];
    for (int a = 0; a <= 15; a++) {
      for (int k = 1; k <= 16 - a; k++) {
        int m = 16 - a - k;
        Arrays.fill(owner, -1);
        long total = 0;
        for (int psid = 0; psid < (1 << k); psid++) {
          PortSet s = PortSet.of(a, k, psid);
          List<PortRange> ranges = s.ranges();
          assertThat(ranges.size()).isEqualTo(s.rangeCount());
          int count = 0;
          int previousLast = -1;
          for (int i = 0; i < ranges.size(); i++) {
            PortRange pr = ranges.get(i);
            if (pr.first() <= previousLast) {
              throw new AssertionError("ranges not ascending for a=" + a + " k=" + k + " psid=" + psid);
            }
            previousLast = pr.last();
            if (!(a == 0 && psid == 0) && pr.size() != 1 << m) {
              throw new AssertionError("range " + pr + " is not 2^m long for a=" + a + " k=" + k);
            }
            for (int p = pr.first(); p <= pr.last(); p++) {
              if (owner[p] != -1) {
                throw new AssertionError("port " + p + " in PSID " + owner[p] + " and " + psid
                    + " for a=" + a + " k=" + k);
              }
              owner[p] = psid;
              count++;
            }
          }
          int expected = a > 0 ? ((1 << a) - 1) << m : (1 << m) - (psid == 0 ? 1 : 0);
          if (count != expected || s.portCount() != expected) {
            throw new AssertionError("a=" + a + " k=" + k + " psid=" + psid + ": " + count + " ports, portCount "
                + s.portCount() + ", formula " + expected);
          }
          total += count;
        }
        int lowest = a > 0 ? 1 << (16 - a) : 1;
        assertThat(total).as("union size a=%d k=%d", a, k).isEqualTo(65536 - lowest);
        for (int p = 0; p <= 65535; p++) {
          boolean offered = p >= lowest;
          if ((owner[p] != -1) != offered || PortSet.isOffered(p, a, k) != offered) {
            throw new AssertionError("port " + p + " offered=" + offered + " owner=" + owner[p] + " a=" + a + " k=" + k);
          }
          int psid = PortSet.psidOf(p, a, k);
          if (offered) {
            if (psid != owner[p] || !PortSet.of(a, k, psid).contains(p)
                || PortSet.of(a, k, (psid + 1) & ((1 << k) - 1)).contains(p)) {
              throw new AssertionError("reverse lookup of port " + p + " a=" + a + " k=" + k);
            }
          } else if (PortSet.of(a, k, psid).contains(p)) {
            throw new AssertionError("excluded port " + p + " is contained, a=" + a + " k=" + k);
          }
        }
      }
    }
  }
}
