package org.maprule.calc;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The transport ports of one CE (RFC 7597 §5.1, Appendix B; docs/domain.md §4).
 *
 * <p>A port is {@code A (a bits) | PSID (k bits) | j (m bits)} with m = 16 - a - k. When a > 0,
 * A runs 1 .. 2^a - 1 (A = 0 is excluded, which keeps ports 0 .. 2^(16-a) - 1 away from every
 * CE), giving 2^a - 1 ranges of 2^m ports each:
 * {@code first = (A << (16 - a)) | (PSID << m)}, {@code last = first + 2^m - 1}. When a = 0
 * there is the single A = 0 and one range {@code PSID << m .. (PSID << m) + 2^m - 1}.
 *
 * <p>Decisions this class makes, beyond the RFC:
 *
 * <ul>
 *   <li>Port 0 is never offered. With a = 0 and k > 0 the range of PSID 0 starts at port 1, so
 *       it holds 2^m - 1 ports (PSID 0 also owns the other system ports 1 .. 2^m - 1, which the
 *       validator flags as {@code PSID_ZERO_SYSTEM_PORTS}). The degenerate a = 0, k = 16,
 *       PSID 0 is therefore empty: not unrestricted, no ranges, {@link #portCount()} 0.
 *   <li>k = 0 means unrestricted (a whole IPv4 address or prefix per CE): {@link #ranges()} is
 *       empty, {@link #portCount()} is 65535 (ports 1..65535) whatever a is.
 * </ul>
 *
 * <p>The set is held as its three parameters; {@link #ranges()} is a list computed on access
 * (no per-port or per-range storage), so a set with 32767 ranges costs the same as one with 15.
 * Immutable and thread-safe.
 *
 * <p>Example (RFC 7597 Appendix A, example 1): {@code PortSet.of(6, 8, 0x34)} has 63 ranges of
 * 4 ports, 1232–1235, 2256–2259, …, 64720–64723: 252 ports.
 */
public final class PortSet {
  /** Ports a CE may use when its set is unrestricted: 1..65535 (port 0 never). */
  public static final int UNRESTRICTED_PORT_COUNT = 65535;

  private final int psidOffset;
  private final int psidLength;
  private final int psid;

  private PortSet(int psidOffset, int psidLength, int psid) {
    this.psidOffset = psidOffset;
    this.psidLength = psidLength;
    this.psid = psid;
  }

  /**
   * The port set of {@code psid}.
   *
   * @param psidOffset a, bits, 0..15
   * @param psidLength k, bits, 0..16 with a + k <= 16 (0: unrestricted)
   * @param psid 0..2^k - 1 (0 when k = 0)
   * @return the port set
   * @throws IllegalArgumentException when the values are out of range (a validated rule never
   *     produces such values)
   */
  public static PortSet of(int psidOffset, int psidLength, int psid) {
    checkParameters(psidOffset, psidLength);
    if (psid < 0 || psid > (1 << psidLength) - 1) {
      throw new IllegalArgumentException(
          "PSID " + psid + " outside 0.." + ((1 << psidLength) - 1) + " for k = " + psidLength);
    }
    return new PortSet(psidOffset, psidLength, psid);
  }

  /**
   * An unrestricted port set (k = 0): every port 1..65535.
   *
   * @param psidOffset a, bits, 0..15, kept only for {@link #psidOffset()}
   * @return the port set
   * @throws IllegalArgumentException when a is outside 0..15
   */
  public static PortSet unrestricted(int psidOffset) {
    return of(psidOffset, 0, 0);
  }

  /**
   * The PSID that port {@code port} belongs to (RFC 7597 §5.1, Appendix B reverse mapping):
   * {@code (port >> m) & (2^k - 1)} with m = 16 - a - k. The formula does not look at A: for a
   * port no CE is offered (see {@link #isOffered}) it still returns a number.
   *
   * @param port 0..65535
   * @param psidOffset a, bits, 0..15
   * @param psidLength k, bits, 0..16 with a + k <= 16
   * @return the PSID, 0..2^k - 1 (0 when k = 0)
   * @throws IllegalArgumentException when a value is out of range
   */
  public static int psidOf(int port, int psidOffset, int psidLength) {
    checkParameters(psidOffset, psidLength);
    checkPort(port);
    int m = 16 - psidOffset - psidLength;
    return (port >>> m) & ((1 << psidLength) - 1);
  }

  /**
   * Whether some CE is offered {@code port} under these parameters: never port 0; when k > 0 and
   * a > 0 never a port whose A bits are 0 (ports 0 .. 2^(16-a) - 1). Together with
   * {@link #psidOf} this is the reverse lookup port → owner.
   *
   * @param port 0..65535
   * @param psidOffset a, bits, 0..15
   * @param psidLength k, bits, 0..16 with a + k <= 16
   * @return whether the port belongs to the set of PSID {@code psidOf(port, a, k)}
   * @throws IllegalArgumentException when a value is out of range
   */
  public static boolean isOffered(int port, int psidOffset, int psidLength) {
    checkParameters(psidOffset, psidLength);
    checkPort(port);
    if (port == 0) {
      return false;
    }
    return psidLength == 0 || psidOffset == 0 || (port >>> (16 - psidOffset)) != 0;
  }

  /** a, the PSID offset, bits, 0..15. */
  public int psidOffset() {
    return psidOffset;
  }

  /** k, the PSID length, bits, 0..16 (0: unrestricted). */
  public int psidLength() {
    return psidLength;
  }

  /** The PSID, 0..2^k - 1 (0 when unrestricted). */
  public int psid() {
    return psid;
  }

  /** m = 16 - a - k, the number of contiguous port bits, bits (meaningless when unrestricted). */
  public int contiguousPortBits() {
    return 16 - psidOffset - psidLength;
  }

  /** Whether every port 1..65535 is allowed (k = 0). */
  public boolean isUnrestricted() {
    return psidLength == 0;
  }

  /**
   * The inclusive ranges in ascending order; empty when unrestricted (and for the empty a = 0,
   * k = 16, PSID 0). The list is immutable and computed on access: 2^a - 1 ranges when a > 0,
   * one when a = 0.
   */
  public List<PortRange> ranges() {
    if (isUnrestricted()) {
      return List.of();
    }
    int m = contiguousPortBits();
    if (psidOffset == 0) {
      int first = Math.max(psid << m, 1);
      int last = (psid << m) + (1 << m) - 1;
      return first > last ? List.of() : List.of(new PortRange(first, last));
    }
    return new Ranges(psidOffset, psid << m, 1 << m);
  }

  /** The number of ranges {@link #ranges()} holds, without building them. */
  public int rangeCount() {
    if (isUnrestricted()) {
      return 0;
    }
    if (psidOffset == 0) {
      return portCount() == 0 ? 0 : 1;
    }
    return (1 << psidOffset) - 1;
  }

  /**
   * Number of ports: (2^a - 1) * 2^m when a > 0; 2^m when a = 0 (2^m - 1 for PSID 0, port 0
   * never being offered); {@value #UNRESTRICTED_PORT_COUNT} (ports 1..65535) when unrestricted.
   */
  public int portCount() {
    if (isUnrestricted()) {
      return UNRESTRICTED_PORT_COUNT;
    }
    int m = contiguousPortBits();
    if (psidOffset == 0) {
      return (1 << m) - (psid == 0 ? 1 : 0);
    }
    return ((1 << psidOffset) - 1) << m;
  }

  /**
   * Whether {@code port} is in this set.
   *
   * @param port any int; values outside 1..65535 are never in the set
   * @return whether the CE may use the port
   */
  public boolean contains(int port) {
    if (port < 1 || port > 65535) {
      return false;
    }
    if (isUnrestricted()) {
      return true;
    }
    if (psidOffset > 0 && (port >>> (16 - psidOffset)) == 0) {
      return false;
    }
    int m = contiguousPortBits();
    return ((port >>> m) & ((1 << psidLength) - 1)) == psid;
  }

  /**
   * Two sets are equal when both are unrestricted (a then plays no part), or when a, k and the
   * PSID are all equal. Different parameters can describe the same ports (a = 1, k = 1, PSID 1
   * and a = 0, k = 2, PSID 3 are both 49152–65535); such sets are not equal.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PortSet)) {
      return false;
    }
    PortSet p = (PortSet) o;
    if (isUnrestricted() || p.isUnrestricted()) {
      return isUnrestricted() && p.isUnrestricted();
    }
    return p.psidOffset == psidOffset && p.psidLength == psidLength && p.psid == psid;
  }

  @Override
  public int hashCode() {
    return isUnrestricted() ? 0 : (psidOffset * 31 + psidLength) * 65537 + psid + 1;
  }

  /**
   * For example {@code a=6 k=8 psid=52: 1232-1235, 2256-2259, ..., 64720-64723 (63 ranges, 252
   * ports)}, or {@code unrestricted (ports 1-65535)}.
   */
  @Override
  public String toString() {
    if (isUnrestricted()) {
      return "unrestricted (ports 1-65535)";
    }
    List<PortRange> r = ranges();
    StringBuilder sb = new StringBuilder();
    sb.append("a=").append(psidOffset).append(" k=").append(psidLength).append(" psid=").append(psid).append(':');
    for (int i = 0; i < r.size(); i++) {
      if (i == 2 && r.size() > 3) {
        sb.append(" ...,");
        i = r.size() - 1;
      }
      PortRange pr = r.get(i);
      sb.append(' ').append(pr.first()).append('-').append(pr.last());
      if (i < r.size() - 1) {
        sb.append(',');
      }
    }
    return sb.append(" (").append(r.size()).append(" ranges, ").append(portCount()).append(" ports)").toString();
  }

  private static void checkParameters(int psidOffset, int psidLength) {
    if (psidOffset < 0 || psidOffset > 15) {
      throw new IllegalArgumentException("PSID offset " + psidOffset + " outside 0..15");
    }
    if (psidLength < 0 || psidLength > 16 || psidOffset + psidLength > 16) {
      throw new IllegalArgumentException(
          "PSID length " + psidLength + " outside 0.." + (16 - psidOffset) + " for a = " + psidOffset);
    }
  }

  private static void checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " outside 0..65535");
    }
  }

  /** The 2^a - 1 ranges of a set with a > 0, computed per index. */
  private static final class Ranges extends AbstractList<PortRange> implements RandomAccess {
    private final int psidOffset;
    private final int psidBits;
    private final int width;

    Ranges(int psidOffset, int psidBits, int width) {
      this.psidOffset = psidOffset;
      this.psidBits = psidBits;
      this.width = width;
    }

    @Override
    public PortRange get(int index) {
      if (index < 0 || index >= size()) {
        throw new IndexOutOfBoundsException("range " + index + " of " + size());
      }
      int first = ((index + 1) << (16 - psidOffset)) | psidBits;
      return new PortRange(first, first + width - 1);
    }

    @Override
    public int size() {
      return (1 << psidOffset) - 1;
    }
  }
}
