package org.maprule.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.maprule.addr.Ipv6Address;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;

/**
 * The local transport of maprule (docs/design.md §1): the JDK's {@code com.sun.net.httpserver} in
 * front of {@link MapruleService#handle}. It only translates: each exchange becomes a neutral
 * {@link HttpRequest} (the TCP peer is the trusted client address) and the neutral
 * {@link HttpResponse} is written back unchanged. Every decision about MAP-E or HTTP semantics
 * is the core's.
 *
 * <p>Exchanges run on a bounded pool ({@link #THREADS} threads, {@link #QUEUE} queued); when
 * both are full the accepting thread runs the exchange itself, which slows accepting down
 * instead of dropping connections.
 */
public final class LocalServer implements AutoCloseable {
  /** Worker threads: 2 per processor, at least 4, at most 64. */
  public static final int THREADS =
      Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
  /** Exchanges waiting for a worker before the accepting thread helps out. */
  public static final int QUEUE = 1024;
  /** Largest request body read, bytes; the rest is discarded (every endpoint is GET/HEAD). */
  public static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService pool;

  private LocalServer(HttpServer server, ExecutorService pool) {
    this.server = server;
    this.pool = pool;
  }

  /**
   * Starts serving {@code service} on {@code address}.
   *
   * @param service the core service answering every request
   * @param address where to listen; port 0 picks a free port (see {@link #port()})
   * @return the running server
   * @throws IOException when the address cannot be bound (in use, not local, no permission)
   */
  public static LocalServer start(MapruleService service, InetSocketAddress address)
      throws IOException {
    Objects.requireNonNull(service, "service");
    return start(service::handle, address);
  }

  /**
   * Starts serving any neutral handler on {@code address}: the same transport as
   * {@link #start(MapruleService, InetSocketAddress)}, for tests of the transport itself.
   *
   * @param handler answers each request; must not throw for client input
   * @param address where to listen; port 0 picks a free port
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static LocalServer start(Function<HttpRequest, HttpResponse> handler,
      InetSocketAddress address) throws IOException {
    Objects.requireNonNull(handler, "handler");
    HttpServer server = HttpServer.create(address, 0);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), new DaemonThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    server.setExecutor(pool);
    server.createContext("/", exchange -> exchange(handler, exchange));
    server.start();
    return new LocalServer(server, pool);
  }

  /** The bound TCP port (the real one when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The bound address and port. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops listening at once, closes open connections and ends the worker threads. */
  @Override
  public void close() {
    server.stop(0);
    pool.shutdown();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void exchange(Function<HttpRequest, HttpResponse> handler, HttpExchange exchange) {
    try (exchange) {
      HttpResponse response;
      try {
        response = handler.apply(toRequest(exchange));
      } catch (RuntimeException e) {
        // the service never throws for client input: this is a bug, answered without details
        System.err.println("maprule: internal error answering " + exchange.getRequestMethod() + " "
            + exchange.getRequestURI().getRawPath() + ": " + e);
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      write(exchange, response);
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  /**
   * The neutral request of an exchange: method as sent, path percent-decoded from the raw path,
   * query decoded by {@link HttpRequest#parseQuery}, every header, the body (at most
   * {@link #MAX_BODY} bytes) and the TCP peer's address.
   */
  static HttpRequest toRequest(HttpExchange exchange) throws IOException {
    String rawPath = exchange.getRequestURI().getRawPath();
    String path = rawPath == null || rawPath.isEmpty() ? "/" : PathDecoder.decode(rawPath);
    Map<String, List<String>> query = HttpRequest.parseQuery(exchange.getRequestURI().getRawQuery());
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY);
    }
    return new HttpRequest(exchange.getRequestMethod(), path, query,
        Headers.of(exchange.getRequestHeaders()), body, peer(exchange.getRemoteAddress()));
  }

  /**
   * The peer's IP address as text: dotted quad, or IPv6 in RFC 5952 form without zone or
   * brackets; null when unknown.
   */
  static String peer(InetSocketAddress remote) {
    if (remote == null || remote.getAddress() == null) {
      return null;
    }
    InetAddress a = remote.getAddress();
    if (a instanceof Inet6Address) {
      return Ipv6Address.fromBytes(a.getAddress()).toString();
    }
    return a.getHostAddress();
  }

  private static void write(HttpExchange exchange, HttpResponse response) throws IOException {
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    response.headers().asMap().forEach((name, values) -> {
      if (!name.equals("content-length")) { // the server frames the body itself
        out.put(name, values);
      }
    });
    byte[] body = response.body();
    boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.status() == 304
        || response.status() == 204 || body.length == 0;
    if (noBody) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(body);
    }
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "maprule-http-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
