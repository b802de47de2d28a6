package org.maprule.calc;

import java.util.List;

/**
 * The transport ports of one CE (RFC 7597 §5.1, Appendix B): every port
 * {@code A (a bits) | PSID (k bits) | j (m bits)} with A in 1..2^a - 1 when a > 0 (so ports
 * 0..2^(16-a) - 1 are never offered), or the single A = 0 when a = 0. k = 0 means unrestricted.
 * STUB: implemented by the calc work package.
 */
public final class PortSet {
  private PortSet() {}

  /**
   * The port set of {@code psid}.
   *
   * @param psidOffset a, bits, 0..15
   * @param psidLength k, bits, 0..16 with a + k <= 16 (0: unrestricted)
   * @param psid 0..2^k - 1
   * @return the port set
   * @throws IllegalArgumentException when the values are out of range
   */
  public static PortSet of(int psidOffset, int psidLength, int psid) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Whether every port is allowed (k = 0). */
  public boolean isUnrestricted() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The inclusive ranges in ascending order; empty when unrestricted. */
  public List<PortRange> ranges() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Number of ports: (2^a - 1) * 2^m when a > 0, 2^m when a = 0, 65536 when unrestricted. */
  public int portCount() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Whether {@code port} (0..65535) is in this set. */
  public boolean contains(int port) {
    throw new UnsupportedOperationException("TODO");
  }
}
