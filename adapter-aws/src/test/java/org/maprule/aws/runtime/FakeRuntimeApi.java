package org.maprule.aws.runtime;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake AWS Lambda Runtime API (the {@code 2018-06-01} HTTP interface between a runtime and the
 * Lambda service) on 127.0.0.1, written on a raw {@link ServerSocket} because the runtime
 * interface client's native HTTP code insists on what a real endpoint does: lower-case header
 * names and a {@code content-type} on {@code /invocation/next} (docs/design.md §7).
 *
 * <p>Endpoints: {@code GET /runtime/invocation/next} (blocks until {@link #invoke} queues an
 * event), {@code POST /runtime/invocation/{id}/response}, {@code POST
 * /runtime/invocation/{id}/error}, {@code POST /runtime/init/error}, {@code GET
 * /runtime/restore/next} and {@code POST /runtime/restore/error} (SnapStart). Every request line
 * is recorded ({@link #requests}) with its arrival time.
 */
public final class FakeRuntimeApi implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final String ARN = "arn:aws:lambda:ap-northeast-1:000000000000:function:maprule";

  /**
   * What the runtime posted back for one invocation.
   *
   * @param requestId the invocation's id
   * @param error whether it came on {@code /error} (else {@code /response})
   * @param body the posted body
   * @param headers the posted headers, lower-case names
   * @param nanoTime {@link System#nanoTime()} when the post was complete
   */
  public record Result(String requestId, boolean error, byte[] body, Map<String, String> headers,
      long nanoTime) {
    /** The body as UTF-8. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * One request the runtime made.
   *
   * @param method the method
   * @param path the path
   * @param nanoTime {@link System#nanoTime()} at arrival
   */
  public record Seen(String method, String path, long nanoTime) {}

  private record Invocation(String id, byte[] event) {}

  private final ServerSocket server;
  private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Result>> results = new ConcurrentHashMap<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<String> initError = new CompletableFuture<>();
  private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
  private final AtomicLong ids = new AtomicLong();
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean closed;

  /**
   * Listens on an ephemeral port of 127.0.0.1.
   *
   * @throws IOException when the socket cannot be bound
   */
  public FakeRuntimeApi() throws IOException {
    server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "fake-runtime-api-accept");
    t.setDaemon(true);
    t.start();
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}: {@code 127.0.0.1:port}. */
  public String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /**
   * Queues an event for the runtime's next {@code /invocation/next}.
   *
   * @param event the event JSON
   * @return completes with what the runtime posts back for it
   */
  public CompletableFuture<Result> invoke(byte[] event) {
    String id = "req-" + ids.incrementAndGet();
    CompletableFuture<Result> f = new CompletableFuture<>();
    results.put(id, f);
    queue.add(new Invocation(id, event));
    return f;
  }

  /** Completes with the body of {@code /init/error} if the runtime reports one. */
  public CompletableFuture<String> initError() {
    return initError;
  }

  /** Completes with the {@link System#nanoTime()} of the first {@code /invocation/next}. */
  public CompletableFuture<Long> firstNext() {
    return firstNext;
  }

  /** Every request the runtime made so far, in order. */
  public List<Seen> requests() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        // answers go out at once: with Nagle, a write after a write waits for the peer's
        // delayed ACK (~40 ms per exchange on Linux loopback)
        s.setTcpNoDelay(true);
        sockets.add(s);
        Thread t = new Thread(() -> serve(s), "fake-runtime-api-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      while (!closed) {
        String line = readLine(in);
        if (line == null) {
          return;
        }
        if (line.isEmpty()) {
          continue;
        }
        String[] parts = line.split(" ");
        String method = parts[0];
        String path = parts.length > 1 ? parts[1] : "";
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
          int c = h.indexOf(':');
          if (c > 0) {
            headers.put(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim());
          }
        }
        byte[] body = readBody(in, headers);
        seen.add(new Seen(method, path, System.nanoTime()));
        handle(method, path, headers, body, out);
      }
    } catch (IOException e) {
      // the runtime went away
    }
  }

  private void handle(String method, String path, Map<String, String> headers, byte[] body,
      OutputStream out) throws IOException {
    if (!path.startsWith(PREFIX)) {
      respond(out, 404, "application/json", "{\"errorMessage\":\"unknown path\"}".getBytes(StandardCharsets.UTF_8), Map.of());
      return;
    }
    String rest = path.substring(PREFIX.length());
    if (method.equals("GET") && rest.equals("invocation/next")) {
      firstNext.complete(System.nanoTime());
      Invocation inv = null;
      while (inv == null && !closed) {
        try {
          inv = queue.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (inv == null) {
        return;
      }
      Map<String, String> h = new LinkedHashMap<>();
      h.put("lambda-runtime-aws-request-id", inv.id());
      h.put("lambda-runtime-deadline-ms", Long.toString(System.currentTimeMillis() + 60_000));
      h.put("lambda-runtime-invoked-function-arn", ARN);
      h.put("lambda-runtime-trace-id", "Root=1-00000000-000000000000000000000000;Sampled=0");
      respond(out, 200, "application/json", inv.event(), h);
    } else if (method.equals("POST") && rest.startsWith("invocation/")
        && (rest.endsWith("/response") || rest.endsWith("/error"))) {
      boolean error = rest.endsWith("/error");
      String id = rest.substring("invocation/".length(), rest.lastIndexOf('/'));
      CompletableFuture<Result> f = results.remove(id);
      if (f != null) {
        f.complete(new Result(id, error, body, headers, System.nanoTime()));
      }
      respond(out, 202, "application/json", "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8), Map.of());
    } else if (method.equals("POST") && (rest.equals("init/error") || rest.equals("restore/error"))) {
      String text = new String(body, StandardCharsets.UTF_8);
      initError.complete(rest + " " + headers.getOrDefault("lambda-runtime-function-error-type", "")
          + " " + text);
      results.values().forEach(f -> f.completeExceptionally(new IllegalStateException(rest + ": " + text)));
      respond(out, 202, "application/json", "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8), Map.of());
    } else if (method.equals("GET") && rest.equals("restore/next")) {
      respond(out, 200, "application/json", new byte[0], Map.of());
    } else {
      respond(out, 404, "application/json", "{\"errorMessage\":\"unknown path\"}".getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }

  private static void respond(OutputStream out, int status, String contentType, byte[] body,
      Map<String, String> headers) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : status == 202 ? " Accepted" : " Not Found")
        .append("\r\n");
    b.append("content-type: ").append(contentType).append("\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    b.append("content-length: ").append(body.length).append("\r\n\r\n");
    byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] message = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    out.write(message);
    out.flush();
  }

  private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
    String length = headers.get("content-length");
    if (length != null) {
      return in.readNBytes(Integer.parseInt(length));
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine(in);
        if (size == null) {
          break;
        }
        int semi = size.indexOf(';');
        int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          for (String t = readLine(in); t != null && !t.isEmpty(); t = readLine(in)) {
            // trailers
          }
          break;
        }
        body.write(in.readNBytes(n));
        readLine(in);
      }
      return body.toByteArray();
    }
    return new byte[0];
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        byte[] b = line.toByteArray();
        int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
      }
      line.write(c);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing
    }
    synchronized (sockets) {
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          // closing
        }
      }
    }
    results.values().forEach(f -> f.completeExceptionally(new SocketException("fake runtime API closed")));
  }
}
