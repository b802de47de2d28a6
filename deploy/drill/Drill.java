// The maprule failover drill (deploy/drill/README.md). Run through deploy/drill/run.sh:
//   java -cp deploy/target/maprule.jar deploy/drill/Drill.java --jar … --work DIR --config … --invalid-rules …
// A single-file Java program (JEP 330): it uses only the JDK and maprule's own classes from the jar.
//
// Two local maprule servers stand for AWS and Azure, HAProxy stands for the CDN (CloudFront), and a
// steady, paced stream of CE requests from 8 client addresses runs through HAProxy while origins are
// killed, restarted with an invalid rule set, and the traffic mode is switched. Every answer is
// compared with the one core's MapruleService gives in-process for the same rules.

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.cli.Maprule;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;

/** The drill: set-up, scenarios, figures. Exit 0 when every counted scenario meets the goal. */
public class Drill {
  static final String CLIENT_HEADER = "x-test-client";
  static final int CLIENTS = 8;
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(90);

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    Path jar = Path.of(required(opt, "jar"));
    Path work = Path.of(required(opt, "work"));
    Path config = Path.of(required(opt, "config"));
    Path invalid = Path.of(required(opt, "invalid-rules"));
    String haproxy = opt.getOrDefault("haproxy", "haproxy");
    int rate = Integer.parseInt(opt.getOrDefault("rate", "200"));
    int phase = Integer.parseInt(opt.getOrDefault("phase", "600"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "1"));

