package org.maprule.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The I/O transport: Linux's native epoll where Netty's library for it loads (Linux x86_64 from
 * the shaded jar), the JDK's NIO selector everywhere else. Both behave the same; epoll costs
 * fewer system calls per request.
 */
final class EventLoops {
  private EventLoops() {}

  /** Whether the native epoll transport is used. */
  static boolean epoll() {
    return Epoll.isAvailable();
  }

  /** {@code epoll} or {@code nio}. */
  static String name() {
    return epoll() ? "epoll" : "nio";
  }

  /** Why epoll is not used, or null when it is. */
  static String whyNotEpoll() {
    Throwable t = Epoll.unavailabilityCause();
    return t == null ? null : t.getMessage();
  }

  /**
   * A group of {@code threads} event loops of the chosen transport; daemon threads named
   * {@code maprule-io-N}.
   */
  static EventLoopGroup group(int threads) {
    DefaultThreadFactory names = new DefaultThreadFactory("maprule-io", true);
    return new MultiThreadIoEventLoopGroup(threads, names,
        epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  /** The listening channel class of the chosen transport. */
  static Class<? extends ServerChannel> serverChannel() {
    return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}
