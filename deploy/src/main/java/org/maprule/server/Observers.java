package org.maprule.server;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What watches the local transport besides the client: the access log and the Prometheus
 * metrics with the address of their own port (never the CE port). Either may be absent.
 *
 * @param accessLog where one line per answered request goes, or null for none
 * @param metrics the metrics, or null for none
 * @param metricsAddress where the metrics are served ({@code GET /metrics}); non-null exactly when
 *     {@code metrics} is
 */
public record Observers(AccessLog accessLog, ServerMetrics metrics,
    InetSocketAddress metricsAddress) {

  /**
   * Checks that metrics and their address come together.
   *
   * @throws IllegalArgumentException when only one of {@code metrics} and
   *     {@code metricsAddress} is given
   */
  public Observers {
    if ((metrics == null) != (metricsAddress == null)) {
      throw new IllegalArgumentException("metrics and metricsAddress come together");
    }
  }

  /** No access log, no metrics. */
  public static Observers none() {
    return new Observers(null, null, null);
  }

  /** These observers with {@code log} as the access log. */
  public Observers withAccessLog(AccessLog log) {
    return new Observers(Objects.requireNonNull(log, "log"), metrics, metricsAddress);
  }

  /** These observers with metrics served on {@code address}. */
  public Observers withMetrics(ServerMetrics registry, InetSocketAddress address) {
    return new Observers(accessLog, Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(address, "address"));
  }
}
