package org.maprule.calc;

/**
 * An inclusive range of transport ports.
 *
 * @param first first port, 1..65535
 * @param last last port, {@code first..65535}
 */
public record PortRange(int first, int last) {
  /** Checks 0 < first <= last <= 65535. */
  public PortRange {
    if (first < 1 || last < first || last > 65535) {
      throw new IllegalArgumentException("bad port range " + first + "-" + last);
    }
  }

  /** Number of ports, {@code last - first + 1}. */
  public int size() {
    return last - first + 1;
  }
}
