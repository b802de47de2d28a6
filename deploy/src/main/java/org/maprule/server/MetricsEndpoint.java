package org.maprule.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.nio.charset.StandardCharsets;

/**
 * The metrics port of {@code maprule serve --metrics-port}: {@code GET /metrics} (or HEAD) answers
 * {@link ServerMetrics#scrape()}; any other path {@code 404}, any other method {@code 405}, both
 * as one line of plain text. Operators' scrapers only: it is never the CE port and speaks no
 * part of the CE API. Connections idle for 60 s are closed.
 */
final class MetricsEndpoint extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** The one path served. */
  static final String PATH = "/metrics";

  private final ServerMetrics metrics;

  private MetricsEndpoint(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  /** Sets up a metrics connection's pipeline. */
  static void initChannel(SocketChannel ch, ServerMetrics metrics) {
    ch.pipeline().addLast(new ReadTimeoutHandler(60))
        .addLast(new HttpServerCodec())
        .addLast(new HttpServerKeepAliveHandler())
        .addLast(new HttpObjectAggregator(8192))
        .addLast(new MetricsEndpoint(metrics));
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    FullHttpResponse response;
    String path = request.uri();
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    if (!request.decoderResult().isSuccess()) {
      response = text(HttpResponseStatus.BAD_REQUEST, "bad request\n");
      response.headers().set(HttpHeaderNames.CONNECTION, "close");
    } else if (!path.equals(PATH)) {
      response = text(HttpResponseStatus.NOT_FOUND, "not found: metrics are at " + PATH + "\n");
    } else if (!request.method().equals(HttpMethod.GET)
        && !request.method().equals(HttpMethod.HEAD)) {
      response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and HEAD\n");
      response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
    } else {
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(body));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, ServerMetrics.CONTENT_TYPE)
          .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
          .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
      if (request.method().equals(HttpMethod.HEAD)) {
        response = response.replace(Unpooled.EMPTY_BUFFER);
      }
    }
    ctx.writeAndFlush(response);
    if ("close".equals(response.headers().get(HttpHeaderNames.CONNECTION))) {
      ctx.close();
    }
  }

  private static FullHttpResponse text(HttpResponseStatus status, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return r;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
