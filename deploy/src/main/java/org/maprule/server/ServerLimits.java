package org.maprule.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds the local transport holds every connection to (docs/cli.md, {@code maprule serve}):
 * what it reads of a request, how long it waits, how many connections it serves, how many I/O
 * threads it runs. Beyond a size or count bound a request gets core's {@code 414}, {@code 431} or
 * {@code 413} answer ({@link org.maprule.http.TransportFault}); a request not complete in time gets
 * {@code 408}. Immutable; {@link #defaults()} are safe for an origin on the internet.
 *
 * @param maxRequestLineBytes the longest request line read ({@code GET /calc?… HTTP/1.1}, without
 *     CRLF), bytes, 64..1048576; longer is {@code 414}
 * @param maxHeaderBytes the largest header section read (every field line together), bytes,
 *     256..1048576; larger is {@code 431}
 * @param maxHeaders the most header field lines read, 1..10000; more is {@code 431}
 * @param maxBodyBytes the largest request body read, bytes, 0..16777216; larger is {@code 413}
 *     (every endpoint is GET/HEAD: CEs send none)
 * @param headerTimeout how long a request may take to arrive, from its first byte (or from the
 *     connection's opening for its first request) to its last, 1 ms..1 h; then {@code 408} and
 *     the connection is closed (a connection that sent nothing is closed without an answer)
 * @param idleTimeout how long a kept-alive connection may wait for its next request, 1 ms..1 h;
 *     then it is closed
 * @param maxConnections the most connections served at once, 1..1000000; a connection beyond
 *     them gets core's {@code 503 CONNECTION_LIMIT} to its first request and is closed
 * @param ioThreads the number of event-loop threads, 1..256
 */
public record ServerLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaders,
    int maxBodyBytes, Duration headerTimeout, Duration idleTimeout, int maxConnections,
    int ioThreads) {

  /** Default request line bound: 8192 bytes (as Apache's LimitRequestLine, nginx's 8k buffers). */
  public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 8192;
  /** Default header section bound: 16384 bytes. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 16384;
  /** Default header count bound: 100 field lines (as Apache's LimitRequestFields). */
  public static final int DEFAULT_MAX_HEADERS = 100;
  /** Default body bound: 8192 bytes (CEs send no body). */
  public static final int DEFAULT_MAX_BODY_BYTES = 8192;
  /** Default time for a request to arrive: 10 s. */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  /** Default keep-alive idle time: 60 s. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  /** Default connection bound: 2048. */
  public static final int DEFAULT_MAX_CONNECTIONS = 2048;

  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /**
   * Checks every bound.
   *
   * @throws IllegalArgumentException naming the component and its value when out of range
   * @throws NullPointerException when a timeout is null
   */
  public ServerLimits {
    range("maxRequestLineBytes", maxRequestLineBytes, 64, 1 << 20);
    range("maxHeaderBytes", maxHeaderBytes, 256, 1 << 20);
    range("maxHeaders", maxHeaders, 1, 10_000);
    range("maxBodyBytes", maxBodyBytes, 0, 1 << 24);
    timeout("headerTimeout", headerTimeout);
    timeout("idleTimeout", idleTimeout);
    range("maxConnections", maxConnections, 1, 1_000_000);
    range("ioThreads", ioThreads, 1, 256);
  }

  /**
   * The defaults: {@value #DEFAULT_MAX_REQUEST_LINE_BYTES}-byte request line,
   * {@value #DEFAULT_MAX_HEADER_BYTES}-byte header section of at most
   * {@value #DEFAULT_MAX_HEADERS} fields, {@value #DEFAULT_MAX_BODY_BYTES}-byte body, 10 s for a
   * request to arrive, 60 s keep-alive idle time, {@value #DEFAULT_MAX_CONNECTIONS} connections,
   * one I/O thread per available processor (at most 256).
   */
  public static ServerLimits defaults() {
    return new ServerLimits(DEFAULT_MAX_REQUEST_LINE_BYTES, DEFAULT_MAX_HEADER_BYTES,
        DEFAULT_MAX_HEADERS, DEFAULT_MAX_BODY_BYTES, DEFAULT_HEADER_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS, Math.min(256, Runtime.getRuntime().availableProcessors()));
  }

  /** These limits with another request-line bound (bytes). */
  public ServerLimits withMaxRequestLineBytes(int bytes) {
    return new ServerLimits(bytes, maxHeaderBytes, maxHeaders, maxBodyBytes, headerTimeout,
        idleTimeout, maxConnections, ioThreads);
  }

  /** These limits with another header-section bound (bytes). */
  public ServerLimits withMaxHeaderBytes(int bytes) {
    return new ServerLimits(maxRequestLineBytes, bytes, maxHeaders, maxBodyBytes, headerTimeout,
        idleTimeout, maxConnections, ioThreads);
  }

  /** These limits with another header-count bound. */
  public ServerLimits withMaxHeaders(int count) {
    return new ServerLimits(maxRequestLineBytes, maxHeaderBytes, count, maxBodyBytes,
        headerTimeout, idleTimeout, maxConnections, ioThreads);
  }

  /** These limits with another body bound (bytes). */
  public ServerLimits withMaxBodyBytes(int bytes) {
    return new ServerLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaders, bytes,
        headerTimeout, idleTimeout, maxConnections, ioThreads);
  }

  /** These limits with another time for a request to arrive. */
  public ServerLimits withHeaderTimeout(Duration timeout) {
    return new ServerLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaders, maxBodyBytes,
        timeout, idleTimeout, maxConnections, ioThreads);
  }

  /** These limits with another keep-alive idle time. */
  public ServerLimits withIdleTimeout(Duration timeout) {
    return new ServerLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaders, maxBodyBytes,
        headerTimeout, timeout, maxConnections, ioThreads);
  }

  /** These limits with another connection bound. */
  public ServerLimits withMaxConnections(int count) {
    return new ServerLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaders, maxBodyBytes,
        headerTimeout, idleTimeout, count, ioThreads);
  }

  /** These limits with another number of I/O threads. */
  public ServerLimits withIoThreads(int count) {
    return new ServerLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaders, maxBodyBytes,
        headerTimeout, idleTimeout, maxConnections, count);
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " " + value + " is out of range " + min + ".."
          + max);
    }
  }

  private static void timeout(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.toMillis() < 1 || value.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " " + value + " is out of range 1 ms..1 h");
    }
  }
}
