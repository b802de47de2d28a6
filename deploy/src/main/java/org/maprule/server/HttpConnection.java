package org.maprule.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.maprule.http.Endpoint;
import org.maprule.http.Headers;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;

/**
 * One client connection of the local transport: HTTP/1.1 messages from Netty's decoder become
 * core's neutral requests, core's answers become bytes, in order (pipelined requests are
 * answered one after the other, as they arrive). Runs on the connection's event loop only.
 *
 * <p>Life of a connection: it has {@link ServerLimits#headerTimeout()} for its first request, from
 * its opening; a kept-alive connection then waits at most {@link ServerLimits#idleTimeout()} for
 * the first byte of the next one, which again has the header timeout to arrive whole. A request
 * not complete in time is answered {@code 408}; a connection that sent nothing is closed without an
 * answer. A request that cannot be read ({@link RequestChecks}) is answered with core's
 * {@link TransportFault} answer. After {@code Connection: close}, a fault, a timeout or while the
 * server drains, the answer carries {@code connection: close} and the connection is closed in
 * stages (RFC 9112 §9.6): output shut down first, input read and discarded until the client closes
 * or {@link #LINGER_MILLIS} pass, so the client reads the last answer instead of a reset.
 */
final class HttpConnection extends ChannelDuplexHandler {
  /** How long a closing connection keeps reading (and discarding) after its last answer, ms. */
  static final long LINGER_MILLIS = 2000;

  private static final HttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final HttpHeadersFactory TRAILERS =
      DefaultHttpHeadersFactory.trailersFactory().withValidation(false);
  private static final byte[] NO_BODY = new byte[0];

  private enum State {
    /** Waiting for the first byte of a request. */
    IDLE,
    /** A request has begun and is not complete yet. */
    READING,
    /** The last answer is written; the connection closes. */
    CLOSING
  }

  private final LocalServer server;
  private RequestDecoder decoder;
  private ChannelHandlerContext ctx;
  private String peer;
  private boolean overLimit;
  private State state = State.IDLE;
  private boolean inputClosed;
  private boolean unflushed;
  private boolean outputShut;
  /** The last answer written, or null. */
  private ChannelFuture lastWrite;
  private ScheduledFuture<?> timer;
  /** Whether {@link #timer} is the header timeout (else the idle timeout). */
  private boolean headerTimer;

  // the request being read
  private HttpRequest head;
  private byte[] body = NO_BODY;
  private int bodyLength;
  private long startNanos;
  private Instant startTime;

  HttpConnection(LocalServer server) {
    this.server = server;
  }

