package org.maprule.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's HTTP/1.1 request decoder, telling its {@link HttpConnection} when bytes arrive (a
 * request has begun: its timer starts) and whether bytes of a next request are already buffered
 * (pipelining: the connection is then not idle).
 */
final class RequestDecoder extends HttpRequestDecoder {
  private final HttpConnection connection;

  RequestDecoder(HttpDecoderConfig config, HttpConnection connection) {
    super(config);
    this.connection = connection;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof ByteBuf && ((ByteBuf) msg).isReadable()) {
      connection.bytesArrived();
    }
    super.channelRead(ctx, msg);
  }

  /** Whether received bytes wait to be decoded (the start of a pipelined request). */
  boolean hasBufferedBytes() {
    return internalBuffer().isReadable();
  }
}
