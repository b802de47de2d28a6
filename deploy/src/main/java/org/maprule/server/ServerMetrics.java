package org.maprule.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.maprule.http.Endpoint;

/**
 * The Prometheus metrics of {@code maprule serve --metrics-port} (docs/cli.md), through
 * Micrometer's Prometheus registry. Exposed in the Prometheus text format 0.0.4:
 * <ul>
 *   <li>{@code maprule_requests_total{endpoint, status}}: answered requests, {@code endpoint} one
 *       of {@link Endpoint#label()} (a fixed set: never a client's path);
 *   <li>{@code maprule_request_duration_seconds{endpoint}}: a histogram of the time from a
 *       request's arrival to its answer's hand-off to the socket, buckets 100 µs .. 1 s;
 *   <li>{@code maprule_connections_open}: open client connections;
 *   <li>{@code maprule_ruleset_info{digest}}: 1, labelled with the served rule set's digest
 *       ({@code none} without a valid one);
 *   <li>{@code maprule_reload_failures_total}: refused reloads (SIGHUP with an unreadable or
 *       invalid file);
 *   <li>the JVM's memory, GC, thread and uptime meters (Micrometer's binders).
 * </ul>
 * Thread-safe.
 */
public final class ServerMetrics implements AutoCloseable {
  /** The content type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Duration[] BUCKETS = {
    Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
    Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5),
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1),
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<Endpoint, Timer> durations = new EnumMap<>(Endpoint.class);
  private final Map<Integer, Counter> requests = new ConcurrentHashMap<>();
  private final Counter reloadFailures;
  private Gauge ruleSet;

  /** A registry with the meters above (rule set {@code none}, no connection source yet). */
  public ServerMetrics() {
    for (Endpoint e : Endpoint.values()) {
      durations.put(e, Timer.builder("maprule.request.duration")
          .description("Time from a request's arrival to its answer's hand-off to the socket")
          .tag("endpoint", e.label())
          .serviceLevelObjectives(BUCKETS)
          .register(registry));
    }
    reloadFailures = Counter.builder("maprule.reload.failures")
        .description("Reloads refused: the new rule-set file was unreadable or invalid")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    ruleSet("none");
  }

  /**
   * Counts one answered request.
   *
   * @param endpoint the endpoint ({@link Endpoint#NONE} for unknown paths and transport faults)
   * @param status the status sent
   * @param nanos the time taken, nanoseconds
   */
  public void request(Endpoint endpoint, int status, long nanos) {
    int key = endpoint.ordinal() << 16 | status;
    Counter c = requests.get(key);
    if (c == null) {
      c = requests.computeIfAbsent(key, k -> Counter.builder("maprule.requests")
          .description("Answered requests by endpoint and status")
          .tag("endpoint", endpoint.label())
          .tag("status", Integer.toString(status))
          .register(registry));
    }
    c.increment();
    durations.get(endpoint).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts one refused reload. */
  public void reloadFailed() {
    reloadFailures.increment();
  }

  /**
   * Shows {@code digest} as the served rule set ({@code maprule_ruleset_info}), replacing the
   * one shown before.
   *
   * @param digest the digest, or {@code none}
   */
  public synchronized void ruleSet(String digest) {
    Objects.requireNonNull(digest, "digest");
    if (ruleSet != null) {
      if (digest.equals(ruleSet.getId().getTag("digest"))) {
        return;
      }
      registry.remove(ruleSet);
    }
    ruleSet = Gauge.builder("maprule.ruleset.info", () -> 1)
        .description("The served rule set: 1, labelled with its digest")
        .tag("digest", digest)
        .register(registry);
  }

  /**
   * Reports {@code source} as the number of open connections ({@code maprule_connections_open}).
   *
   * @param source the count, read at each scrape
   */
  public void connections(IntSupplier source) {
    Objects.requireNonNull(source, "source");
    Gauge.builder("maprule.connections.open", source::getAsInt)
        .description("Open client connections")
        .register(registry);
  }

  /** Every meter in the Prometheus text format 0.0.4 ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape();
  }

  /** Stops the GC listener and closes the registry. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
