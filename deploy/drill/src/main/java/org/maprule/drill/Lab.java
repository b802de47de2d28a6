package org.maprule.drill;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maprule.cli.Maprule;
import org.maprule.format.RuleSetLoader;

/**
 * The lab: two origins ({@link Origin}, {@code aws} and {@code azure}) and HAProxy standing in for
 * the CDN, all on loopback on free ports, every process stopped on {@link #close}. Each process's
 * id is appended to {@code WORK/pids}, so that {@code run.sh} can stop what is left should this
 * JVM die.
 */
final class Lab implements AutoCloseable {
  /** The header the CEs send their address in, trusted as is by both origins. */
  static final String CLIENT_HEADER = "x-test-client";
  /** How long an origin or HAProxy may take to start. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  final Path jar;
  final Path work;
  final Path configTemplate;
  final Path goodRules;
  final Path invalidRules;
  final String haproxyCommand;
  final Path modeMap;
  final PrintStream out;
  final Map<String, Origin> origins = new LinkedHashMap<>();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private Process haproxy;
  private int frontPort;
  private int adminPort;
  /** The traffic mode, {@code switching} while it changes. */
  volatile String mode = "aws";

  /**
   * Prepares the work folder: the valid rules (the built-in example), a copy of the invalid
   * ones, the traffic-mode map.
   *
   * @throws IOException when the folder cannot be written
   */
  Lab(Path jar, Path work, Path config, Path invalid, String haproxy, PrintStream out)
      throws IOException {
    this.jar = jar;
    this.work = work;
    this.configTemplate = config;
    this.haproxyCommand = haproxy;
    this.out = out;
    this.goodRules = Files.write(work.resolve("rules-good.json"), RuleSetLoader.exampleBytes());
    this.invalidRules = Files.copy(invalid, work.resolve("rules-invalid.json"));
    this.modeMap = Files.writeString(work.resolve("traffic-mode.map"), "traffic-mode aws\n");
  }

  /** Starts both origins, then HAProxy, and waits until HAProxy answers through aws. */
  void start() throws Exception {
    for (String name : List.of("aws", "azure")) {
      Origin o = new Origin(this, name);
      o.start(goodRules, 0);
      origins.put(name, o);
    }
    frontPort = freePort();
    adminPort = freePort();
    String cfg = Files.readString(configTemplate)
        .replace("@FRONT_PORT@", Integer.toString(frontPort))
        .replace("@ADMIN_PORT@", Integer.toString(adminPort))
        .replace("@AWS_PORT@", Integer.toString(origins.get("aws").port))
        .replace("@AZURE_PORT@", Integer.toString(origins.get("azure").port))
        .replace("@MODE_MAP@", modeMap.toString());
    Path file = Files.writeString(work.resolve("haproxy.cfg"), cfg);
    Process check = new ProcessBuilder(haproxyCommand, "-c", "-q", "-f", file.toString())
        .redirectErrorStream(true).start();
    String checkOut = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (check.waitFor() != 0) {
      throw new IllegalStateException("haproxy -c refused " + file + ":\n" + checkOut);
    }
    Path log = work.resolve("haproxy.log");
    haproxy = new ProcessBuilder(haproxyCommand, "-db", "-f", file.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    recordPid(haproxy);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        HttpResponse<byte[]> r = get(URI.create(front() + "/health"), Map.of());
        if (r.statusCode() == 200
            && "aws".equals(r.headers().firstValue("x-drill-origin").orElse(null))) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (!haproxy.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("haproxy did not start:\n" + tail(log, 20));
      }
      Thread.sleep(100);
    }
    out.println("drill: origins aws " + origins.get("aws").url() + ", azure "
        + origins.get("azure").url() + "; HAProxy (standing in for the CDN) on " + front()
        + ", admin socket 127.0.0.1:" + adminPort + "; HAProxy " + haproxyVersion());
  }

  private String haproxyVersion() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(haproxyCommand, "-v").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("version (\\S+)").matcher(text);
    return m.find() ? m.group(1) : "?";
  }

  /** HAProxy's front end, {@code http://127.0.0.1:PORT}. */
  String front() {
    return "http://127.0.0.1:" + frontPort;
  }

  /** A GET with the given headers, 15 s timeout. */
  HttpResponse<byte[]> get(URI uri, Map<String, String> headers)
      throws IOException, InterruptedException {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(15));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Changes the traffic mode the way an operator changes the KeyValueStore key: over HAProxy's
   * admin socket, checked by reading the map back.
   *
   * @param newMode {@code aws}, {@code azure}, {@code aws-only} or {@code azure-only}
   * @throws IOException when the admin socket cannot be used
   * @throws IllegalStateException when HAProxy refuses the change
   */
  void setMode(String newMode) throws IOException {
    mode = "switching";
    String answer = admin("set map " + modeMap + " traffic-mode " + newMode);
    if (!answer.isBlank()) {
      throw new IllegalStateException("haproxy refused the mode change: " + answer);
    }
    String shown = admin("show map " + modeMap);
    if (!shown.contains("traffic-mode " + newMode)) {
      throw new IllegalStateException("haproxy map after the change: " + shown);
    }
    mode = newMode;
  }

  private String admin(String command) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), adminPort)) {
      s.setSoTimeout(5000);
      OutputStream o = s.getOutputStream();
      o.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      o.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * {@code maprule parity} between the two origins, in-process.
   *
   * @return {@code exit N: maprule parity aws azure: LAST LINE}
   */
  String parity() {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    var cl = Maprule.commandLine();
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(e, true));
    int exit = cl.execute("parity", "--endpoint", origins.get("aws").url(), "--endpoint",
        origins.get("azure").url(), "--client-address-header", CLIENT_HEADER, "--samples", "10");
    String[] lines = (o + e.toString()).strip().split("\n");
    return "exit " + exit + ": maprule parity aws azure: " + lines[lines.length - 1];
  }

  /** Appends a started process's id to {@code WORK/pids}. */
  void recordPid(Process p) throws IOException {
    Files.writeString(work.resolve("pids"), p.pid() + "\n", StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** Prints the tails of HAProxy's and the origins' logs. */
  void showLogs() {
    try {
      out.println("---- haproxy.log (last 30 lines) ----");
      out.println(tail(work.resolve("haproxy.log"), 30));
      for (Origin o : origins.values()) {
        out.println("---- origin " + o.name + " log (last 10 lines) ----");
        out.println(tail(o.log, 10));
      }
    } catch (IOException e) {
      out.println("(logs unreadable: " + e + ")");
    }
  }

  /** Stops HAProxy and kills both origins; safe to call twice (and from a shutdown hook). */
  @Override
  public synchronized void close() {
    if (haproxy != null) {
      stop(haproxy);
      haproxy = null;
    }
    origins.values().forEach(Origin::kill);
  }

  private static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A free TCP port on loopback. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  /** The last {@code lines} lines of a file, or a note that it is missing. */
  static String tail(Path file, int lines) throws IOException {
    if (!Files.exists(file)) {
      return "(no " + file.getFileName() + ")";
    }
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