    long started = System.nanoTime();
    int status;
    try (Lab lab = new Lab(jar, work, config, invalid, haproxy)) {
      Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "drill-cleanup"));
      lab.start();
      Workload load = Workload.of(lab.goodRules, seed);
      System.out.println("drill: " + load.requests.size() + " distinct CE requests from " + CLIENTS
          + " client addresses (OCN /, /hb46pp, /{key}/get_rules, /calc, /lookup, /rules), "
          + rate + " requests/s, expected answers from core in-process (rule set "
          + load.digest.substring(0, 12) + "…)");
      String parity = lab.parity();
      System.out.println("drill: preflight " + parity);
      if (!parity.startsWith("exit 0")) {
        throw new IllegalStateException("the two origins do not answer identically before the drill");
      }
      Scenarios s = new Scenarios(lab, load, rate, phase);
      List<Result> results = new ArrayList<>();
      results.add(s.killPrimary("aws"));
      results.add(s.killPrimary("azure"));
      results.add(s.invalidRuleSet());
      results.add(s.switchModes());
      results.add(s.onlyModeWithItsOriginDown());
      status = Result.print(results, System.out);
      System.out.printf("drill: %.0f s in all (set-up, scenarios, restarts)%n",
          (System.nanoTime() - started) / 1e9);
      if (status != 0) {
        lab.showLogs();
      }
    }
    System.out.flush();
    System.exit(status);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      m.put(args[i].substring(2), args[i + 1]);
    }
    return m;
  }

  static String required(Map<String, String> opt, String name) {
    String v = opt.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  // ------------------------------------------------------------------------------------------
  // The lab: two origins and HAProxy on loopback, every process stopped on close.
  // ------------------------------------------------------------------------------------------

  static final class Lab implements AutoCloseable {
    final Path jar;
    final Path work;
    final Path configTemplate;
    final Path goodRules;
    final Path invalidRules;
    final String haproxyCommand;
    final Path modeMap;
    final Map<String, Origin> origins = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    Process haproxy;
    int frontPort;
    int adminPort;
    volatile String mode = "aws";

    Lab(Path jar, Path work, Path config, Path invalid, String haproxy) throws IOException {
      this.jar = jar;
      this.work = work;
      this.configTemplate = config;
      this.haproxyCommand = haproxy;
      this.goodRules = Files.write(work.resolve("rules-good.json"), RuleSetLoader.exampleBytes());
      this.invalidRules = Files.copy(invalid, work.resolve("rules-invalid.json"));
      this.modeMap = Files.writeString(work.resolve("traffic-mode.map"), "traffic-mode aws\n");
    }

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
          if (r.statusCode() == 200 && "aws".equals(r.headers().firstValue("x-drill-origin").orElse(null))) {
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
      System.out.println("drill: origins aws " + origins.get("aws").url() + ", azure "
          + origins.get("azure").url() + "; HAProxy (standing in for the CDN) on " + front()
          + ", admin socket 127.0.0.1:" + adminPort + "; HAProxy " + haproxyVersion());
    }

    String haproxyVersion() throws IOException, InterruptedException {
      Process p = new ProcessBuilder(haproxyCommand, "-v").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      Matcher m = Pattern.compile("version (\\S+)").matcher(out);
      return m.find() ? m.group(1) : "?";
    }

    String front() {
      return "http://127.0.0.1:" + frontPort;
    }

    HttpResponse<byte[]> get(URI uri, Map<String, String> headers)
        throws IOException, InterruptedException {
      java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(15));
      headers.forEach(b::header);
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Changes the traffic mode the way an operator changes the KeyValueStore key. */
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

    String admin(String command) throws IOException {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), adminPort)) {
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    /** {@code maprule parity} between the two origins, in-process; "exit N: last line". */
    String parity() {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      var cl = Maprule.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute("parity", "--endpoint", origins.get("aws").url(), "--endpoint",
          origins.get("azure").url(), "--client-address-header", CLIENT_HEADER, "--samples", "10");
      String[] lines = (out + err.toString()).strip().split("\n");
      return "exit " + exit + ": maprule parity aws azure: " + lines[lines.length - 1];
    }

    void recordPid(Process p) throws IOException {
      Files.writeString(work.resolve("pids"), p.pid() + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }

    void showLogs() {
      try {
        System.out.println("---- haproxy.log (last 30 lines) ----");
        System.out.println(tail(work.resolve("haproxy.log"), 30));
        for (Origin o : origins.values()) {
          System.out.println("---- origin " + o.name + " log (last 10 lines) ----");
          System.out.println(tail(o.log, 10));
        }
      } catch (IOException e) {
        System.out.println("(logs unreadable: " + e + ")");
      }
    }

    @Override
    public synchronized void close() {
      if (haproxy != null) {
        stop(haproxy);
        haproxy = null;
      }
      origins.values().forEach(Origin::kill);
    }

    static void stop(Process p) {
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One maprule origin: {@code java -jar maprule.jar serve}, killed and restarted on its port. */
  static final class Origin {
    final Lab lab;
    final String name;
    final Path log;
    Process process;
    int port;

    Origin(Lab lab, String name) {
      this.lab = lab;
      this.name = name;
      this.log = lab.work.resolve("origin-" + name + ".log");
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    /** Starts {@code maprule serve} on {@code port} (0: any) and waits for its announce line. */
    void start(Path rules, int wantedPort) throws Exception {
      Path out = lab.work.resolve("origin-" + name + ".out");
      Files.deleteIfExists(out);
      process = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Xmx128m", "-jar", lab.jar.toString(), "serve", "--port", Integer.toString(wantedPort),
          "--rules", rules.toString(), "--client-address-header", CLIENT_HEADER, "--cloud", name)
          .redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      lab.recordPid(process);
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      Pattern announce = Pattern.compile(" on http://127\\.0\\.0\\.1:(\\d+)");
      while (true) {
        String text = Files.exists(out) ? Files.readString(out) : "";
        Matcher m = announce.matcher(text);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
          Files.writeString(log, text, StandardOpenOption.APPEND);
          return;
        }
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("origin " + name + " did not start:\n" + text + tail(log, 10));
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

    /** GET on this origin directly (not through HAProxy). */
    HttpResponse<byte[]> direct(String target, Map<String, String> headers) throws Exception {
      return lab.get(URI.create(url() + target), headers);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  static String tail(Path file, int lines) throws IOException {
    if (!Files.exists(file)) {
      return "(no " + file.getFileName() + ")";
    }
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  // ------------------------------------------------------------------------------------------
  // The workload: CE requests and the answers core gives for them in-process.
  // ------------------------------------------------------------------------------------------

  /** A CE request and its expected answer. */
  record Request(String kind, String target, String client, int status, byte[] body) {}

  static final class Workload {
    final List<Request> requests;
    final String digest;

    Workload(List<Request> requests, String digest) {
      this.requests = requests;
      this.digest = digest;
    }

    /**
     * {@value Drill#CLIENTS} CEs, each inside a rule of the set (seeded), each sending the six
     * kinds of request; expected answers from {@link MapruleService} configured as the origins.
     */
    static Workload of(Path rulesFile, long seed) throws IOException {
      byte[] bytes = Files.readAllBytes(rulesFile);
      LoadedRuleSet loaded = RuleSetLoader.load(bytes, RuleSetFormat.NATIVE);
      MapruleService core = MapruleService.load(
          ServiceConfig.defaults().withClientAddressHeader(CLIENT_HEADER), bytes, RuleSetFormat.NATIVE);
      MapCalculator calc = MapCalculator.of(loaded.ruleSet());
      List<MapRule> rules = new ArrayList<>();
      List<Domain> domains = new ArrayList<>();
      for (Domain d : loaded.ruleSet().domains()) {
        for (MapRule r : d.rules()) {
          rules.add(r);
          domains.add(d);
        }
      }
      Random random = new Random(seed);
      List<Request> out = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        MapRule rule = rules.get(c % rules.size());
        int len = domains.get(c % rules.size()).endUserPrefixLength().orElse(rule.endUserPrefixLength());
        Ipv6Address inRule = Ipv6Address.of(
            rule.ipv6Prefix().address().high() | (random.nextLong() >>> rule.ipv6Prefix().length()),
            random.nextLong());
        Ipv6Prefix endUser = Ipv6Prefix.of(inRule.masked(len), len);
        String ce = Ipv6Address.of(endUser.address().high(), endUser.address().low() | 1).toString();
        CeParameters p = calc.calculate(endUser);
        int port = p.portSet().isUnrestricted() ? 1024 : p.portSet().ranges().get(0).first();
        String[][] kinds = {
            {"ocn", "/?ipv6Prefix=" + endUser.address().masked(64) + "&ipv6PrefixLength=" + len
                + "&code=drill"},
            {"hb46pp", "/hb46pp?vendorid=acde48&product=maprule-drill&version=1_0&capability=map_e"},
            {"jpne", "/drill-key/get_rules?callback=v6plus"},
            {"calc", "/calc?prefix=" + endUser},
            {"lookup", "/lookup?ipv4=" + p.ipv4Address() + "&port=" + port},
            {"rules", "/rules"}};
        // OCN and JPNE refuse an RFC 7597-layout domain (409): its CEs use /hb46pp or /calc
        boolean draft03 = domains.get(c % rules.size()).interfaceIdFormat() == InterfaceIdFormat.DRAFT03;
        for (String[] k : kinds) {
          if (!draft03 && (k[0].equals("ocn") || k[0].equals("jpne"))) {
            continue;
          }
          var r = core.handle(HttpRequest.get(k[1], Headers.of(CLIENT_HEADER, ce), "127.0.0.1"));
          if (r.status() != 200) {
            throw new IllegalStateException("core answers " + r.status() + " to " + k[1]
                + " from " + ce + ": the workload must hit real rules");
          }
          out.add(new Request(k[0], k[1], ce, r.status(), r.body()));
        }
      }
      return new Workload(out, loaded.digest());
    }
  }

  // ------------------------------------------------------------------------------------------
  // A paced stream of requests through HAProxy, split into labelled phases.
  // ------------------------------------------------------------------------------------------

  /** One request's outcome. */
  record Outcome(int index, int phase, String modeAtSend, String modeAtEnd, int status,
      String servedBy, boolean failed, boolean wrongBody, String detail) {}

  static final class Stream {
    final Lab lab;
    final Workload load;
    final long periodNanos;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger completed = new AtomicInteger();
    final AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
    final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final List<String> phases = new ArrayList<>();
    volatile int phase;
    final List<Thread> workers = new ArrayList<>();
    long t0;
    long t1;

    Stream(Lab lab, Workload load, int rate) {
      this.lab = lab;
      this.load = load;
      this.periodNanos = 1_000_000_000L / rate;
    }

    void start(String firstPhase) {
      phases.add(firstPhase);
      t0 = System.nanoTime();
      for (int w = 0; w < 8; w++) {
        Thread t = new Thread(this::work, "drill-ce-" + w);
        t.setDaemon(true);
        t.start();
        workers.add(t);
      }
    }

    /** Starts a new labelled phase (the requests sent from now on belong to it). */
    void phase(String label) {
      phases.add(label);
      phase = phases.size() - 1;
    }

    /** Waits until {@code n} more requests have completed. */
    void await(int n) throws InterruptedException {
      int target = completed.get() + n;
      long deadline = System.nanoTime() + SCENARIO_TIMEOUT.toNanos();
      while (completed.get() < target) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the stream stalled at " + completed.get() + " requests");
        }
        Thread.sleep(5);
      }
    }

    /** Stops sending and waits for the requests in flight. */
    void stop() throws InterruptedException {
      stopAt.set(next.get());
      for (Thread t : workers) {
        t.join(SCENARIO_TIMEOUT.toMillis());
      }
      t1 = System.nanoTime();
    }

    double seconds() {
      return (t1 - t0) / 1e9;
    }

    private void work() {
      while (true) {
        int i = next.getAndIncrement();
        if (i >= stopAt.get()) {
          return;
        }
        long due = t0 + i * periodNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        if (i >= stopAt.get()) {
          return;
        }
        outcomes.add(send(i));
        completed.incrementAndGet();
      }
    }

    private Outcome send(int i) {
      Request r = load.requests.get(i % load.requests.size());
      int ph = phase;
      String before = lab.mode;
      try {
        HttpResponse<byte[]> a = lab.get(URI.create(lab.front() + r.target()),
            Map.of(CLIENT_HEADER, r.client()));
        String after = lab.mode;
        String served = a.headers().firstValue("x-drill-origin").orElse("-");
        if (a.statusCode() != r.status()) {
          return new Outcome(i, ph, before, after, a.statusCode(), served, true, false,
              r.kind() + " " + r.target() + " -> " + a.statusCode() + " via " + served + ": "
              + new String(a.body(), StandardCharsets.UTF_8).strip().replace('\n', ' '));
        }
        boolean right = Arrays.equals(a.body(), r.body())
            && load.digest.equals(a.headers().firstValue("x-maprule-ruleset").orElse(null));
        return new Outcome(i, ph, before, after, a.statusCode(), served, false, !right,
            right ? null : r.kind() + " " + r.target() + " via " + served + ": body differs");
      } catch (Exception e) {
        return new Outcome(i, ph, before, lab.mode, -1, "-", true, false,
            r.kind() + " " + r.target() + ": " + e);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Scenarios
  // ------------------------------------------------------------------------------------------

  static final class Scenarios {
    final Lab lab;
    final Workload load;
    final int rate;
    final int phase;

    Scenarios(Lab lab, Workload load, int rate, int phase) {
      this.lab = lab;
      this.load = load;
      this.rate = rate;
      this.phase = phase;
    }

    /** (a) Mode {@code primary}; kill that origin mid-stream, then restart it. */
    Result killPrimary(String primary) throws Exception {
      lab.setMode(primary);
      Origin o = lab.origins.get(primary);
      Stream s = new Stream(lab, load, rate);
      s.start(primary + " up");
      s.await(phase);
      s.phase(primary + " killed");
      o.kill();
      s.await(phase);
      s.phase("restarting");
      o.start(lab.goodRules, o.port);
      s.phase(primary + " back");
      s.await(phase);
      s.stop();
      Result r = new Result("(a) mode " + primary + ": kill " + primary + " (SIGKILL) mid-stream, "
          + "restart it", true, s);
      String other = primary.equals("aws") ? "azure" : "aws";
      r.check("failover exercised: " + other + " served while " + primary + " was down",
          r.served(1, other) > 0 && r.served(1, primary) == 0);
      r.check(primary + " serves again after its restart", r.served(3, primary) > 0);
      return r;
    }

    /** (b) Restart aws with an invalid rule set: 503 from it, never its rules; then fix it. */
    Result invalidRuleSet() throws Exception {
      lab.setMode("aws");
      Origin aws = lab.origins.get("aws");
      Stream s = new Stream(lab, load, rate);
      s.start("aws valid");
      s.await(phase);
      s.phase("aws restarting invalid");
      aws.kill();
      aws.start(lab.invalidRules, aws.port);
      s.phase("aws invalid");
      Result r = new Result("(b) mode aws: restart aws with an invalid rule set, then with the "
          + "valid one", true, s);
      Request ocn = load.requests.get(0);
      HttpResponse<byte[]> health = aws.direct("/health", Map.of());
      HttpResponse<byte[]> ce = aws.direct(ocn.target(), Map.of(CLIENT_HEADER, ocn.client()));
      String ceBody = new String(ce.body(), StandardCharsets.UTF_8);
      r.check("invalid aws answers /health 503 \"invalid\"", health.statusCode() == 503
          && new String(health.body(), StandardCharsets.UTF_8).contains("\"status\":\"invalid\""));
      r.check("invalid aws answers a CE 503 RULE_SET_INVALID, x-maprule-ruleset none, never rules",
          ce.statusCode() == 503 && ceBody.contains("RULE_SET_INVALID")
              && !ceBody.contains("basicMapRules")
              && "none".equals(ce.headers().firstValue("x-maprule-ruleset").orElse(null)));
      String parity = lab.parity();
      r.check("maprule parity aws azure exits 1 (" + parity.replaceFirst("^exit \\d+: ", "") + ")",
          parity.startsWith("exit 1:"));
      s.await(phase);
      s.phase("aws restarting valid");
      aws.kill();
      aws.start(lab.goodRules, aws.port);
      s.phase("aws valid again");
      s.await(phase);
      s.stop();
      r.check("every answer while aws was invalid came from azure",
          r.served(2, "azure") > 0 && r.served(2, "aws") == 0);
      r.check("aws serves again once valid", r.served(4, "aws") > 0);
      return r;
    }

    /** (c) Switch through the four modes under load; each request goes where its mode says. */
    Result switchModes() throws Exception {
      lab.setMode("aws");
      Stream s = new Stream(lab, load, rate);
      List<String> modes = List.of("aws", "azure", "aws-only", "azure-only", "aws");
      s.start("mode aws");
      s.await(phase);
      for (String m : modes.subList(1, modes.size())) {
        s.phase("mode " + m);
        lab.setMode(m);
        s.await(phase);
      }
      s.stop();
      Result r = new Result("(c) switch modes under load: aws -> azure -> aws-only -> azure-only "
          + "-> aws", true, s);
      long checked = 0;
      long misrouted = 0;
      for (Outcome o : s.outcomes) {
        if (o.modeAtSend().equals(o.modeAtEnd()) && !o.modeAtSend().equals("switching")) {
          checked++;
          String primary = o.modeAtSend().startsWith("azure") ? "azure" : "aws";
          if (!o.servedBy().equals(primary)) {
            misrouted++;
          }
        }
      }
      r.check("every request sent and answered within one mode went to that mode's origin ("
          + checked + " checked, " + misrouted + " elsewhere)", misrouted == 0 && checked > 0);
      return r;
    }

    /** (d) aws-only while aws is down: the CEs see the outage. Not counted in the goal. */
    Result onlyModeWithItsOriginDown() throws Exception {
      Origin aws = lab.origins.get("aws");
      lab.setMode("aws-only");
      aws.kill();
      Stream s = new Stream(lab, load, rate);
      s.start("aws-only, aws down");
      // few requests: each waits for HAProxy's 1 s turn-around before its retry on the same server
      s.await(40);
      s.stop();
      aws.start(lab.goodRules, aws.port);
      lab.setMode("aws");
      Result r = new Result("(d) mode aws-only with aws down: expected failures, NOT counted",
          false, s);
      r.check("every request failed with HAProxy's 503 (no failover in -only modes)",
          s.outcomes.stream().allMatch(o -> o.failed() && o.status() == 503));
      return r;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Figures
  // ------------------------------------------------------------------------------------------

  static final class Result {
    final String name;
    final boolean counted;
    final Stream stream;
    final List<String> checks = new ArrayList<>();
    boolean checksPass = true;

    Result(String name, boolean counted, Stream stream) {
      this.name = name;
      this.counted = counted;
      this.stream = stream;
    }

    void check(String what, boolean ok) {
      checks.add((ok ? "ok    " : "FAIL  ") + what);
      checksPass &= ok;
    }

    long served(int phase, String origin) {
      return stream.outcomes.stream()
          .filter(o -> o.phase() == phase && !o.failed() && o.servedBy().equals(origin)).count();
    }

    long sent() {
      return stream.outcomes.size();
    }

    long failed() {
      return stream.outcomes.stream().filter(Outcome::failed).count();
    }

    long wrong() {
      return stream.outcomes.stream().filter(Outcome::wrongBody).count();
    }

    boolean pass() {
      return failed() == 0 && wrong() == 0 && checksPass;
    }

    static int print(List<Result> results, java.io.PrintStream out) {
      out.println();
      out.println("Failover drill figures (HAProxy standing in for the CDN; two local maprule "
          + "servers standing in for AWS and Azure)");
      out.printf("%-4s %6s %7s %11s %6s  %-11s  %s%n", "", "sent", "failed", "wrong body",
          "secs", "result", "scenario");
      boolean ok = true;
      for (Result r : results) {
        String verdict = r.counted ? (r.pass() ? "PASS" : "FAIL") : (r.checksPass ? "as expected" : "UNEXPECTED");
        out.printf("%-4s %6d %7d %11d %6.1f  %-11s  %s%n", r.name.substring(0, 3), r.sent(),
            r.failed(), r.wrong(), r.stream.seconds(), verdict, r.name.substring(4));
        if (r.counted) {
          ok &= r.pass();
        }
      }
      out.println();
      for (Result r : results) {
        out.println(r.name);
        StringBuilder phases = new StringBuilder("      served aws/azure per phase:");
        for (int p = 0; p < r.stream.phases.size(); p++) {
          phases.append(p == 0 ? " " : " | ").append(r.stream.phases.get(p)).append(' ')
              .append(r.served(p, "aws")).append('/').append(r.served(p, "azure"));
        }
        out.println(phases);
        r.checks.forEach(c -> out.println("      " + c));
        r.stream.outcomes.stream().filter(o -> o.failed() || o.wrongBody()).limit(r.counted ? 5 : 1)
            .forEach(o -> out.println("      e.g. #" + o.index() + " " + o.detail()));
      }
      long sent = results.stream().filter(r -> r.counted).mapToLong(Result::sent).sum();
      long failed = results.stream().filter(r -> r.counted).mapToLong(Result::failed).sum();
      long wrong = results.stream().filter(r -> r.counted).mapToLong(Result::wrong).sum();
      out.println();
      out.println("drill: " + (ok ? "PASS" : "FAIL") + ": counted scenarios sent " + sent
          + " CE requests, " + failed + " failed, " + wrong + " wrong bodies (goal: 0 and 0, "
          + "every check ok)");
      return ok ? 0 : 1;
    }
  }
}
