package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.server.LoopbackClient;
import org.maprule.server.RawConnection;
import org.maprule.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code maprule serve} as an operator runs it: a child JVM started from the test classpath, sent
 * real signals. SIGTERM drains (the request in progress is answered, idle connections closed,
 * exit 0); SIGHUP reloads a valid file atomically and refuses an invalid one (the last valid rule
 * set stays, the failure on stderr, {@code /health} and the metrics), and re-opens the access
 * log. Skipped where there is no {@code kill} command to send signals with.
 */
class ServeSignalsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern PORT = Pattern.compile(" on http://127\\.0\\.0\\.1:(\\d+)\n");
  private static final Pattern METRICS =
      Pattern.compile("metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics");

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void needsKill() {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill"))
        || Files.isExecutable(Path.of("/usr/bin/kill")), "SKIPPED: no kill command here");
  }

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Process p : processes) {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** A running child {@code maprule serve}. */
  private final class Child {
    final Process process;
    final Path out;
    final Path err;
    final int port;
    final LoopbackClient client;

    Child(String... args) throws Exception {
      out = dir.resolve("out-" + processes.size() + ".txt");
      err = dir.resolve("err-" + processes.size() + ".txt");
      List<String> cmd = new ArrayList<>(List.of(
          ProcessHandle.current().info().command().orElse("java"), "-Xmx64m",
          "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          Maprule.class.getName(), "serve", "--port", "0"));
      cmd.addAll(List.of(args));
      process = new ProcessBuilder(cmd).redirectOutput(out.toFile())
          .redirectError(err.toFile()).start();
      processes.add(process);
      String text = await(out, s -> PORT.matcher(s).find(), "the announcement line");
      Matcher m = PORT.matcher(text);
      assertThat(m.find()).isTrue();
      port = Integer.parseInt(m.group(1));
      client = new LoopbackClient("127.0.0.1", port);
    }

    String err() throws IOException {
      return Files.readString(err);
    }

    void signal(String name) throws Exception {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
          .redirectErrorStream(true).start();
      assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(kill.exitValue()).isZero();
    }

    JsonNode health() throws Exception {
      return JSON.readTree(client.get("/health").body());
    }

    /** Waits until {@code /health} satisfies {@code ok}. */
    JsonNode awaitHealth(Predicate<JsonNode> ok, String what) throws Exception {
      for (int i = 0; i < 600; i++) {
        JsonNode h = health();
        if (ok.test(h)) {
          return h;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no /health with " + what + " within 30 s; last: " + health()
          + "\nstderr: " + err());
    }
  }

  /** Waits until the file's text satisfies {@code ok} and returns it. */
  private static String await(Path file, Predicate<String> ok, String what) throws Exception {
    for (int i = 0; i < 1200; i++) {
      String s = Files.exists(file) ? Files.readString(file) : "";
      if (ok.test(s)) {
        return s;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + what + " in " + file + " within 60 s: "
        + (Files.exists(file) ? Files.readString(file) : "(absent)"));
  }

  private static String digest(byte[] rules) {
    return RuleSetLoader.load(rules, RuleSetFormat.NATIVE).digest();
  }

  /** The example rule set with another ttl: valid, another digest. */
  private static byte[] otherRules() {
    String s = new String(RuleSetLoader.exampleBytes(), StandardCharsets.UTF_8);
    assertThat(s).contains("\"ttl\": 86400");
    return s.replace("\"ttl\": 86400", "\"ttl\": 3600").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sigtermFinishesTheRequestInProgressClosesIdleConnectionsAndExitsZero() throws Exception {
    Child c = new Child();
    try (RawConnection busy = RawConnection.open(c.port);
        RawConnection idle = RawConnection.open(c.port)) {
      assertThat(idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read().status())
          .isEqualTo(200);
      busy.send("GET /rules HTTP/1.1\r\nHost: x\r\n");
      c.signal("TERM");
      assertThat(idle.closedWithoutMore()).as("an idle connection is closed").isTrue();
      RawConnection.awaitRefused(c.port);
      RawConnection.Answer a = busy.send("\r\n").read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.headers().first("connection")).isEqualTo("close");
      assertThat(a.text()).contains("\"domains\"");
      assertThat(busy.closedWithoutMore()).isTrue();
    }
    assertThat(c.process.waitFor(30, TimeUnit.SECONDS)).as("exits after draining").isTrue();
    assertThat(c.process.exitValue()).isZero();
    assertThat(c.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void sighupReloadsAValidFileAndKeepsTheLastValidSetForAnInvalidOne() throws Exception {
    byte[] first = RuleSetLoader.exampleBytes();
    byte[] second = otherRules();
    Path rules = Files.write(dir.resolve("rules.json"), first);
    Path log = dir.resolve("access.log");
    Child c = new Child("--rules", rules.toString(), "--metrics-port", "0",
        "--access-log", log.toString());
    int metricsPort = Integer.parseInt(firstGroup(METRICS, await(c.err,
        s -> METRICS.matcher(s).find(), "the metrics address")));
    LoopbackClient metrics = new LoopbackClient("127.0.0.1", metricsPort);
    assertThat(c.health().get("ruleSet").asString()).isEqualTo(digest(first));

    // a valid file: swapped in whole
    Files.write(rules, second);
    c.signal("HUP");
    c.awaitHealth(h -> h.get("ruleSet").asString().equals(digest(second)), "the new digest");
    HttpResponse r = c.client.get("/rules");
    assertThat(r.headers().first("x-maprule-ruleset")).isEqualTo(digest(second));
    assertThat(r.body()).contains("\"ttl\":3600".getBytes(StandardCharsets.UTF_8));
    assertThat(c.err()).contains("SIGHUP: reloaded " + rules + ": serving rule set "
        + digest(second));

    // an invalid file: not served; the last valid set stays, the failure is shown
    Files.writeString(rules, "{\"ttl\":0,\"domains\":[]}");
    c.signal("HUP");
    JsonNode h = c.awaitHealth(x -> x.has("reload"), "a reload member");
    assertThat(c.client.get("/health").status()).isEqualTo(200);
    assertThat(h.get("status").asString()).isEqualTo("ok");
    assertThat(h.get("ruleSet").asString()).isEqualTo(digest(second));
    assertThat(h.get("reload").get("status").asString()).isEqualTo("failed");
    assertThat(h.get("reload").get("source").asString()).isEqualTo("rules.json");
    assertThat(h.get("reload").get("violations").toString())
        .contains("TTL_OUT_OF_RANGE", "NO_DOMAINS");
    assertThat(c.client.get("/rules").headers().first("x-maprule-ruleset"))
        .isEqualTo(digest(second));
    assertThat(c.err()).contains("reload of " + rules + " refused", "NO_DOMAINS");
    String scrape = new String(metrics.get("/metrics").body(), StandardCharsets.UTF_8);
    assertThat(scrape).contains("maprule_reload_failures_total 1.0")
        .contains("maprule_ruleset_info{digest=\"" + digest(second) + "\"} 1")
        .containsPattern("maprule_requests_total\\{endpoint=\"health\",status=\"200\"\\} \\d")
        .contains("maprule_connections_open");

    // a missing file: refused the same way
    Files.delete(rules);
    c.signal("HUP");
    c.awaitHealth(x -> x.get("reload").get("message").asString().startsWith("cannot read"),
        "an unreadable-file reload");

    // after log rotation, SIGHUP makes the log start anew; a valid file again clears the failure
    Files.move(log, dir.resolve("access.log.1"));
    Files.write(rules, first);
    c.signal("HUP");
    c.awaitHealth(x -> x.get("ruleSet").asString().equals(digest(first)) && !x.has("reload"),
        "the first digest without a reload member");
    String lines = await(log, s -> s.contains("\"endpoint\":\"health\""), "access-log lines");
    JsonNode line = JSON.readTree(lines.lines().reduce((a, b) -> b).orElseThrow());
    assertThat(line.get("clientSource").asString()).isEqualTo("peer");
    assertThat(line.get("client").asString()).isEqualTo("127.0.0.1");
    assertThat(Files.readString(dir.resolve("access.log.1")))
        .contains("\"ruleSet\":\"" + digest(second) + "\"");

    c.signal("TERM");
    assertThat(c.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(c.process.exitValue()).isZero();
  }

  private static String firstGroup(Pattern p, String s) {
    Matcher m = p.matcher(s);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
