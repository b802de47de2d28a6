package org.maprule.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.maprule.http.Headers;

/**
 * One raw TCP connection to a server under test: bytes exactly as written (no client library
 * between the test and the server), answers parsed by hand from the stream (status line, field
 * lines, a body framed by {@code content-length}), end of stream and resets seen as such.
 * Every read waits at most {@link #TIMEOUT_MILLIS}.
 */
public final class RawConnection implements AutoCloseable {
  /** The longest wait of one read, ms: long enough for a loaded CI machine. */
  static final int TIMEOUT_MILLIS = 20_000;

  /** One answer as read from the wire. */
  public record Answer(int status, String statusLine, Headers headers, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects to {@code 127.0.0.1:port}. */
  public static RawConnection open(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
    return new RawConnection(s);
  }

  /** Writes {@code text} as ISO-8859-1 bytes (one byte per char). */
  public RawConnection send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Writes {@code bytes}. */
  public RawConnection send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Shuts the sending side down (a half-close): the server reads end of stream. */
  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** Reads one answer; its body framed by {@code content-length} (none without one). */
  public Answer read() throws IOException {
    return read(false);
  }

  /** Reads one answer to a HEAD request: never a body, whatever the fields say. */
  public Answer readHead() throws IOException {
    return read(true);
  }

  private Answer read(boolean head) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("end of stream before an answer");
    }
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Headers.Builder h = Headers.builder();
    for (String l = line(); !l.isEmpty(); l = line()) {
      int c = l.indexOf(':');
      if (c <= 0) {
        throw new IOException("not a field line: " + l);
      }
      h.add(l.substring(0, c).toLowerCase(Locale.ROOT), l.substring(c + 1).strip());
    }
    Headers headers = h.build();
    byte[] body = new byte[0];
    String length = headers.first("content-length");
    if (!head && status != 304 && status >= 200 && length != null) {
      body = in.readNBytes(Integer.parseInt(length));
      if (body.length != Integer.parseInt(length)) {
        throw new IOException("end of stream after " + body.length + " of " + length
            + " body bytes");
      }
    }
    return new Answer(status, statusLine, headers, body);
  }

  /**
   * Whether the server closed the connection without sending anything more: true at end of
   * stream or reset, false when a byte arrives.
   *
   * @throws SocketTimeoutException when nothing happens within {@link #TIMEOUT_MILLIS}
   */
  public boolean closedWithoutMore() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketException reset) {
      return true;
    }
  }

  /** Whether a byte is waiting to be read now (never blocks). */
  public boolean hasBytes() throws IOException {
    return in.available() > 0;
  }

  /** Everything until end of stream, as ISO-8859-1 text. */
  public String rest() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      in.transferTo(b);
    } catch (SocketException reset) {
      // what arrived before the reset is kept
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Waits until nothing listens on {@code port} any more: a connection attempt is refused.
   *
   * @throws AssertionError when it still accepts after 10 s
   */
  public static void awaitRefused(int port) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      try (RawConnection c = open(port)) {
        Thread.sleep(25);
      } catch (java.net.ConnectException refused) {
        return;
      } catch (IOException other) {
        // reset while closing: try again
      }
    }
    throw new AssertionError("port " + port + " still accepts connections after 10 s");
  }

  private String line() throws IOException {
    StringBuilder s = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        if (s.length() == 0 || s.charAt(s.length() - 1) != '\r') {
          throw new IOException("a line not ended by CRLF: " + s);
        }
        return s.substring(0, s.length() - 1);
      }
      s.append((char) c);
    }
    return s.length() == 0 ? null : s.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
