package org.maprule.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.maprule.addr.Ipv6Address;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;

/**
 * The local transport of maprule (docs/design.md §1, docs/architecture.md "The request path"):
 * an HTTP/1.1 server on Netty (native epoll where it loads, NIO elsewhere) in front of
 * {@link MapruleService#handle}. It only translates: Netty's decoded request becomes a neutral
 * {@link HttpRequest} through core's URI layer ({@link HttpRequest#of}; the TCP peer is the
 * trusted client address), core's {@link HttpResponse} is written back unchanged (its bytes
 * wrapped, never copied), and a request that cannot be read is answered by core too
 * ({@link MapruleService#transportFault}). Every decision about MAP-E or HTTP semantics is core's.
 *
 * <p>What the transport does itself is HTTP/1.1 framing (RFC 9112): {@code content-length},
 * {@code date}, {@code connection}, keep-alive, pipelined requests answered in order, HEAD and
 * 304 without a body, {@code 100 Continue}, TCP_NODELAY, the {@link ServerLimits} and
 * timeouts, and a staged close. Each request is answered by the {@link MapruleService} current
 * when it arrived ({@link #replace}): no answer mixes two rule sets.
 *
 * <p>Thread-safe. {@link #drain} stops accepting and lets answers in progress finish;
 * {@link #close} stops at once.
 */
public final class LocalServer implements AutoCloseable {
  /**
   * The listen backlog asked for: connections the kernel completes before they are accepted
   * (Linux caps it at {@code net.core.somaxconn}, 4096 by default). A burst beyond it has its
   * handshakes dropped and retried a second later.
   */
  static final int BACKLOG = 4096;

  private final EventLoopGroup group;
  private final Channel listener;
  private final Channel metricsListener;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicReference<MapruleService> service;
  private final Function<HttpRequest, HttpResponse> handler;
  private final ServerLimits limits;
  private final Observers observers;
  private final ScheduledFuture<?> logFlusher;
  private volatile boolean draining;
  private volatile boolean closed;

