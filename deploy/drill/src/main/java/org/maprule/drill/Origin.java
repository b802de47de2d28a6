package org.maprule.drill;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One origin: {@code java -jar maprule.jar serve --cloud NAME --client-address-header
 * x-test-client}, killed (SIGKILL) and restarted on its port.
 */
final class Origin {
  final Lab lab;
  final String name;
  final Path log;
  private Process process;
  int port;

  Origin(Lab lab, String name) {
    this.lab = lab;
    this.name = name;
    this.log = lab.work.resolve("origin-" + name + ".log");
  }

  /** {@code http://127.0.0.1:PORT}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Starts {@code maprule serve} and waits for its announce line.
   *
   * @param rules the rules file to serve
   * @param wantedPort the port, 0 for any (the one chosen is read from the announce line)
   * @throws IllegalStateException when it does not announce within the start timeout
   */
  void start(Path rules, int wantedPort) throws Exception {
    Path out = lab.work.resolve("origin-" + name + ".out");
    Files.deleteIfExists(out);
    process = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xmx128m", "-jar", lab.jar.toString(), "serve", "--port", Integer.toString(wantedPort),
        "--rules", rules.toString(), "--client-address-header", Lab.CLIENT_HEADER, "--cloud", name)
        .redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    lab.recordPid(process);
    long deadline = System.nanoTime() + Lab.START_TIMEOUT.toNanos();
    Pattern announce = Pattern.compile(" on http://127\\.0\\.0\\.1:(\\d+)");
    while (true) {
      String text = Files.exists(out) ? Files.readString(out) : "";
      Matcher m = announce.matcher(text);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
        Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return;
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("origin " + name + " did not start:\n" + text
            + Lab.tail(log, 10));
      }
      Thread.sleep(20);
    }
  }

  /** Kills the process (SIGKILL: a crash, in-flight requests lost) and waits for its end. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A GET on this origin directly, not through HAProxy. */
  HttpResponse<byte[]> direct(String target, Map<String, String> headers) throws Exception {
    return lab.get(URI.create(url() + target), headers);
  }
}