  /** Set by the pipeline initialiser: the decoder in front of this handler. */
  void decoder(RequestDecoder d) {
    this.decoder = d;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void channelActive(ChannelHandlerContext context) throws Exception {
    Channel ch = context.channel();
    peer = ch.remoteAddress() instanceof InetSocketAddress
        ? LocalServer.peer((InetSocketAddress) ch.remoteAddress()) : null;
    overLimit = !server.connectionOpened(ch);
    arm(true);
    super.channelActive(context);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    cancelTimer();
    state = State.CLOSING;
    releaseRequest();
    server.connectionClosed(context.channel());
    super.channelInactive(context);
  }

  /** Called by the decoder when bytes arrive: a request has begun, its time runs. */
  void bytesArrived() {
    if (state == State.IDLE) {
      state = State.READING;
      startNanos = System.nanoTime();
      if (!headerTimer) {
        arm(true);
      }
    }
  }

  /** The server drains: an idle connection closes now, a busy one after its answer. */
  void drain() {
    if (state == State.IDLE && !decoder.hasBufferedBytes()) {
      closeInStages();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    try {
      if (state == State.CLOSING) {
        return; // after the last answer everything is discarded
      }
      if (msg instanceof HttpRequest) {
        if (state == State.IDLE) { // a request decoded without a read, as after a half-close
          state = State.READING;
          startNanos = System.nanoTime();
        }
        startRequest((HttpRequest) msg);
      }
      if (state == State.READING && head != null && msg instanceof HttpContent) {
        content((HttpContent) msg);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext context) {
    if (unflushed) {
      unflushed = false;
      context.flush();
    }
    context.fireChannelReadComplete();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object evt) throws Exception {
    if (evt instanceof ChannelInputShutdownEvent) {
      inputClosed = true;
      if (state == State.CLOSING) {
        if (outputShut) { // else the last answer is still being written: closed after it
          context.close();
        }
      } else if (state == State.READING) {
        fault(RequestChecks.closedEarly());
      } else {
        closeInStages();
      }
      flushIfNeeded();
    }
    super.userEventTriggered(context, evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
    // a client that does not read its answers stops being read: its backlog stays bounded
    context.channel().config().setAutoRead(context.channel().isWritable());
    super.channelWritabilityChanged(context);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (!(cause instanceof IOException)) { // a reset or broken pipe is the client's business
      System.err.println("maprule: connection from " + peer + " failed: " + cause);
    }
    context.close();
  }

  private void startRequest(HttpRequest h) {
    if (startTime == null && server.accessLog() != null) {
      startTime = Instant.now();
    }
    RequestChecks.Fault f = RequestChecks.check(h, server.limits());
    if (f != null) {
      fault(f);
      return;
    }
    if (overLimit) {
      fault(RequestChecks.connectionLimit(server.limits()));
      return;
    }
    head = h;
    body = NO_BODY;
    bodyLength = 0;
    if (HttpUtil.is100ContinueExpected(h) && (HttpUtil.getContentLength(h, 0L) > 0
        || HttpUtil.isTransferEncodingChunked(h))) {
      ctx.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
          Unpooled.EMPTY_BUFFER, HEADERS, TRAILERS));
      unflushed = true;
    }
  }

  private void content(HttpContent c) {
    if (c.decoderResult().isFailure()) {
      fault(RequestChecks.malformedChunk());
      return;
    }
    ByteBuf data = c.content();
    int n = data.readableBytes();
    if (n > 0) {
      if ((long) bodyLength + n > server.limits().maxBodyBytes()) {
        fault(RequestChecks.bodyTooLarge(server.limits()));
        return;
      }
      if (bodyLength + n > body.length) {
        byte[] grown = new byte[Math.min(server.limits().maxBodyBytes(),
            Math.max(bodyLength + n, Math.max(256, body.length * 2)))];
        System.arraycopy(body, 0, grown, 0, bodyLength);
        body = grown;
      }
      data.readBytes(body, bodyLength, n);
      bodyLength += n;
    }
    if (c instanceof LastHttpContent) {
      answer();
    }
  }

  /** The whole request has arrived: core answers it. */
  private void answer() {
    cancelTimer();
    HttpRequest h = head;
    byte[] b = bodyLength == body.length ? body : java.util.Arrays.copyOf(body, bodyLength);
    releaseRequest();
    MapruleService service = server.service();
    org.maprule.http.HttpRequest request = org.maprule.http.HttpRequest.of(h.method().name(),
        target(h.uri()), headers(h.headers()), b, peer);
    HttpResponse response;
    try {
      response = server.handler() == null ? service.handle(request)
          : server.handler().apply(request);
    } catch (RuntimeException e) {
      // core never throws for client input: a bug of a test handler, answered without details
      System.err.println("maprule: internal error answering " + request.method() + " "
          + request.path() + ": " + e);
      response = new HttpResponse(500, Headers.empty(), NO_BODY);
    }
    boolean close = !HttpUtil.isKeepAlive(h) || server.draining() || inputClosed;
    boolean keepAliveHeader = !close && h.protocolVersion().minorVersion() == 0;
    respond(service, request, response, h.method().name().equals("HEAD"), close,
        keepAliveHeader);
    if (close) {
      closeInStages();
    } else {
      state = State.IDLE;
      if (decoder.hasBufferedBytes()) { // the next request has begun already
        state = State.READING;
        startNanos = System.nanoTime();
        arm(true);
      } else {
        arm(false);
      }
    }
  }

  /** Answers a request that cannot be read with core's fault answer, then closes. */
  private void fault(RequestChecks.Fault f) {
    if (state == State.CLOSING) {
      return;
    }
    cancelTimer();
    releaseRequest();
    MapruleService service = server.service();
    HttpResponse response = service.transportFault(f.fault(), f.value(), f.reason());
    respond(service, null, response, false, true, false);
    closeInStages();
  }

  private void respond(MapruleService service, org.maprule.http.HttpRequest request,
      HttpResponse response, boolean head, boolean close, boolean keepAliveHeader) {
    int status = response.status();
    boolean noBody = head || status == 304 || status == 204 || status < 200;
    byte[] bytes = response.body();
    ByteBuf content = noBody || bytes.length == 0 ? Unpooled.EMPTY_BUFFER
        : Unpooled.wrappedBuffer(bytes); // core's bytes, prepared at load: never copied
    FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(status), content, HEADERS, TRAILERS);
    HttpHeaders h = out.headers();
    for (Map.Entry<String, List<String>> e : response.headers().asMap().entrySet()) {
      String name = e.getKey();
      if (!name.equals("content-length") && !name.equals("transfer-encoding")
          && !name.equals("connection")) { // framing is the transport's
        for (String v : e.getValue()) {
          h.add(name, v);
        }
      }
    }
    if (!noBody) {
      h.set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    }
    h.set(HttpHeaderNames.DATE, date());
    if (close) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (keepAliveHeader) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    int sent = content.readableBytes();
    lastWrite = ctx.write(out);
    unflushed = true;
    long nanos = System.nanoTime() - startNanos;
    ServerMetrics metrics = server.metrics();
    if (metrics != null) {
      metrics.request(request == null ? Endpoint.NONE : Endpoint.of(request.path()), status,
          nanos);
    }
    AccessLog log = server.accessLog();
    if (log != null) {
      Instant t = startTime == null ? Instant.now() : startTime;
      log.write(service.accessLogLine(t, request, peer, status, sent, nanos / 1000));
    }
    startTime = null;
  }

  /** Shuts the output down after the last answer, reads until the client closes, then closes. */
  private void closeInStages() {
    if (state == State.CLOSING) {
      return;
    }
    state = State.CLOSING;
    cancelTimer();
    Channel ch = ctx.channel();
    flushIfNeeded();
    ChannelFutureListener shut = f -> {
      if (!f.isSuccess() || inputClosed || !(ch instanceof DuplexChannel)) {
        ch.close();
        return;
      }
      ((DuplexChannel) ch).shutdownOutput().addListener((ChannelFutureListener) g -> {
        outputShut = true;
        if (!g.isSuccess() || inputClosed) {
          ch.close();
        } else {
          ch.config().setAutoRead(true);
          ch.eventLoop().schedule(() -> {
            ch.close();
          }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        }
      });
    };
    (lastWrite == null ? ch.newSucceededFuture() : lastWrite).addListener(shut);
  }

  private void flushIfNeeded() {
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
  }

  /** Starts the header timeout ({@code header}) or the idle timeout. */
  private void arm(boolean header) {
    cancelTimer();
    headerTimer = header;
    long millis = (header ? server.limits().headerTimeout() : server.limits().idleTimeout())
        .toMillis();
    timer = ctx.executor().schedule(this::timedOut, millis, TimeUnit.MILLISECONDS);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void timedOut() {
    timer = null;
    if (state == State.READING) {
      fault(RequestChecks.timeout(server.limits()));
      flushIfNeeded();
    } else if (state == State.IDLE) {
      closeInStages(); // nothing was asked: nothing to answer
    }
  }

  private void releaseRequest() {
    head = null;
    body = NO_BODY;
    bodyLength = 0;
  }

  /**
   * The request target as the client's bytes meant it: Netty reads the request line one byte per
   * char (ISO-8859-1), so a target with raw bytes above 0x7F (a CE that sends UTF-8 unescaped,
   * as RFC 9112 §3.2 does not allow but real clients do) is read again as UTF-8, invalid
   * sequences becoming U+FFFD as core's URI layer makes them. Percent-escapes are left to core.
   */
  static String target(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      if (uri.charAt(i) > 0x7F) {
        return new String(uri.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      }
    }
    return uri;
  }

  /** Netty's decoded fields as core's headers, in order, names as sent (core lower-cases them). */
  static Headers headers(HttpHeaders h) {
    Headers.Builder b = Headers.builder();
    Iterator<Map.Entry<String, String>> it = h.iteratorAsString();
    while (it.hasNext()) {
      Map.Entry<String, String> e = it.next();
      b.add(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /** The {@code date} value and the second it is for. */
  private record DateText(long second, String text) {}

  private static volatile DateText date = new DateText(-1, "");

  /** The IMF-fixdate of now (RFC 9110 §5.6.7), made once a second. */
  private static String date() {
    long second = System.currentTimeMillis() / 1000;
    DateText d = date;
    if (d.second() != second) {
      d = new DateText(second, DateFormatter.format(new Date(second * 1000)));
      date = d;
    }
    return d.text();
  }
}