  private LocalServer(Builder b) throws IOException {
    this.service = new AtomicReference<>(b.service);
    this.handler = b.handler;
    this.limits = b.limits;
    this.observers = b.observers;
    this.group = EventLoops.group(limits.ioThreads());
    try {
      this.listener = bind(b.address, new ChannelInitializer<SocketChannel>() {
        @Override
        protected void initChannel(SocketChannel ch) {
          HttpConnection connection = new HttpConnection(LocalServer.this);
          RequestDecoder decoder = new RequestDecoder(decoderConfig(limits), connection);
          connection.decoder(decoder);
          ch.pipeline().addLast("decoder", decoder)
              .addLast("encoder", new HttpResponseEncoder())
              .addLast("maprule", connection);
        }
      });
      ServerMetrics metrics = observers.metrics();
      if (metrics != null) {
        metrics.connections(open::get);
        metrics.ruleSet(b.service.ruleSetDigest());
        this.metricsListener = bind(observers.metricsAddress(),
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                MetricsEndpoint.initChannel(ch, metrics);
              }
            });
      } else {
        this.metricsListener = null;
      }
    } catch (IOException | RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      throw e;
    }
    AccessLog log = observers.accessLog();
    this.logFlusher = log == null ? null
        : group.next().scheduleAtFixedRate(log::flush, 1, 1, TimeUnit.SECONDS);
  }

  private static final class Builder {
    MapruleService service;
    Function<HttpRequest, HttpResponse> handler;
    InetSocketAddress address;
    ServerLimits limits;
    Observers observers;
  }

  /**
   * Starts serving {@code service} on {@code address} with the {@link ServerLimits#defaults()}.
   *
   * @param service the core service answering every request
   * @param address where to listen; port 0 picks a free port (see {@link #port()})
   * @return the running server
   * @throws IOException when the address cannot be bound (in use, not local, no permission)
   */
  public static LocalServer start(MapruleService service, InetSocketAddress address)
      throws IOException {
    return start(service, address, ServerLimits.defaults(), Observers.none());
  }

  /**
   * Starts serving {@code service} on {@code address}.
   *
   * @param service the core service answering every request (replaceable: {@link #replace})
   * @param address where to listen; port 0 picks a free port
   * @param limits the bounds
   * @param observers the access log and metrics, or {@link Observers#none()}
   * @return the running server
   * @throws IOException when an address cannot be bound (in use, not local, no permission)
   */
  public static LocalServer start(MapruleService service, InetSocketAddress address,
      ServerLimits limits, Observers observers) throws IOException {
    Builder b = new Builder();
    b.service = Objects.requireNonNull(service, "service");
    b.address = Objects.requireNonNull(address, "address");
    b.limits = Objects.requireNonNull(limits, "limits");
    b.observers = Objects.requireNonNull(observers, "observers");
    return new LocalServer(b);
  }

  /**
   * Starts serving any neutral handler on {@code address} with the
   * {@link ServerLimits#defaults()}: the same transport, for tests of the transport itself.
   *
   * @param handler answers each request; must not throw for client input (a throw is answered
   *     500 with an empty body)
   * @param address where to listen; port 0 picks a free port
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static LocalServer start(Function<HttpRequest, HttpResponse> handler,
      InetSocketAddress address) throws IOException {
    return start(handler, address, ServerLimits.defaults());
  }

  /**
   * Starts serving any neutral handler on {@code address}. Requests the transport cannot read
   * are answered by core as a service without rule set answers them
   * ({@code x-maprule-ruleset: none}).
   *
   * @param handler answers each request; must not throw for client input
   * @param address where to listen; port 0 picks a free port
   * @param limits the bounds
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static LocalServer start(Function<HttpRequest, HttpResponse> handler,
      InetSocketAddress address, ServerLimits limits) throws IOException {
    Builder b = new Builder();
    b.handler = Objects.requireNonNull(handler, "handler");
    // no rule document: a service that answers transport faults with "x-maprule-ruleset: none"
    b.service = MapruleService.load(ServiceConfig.defaults(), new byte[0], RuleSetFormat.NATIVE);
    b.address = Objects.requireNonNull(address, "address");
    b.limits = Objects.requireNonNull(limits, "limits");
    b.observers = Observers.none();
    return new LocalServer(b);
  }

  private Channel bind(InetSocketAddress address, ChannelInitializer<SocketChannel> init)
      throws IOException {
    ServerBootstrap b = new ServerBootstrap()
        .group(group)
        .channel(EventLoops.serverChannel())
        .option(ChannelOption.SO_BACKLOG, BACKLOG)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(init);
    ChannelFuture f = b.bind(address).awaitUninterruptibly();
    if (!f.isSuccess()) {
      Throwable cause = f.cause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new IOException(cause == null ? "bind failed" : cause.getMessage(), cause);
    }
    return f.channel();
  }

  /** Netty's decoder settings from the limits: strict lines, validated fields, no duplicate lengths. */
  static HttpDecoderConfig decoderConfig(ServerLimits limits) {
    return new HttpDecoderConfig()
        .setMaxInitialLineLength(limits.maxRequestLineBytes())
        .setMaxHeaderSize(limits.maxHeaderBytes())
        .setMaxChunkSize(8192)
        .setChunkedSupported(true)
        .setValidateHeaders(true)
        .setStrictLineParsing(true)
        .setAllowDuplicateContentLengths(false);
  }

  /** The bound TCP port (the real one when started on port 0). */
  public int port() {
    return address().getPort();
  }

  /** The bound address and port. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** The bound metrics address and port, or null without metrics. */
  public InetSocketAddress metricsAddress() {
    return metricsListener == null ? null : (InetSocketAddress) metricsListener.localAddress();
  }

  /** The I/O transport in use: {@code epoll} or {@code nio}. */
  public static String transport() {
    return EventLoops.name();
  }

  /** The number of open client connections (those beyond the limit included). */
  public int openConnections() {
    return open.get();
  }

  /** The service answering requests now. */
  public MapruleService service() {
    return service.get();
  }

  /**
   * Makes {@code next} answer every request that arrives from now on (a reload): requests
   * already being answered finish with the service they started with. The metrics' rule-set
   * digest follows.
   *
   * @param next the new service
   */
  public void replace(MapruleService next) {
    Objects.requireNonNull(next, "next");
    service.set(next);
    ServerMetrics m = observers.metrics();
    if (m != null) {
      m.ruleSet(next.ruleSetDigest());
    }
  }

  /**
   * Stops accepting connections and lets the open ones finish: an idle connection is closed now,
   * one with a request in progress gets its answer with {@code connection: close} and is then
   * closed. Waits at most {@code timeout}, then closes whatever is left; the event loops and the
   * access log are stopped either way.
   *
   * @param timeout the longest wait, at least 0
   * @return whether every connection finished in time
   */
  public synchronized boolean drain(Duration timeout) {
    if (closed) {
      return true;
    }
    draining = true;
    listener.close().awaitUninterruptibly();
    if (metricsListener != null) {
      metricsListener.close().awaitUninterruptibly();
    }
    for (Channel ch : connections) {
      ch.eventLoop().execute(() -> {
        HttpConnection c = ch.pipeline().get(HttpConnection.class);
        if (c != null) {
          c.drain();
        }
      });
    }
    boolean done = connections.newCloseFuture()
        .awaitUninterruptibly(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    close();
    return done;
  }

  /** Stops listening at once, closes every connection and ends the event loops. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    draining = true;
    listener.close().awaitUninterruptibly();
    if (metricsListener != null) {
      metricsListener.close().awaitUninterruptibly();
    }
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    if (logFlusher != null) {
      logFlusher.cancel(false);
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    AccessLog log = observers.accessLog();
    if (log != null) {
      log.flush();
    }
  }

  // ---- for HttpConnection ----

  /** Counts a new connection; false when it is beyond {@link ServerLimits#maxConnections()}. */
  boolean connectionOpened(Channel ch) {
    connections.add(ch);
    return open.incrementAndGet() <= limits.maxConnections();
  }

  void connectionClosed(Channel ch) {
    open.decrementAndGet();
  }

  ServerLimits limits() {
    return limits;
  }

  Function<HttpRequest, HttpResponse> handler() {
    return handler;
  }

  AccessLog accessLog() {
    return observers.accessLog();
  }

  ServerMetrics metrics() {
    return observers.metrics();
  }

  boolean draining() {
    return draining;
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
}
