package org.maprule.cli;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.maprule.addr.Ipv6Address;
import org.maprule.http.MapruleService;
import org.maprule.http.ReloadFailure;
import org.maprule.http.ServiceConfig;
import org.maprule.server.AccessLog;
import org.maprule.server.LocalServer;
import org.maprule.server.Observers;
import org.maprule.server.ServerLimits;
import org.maprule.server.ServerMetrics;
import org.maprule.server.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maprule serve} (docs/design.md §4, §5, docs/cli.md): the whole HTTP API of
 * {@link MapruleService} on the {@link LocalServer} (Netty), loopback by default, on the built-in
 * example rules when {@code --rules} is absent. Prints one line to stdout once listening —
 * {@code maprule VERSION serving rule set DIGEST (N domains, M rules) on http://ADDR:PORT} — and
 * runs until stopped.
 *
 * <p>Signals: {@code SIGTERM} and {@code SIGINT} stop accepting, let answers in progress finish
 * (at most {@code --drain-timeout}) and exit 0; {@code SIGHUP} re-reads {@code --rules},
 * validates it whole and swaps it in atomically, or, when it cannot be read or is invalid, keeps
 * the rule set served before, prints the violations to stderr and shows the failure on
 * {@code /health} ({@link ReloadFailure}); it also re-opens the access log. Where the JVM cannot
 * handle signals ({@link Signals}) stderr says so and {@code SIGTERM} still drains (shutdown hook).
 *
 * <p>A rule set that fails validation at start is still served as the clouds serve it: every
 * violation goes to stderr, every endpoint answers 503 and {@code /health} says why.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves the maprule HTTP API (/, /hb46pp, /{key}/get_rules, /rules, /calc, "
        + "/lookup, /health) on a local port. Prints 'maprule VERSION serving rule set "
        + "DIGEST (N domains, M rules) on http://ADDR:PORT' once listening, then runs until "
        + "stopped. SIGTERM/SIGINT (Ctrl-C): stop accepting, finish the answers in progress, "
        + "exit 0. SIGHUP: reload --rules (an invalid file is not served: the rule set loaded "
        + "before stays, the violations go to stderr and to /health) and re-open the access log. "
        + "An invalid rule set at start is still served: its violations go to stderr, every "
        + "endpoint answers 503 and /health says why.",
    footerHeading = "%nExit status:%n",
    footer = Maprule.EXIT_CODES)
final class ServeCommand extends CliCommand {
  @Mixin RuleInput input;

  @Mixin ClientAddressOptions clientAddress;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "TCP port, 0..65535; 0 picks a free port (printed). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on. Default: ${DEFAULT-VALUE} (loopback only); :: or 0.0.0.0 "
          + "for every interface.")
  InetAddress bind;

  @Option(names = "--ocn-code", paramLabel = "CODE",
      description = "Accepted OCN 'code' value (repeatable). None given: every code is accepted.")
  List<String> ocnCodes = new ArrayList<>();

  @Option(names = "--jpne-key", paramLabel = "KEY",
      description = "Accepted JPNE device key, the {key} of /{key}/get_rules (repeatable). None "
          + "given: every key is accepted.")
  List<String> jpneKeys = new ArrayList<>();

  @Option(names = "--cloud", paramLabel = "NAME", defaultValue = "local",
      description = "Name reported on /health. Default: ${DEFAULT-VALUE}.")
  String cloud;

  @Option(names = "--max-request-line", paramLabel = "BYTES",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_REQUEST_LINE_BYTES,
      description = "Longest request line read, 64..1048576 bytes; longer: 414. "
          + "Default: ${DEFAULT-VALUE}.")
  int maxRequestLine;

  @Option(names = "--max-header-bytes", paramLabel = "BYTES",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_HEADER_BYTES,
      description = "Largest header section read, 256..1048576 bytes; larger: 431. "
          + "Default: ${DEFAULT-VALUE}.")
  int maxHeaderBytes;

  @Option(names = "--max-headers", paramLabel = "N",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_HEADERS,
      description = "Most header fields read, 1..10000; more: 431. Default: ${DEFAULT-VALUE}.")
  int maxHeaders;

  @Option(names = "--max-body", paramLabel = "BYTES",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_BODY_BYTES,
      description = "Largest request body read, 0..16777216 bytes; larger: 413 (CEs send none). "
          + "Default: ${DEFAULT-VALUE}.")
  int maxBody;

  @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Time a request has to arrive whole, from its first byte (from the "
          + "connection's opening for the first request), 1..3600; then 408 and close. "
          + "Default: ${DEFAULT-VALUE}.")
  int headerTimeout;

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time a kept-alive connection may wait for its next request, 1..3600; then "
          + "it is closed. Default: ${DEFAULT-VALUE}.")
  int idleTimeout;

  @Option(names = "--max-connections", paramLabel = "N",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_CONNECTIONS,
      description = "Most connections served at once, 1..1000000; one beyond gets 503 "
          + "CONNECTION_LIMIT and is closed, the others are served on. Default: ${DEFAULT-VALUE}.")
  int maxConnections;

  @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "On SIGTERM/SIGINT: longest wait for answers in progress, 0..3600; then the "
          + "rest is closed. Default: ${DEFAULT-VALUE}.")
  int drainTimeout;

  @Option(names = "--io-threads", paramLabel = "N",
      description = "Event-loop threads, 1..256. Default: one per available processor.")
  Integer ioThreads;

  @Option(names = "--access-log", paramLabel = "FILE",
      description = "Append one JSON line per answered request to FILE ('-': stdout, after the "
          + "announcement line); re-opened on SIGHUP. Default: none.")
  String accessLog;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serve Prometheus metrics at http://METRICS-BIND:PORT/metrics, a port of "
          + "their own (never --port), 0..65535. Default: no metrics.")
  Integer metricsPort;

  @Option(names = "--metrics-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address of the metrics port. Default: ${DEFAULT-VALUE}.")
  InetAddress metricsBind;

  private final CompletableFuture<LocalServer> started = new CompletableFuture<>();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final ExecutorService reloader = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "maprule-reload");
    t.setDaemon(true);
    return t;
  });
  private volatile LocalServer server;
  private volatile ServiceConfig serviceConfig;
  private volatile AccessLog log;
  private volatile ServerMetrics metrics;

  @Override
  int run() throws Exception {
    try {
      return serve();
    } finally {
      started.completeExceptionally(new IllegalStateException("serve ended without listening"));
      reloader.shutdownNow();
    }
  }

  private int serve() throws InterruptedException {
    ServiceConfig config = config();
    ServerLimits limits = limits();
    byte[] bytes = input.read(this);
    RuleCheck check = RuleCheck.of(bytes, input.format());
    String what;
    if (check.valid()) {
      ViolationTable.print(check.violations(), err()); // warnings
      what = "rule set " + check.loaded().digest() + " (" + check.sizes() + ")";
    } else {
      ViolationTable.print(check.violations(), err());
      err().println("maprule: " + input.source() + " is invalid ("
          + ViolationTable.count(check.errors(), "error")
          + "): every endpoint answers 503 and /health says why");
      what = "NO valid rule set (" + input.source() + " has "
          + ViolationTable.count(check.errors(), "error") + ")";
    }
    err().flush();
    serviceConfig = config;
    MapruleService service = MapruleService.load(config, bytes, input.format());
    Observers observers = observers();
    InetSocketAddress address = new InetSocketAddress(bind, port);
    try {
      server = LocalServer.start(service, address, limits, observers);
    } catch (IOException e) {
      closeObservers();
      throw new CliIoException("cannot listen on " + url(bind, port) + ": "
          + CliIoException.reason(e), e);
    }
    Duration drain = Duration.ofSeconds(drainTimeout);
    Thread hook = new Thread(() -> server.drain(drain), "maprule-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    List<Signals.Handle> signals = List.of(Signals.on("TERM", this::stop),
        Signals.on("INT", this::stop), Signals.on("HUP", () -> reloader.execute(this::reload)));
    try {
      out().println("maprule " + VersionProvider.version() + " serving " + what + " on "
          + url(server.address().getAddress(), server.port()));
      out().flush();
      err().println("maprule: " + LocalServer.transport() + ", " + limits.ioThreads()
          + " I/O thread" + (limits.ioThreads() == 1 ? "" : "s") + "; SIGTERM/SIGINT drain (at"
          + " most " + drainTimeout + " s), SIGHUP reloads " + input.source()
          + (server.metricsAddress() == null ? ""
              : "; metrics on " + url(server.metricsAddress().getAddress(),
                  server.metricsAddress().getPort()) + "/metrics"));
      for (Signals.Handle h : signals) {
        if (!h.installed()) {
          err().println("maprule: " + h.problem());
        }
      }
      err().flush();
      started.complete(server);
      stopRequested.await();
      if (!server.drain(drain)) {
        err().println("maprule: stopped: connections still busy after " + drainTimeout
            + " s were closed");
      }
    } finally {
      signals.forEach(Signals.Handle::close);
      server.close();
      closeObservers();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
    return Maprule.OK;
  }

  /**
   * Reloads {@code --rules} (SIGHUP): read, validate whole, swap in atomically; or keep the rule
   * set served now and show why on {@code /health} and stderr. Re-opens the access log either
   * way. Runs on the reload thread, one at a time.
   */
  void reload() {
    LocalServer s = server;
    if (s == null) {
      return;
    }
    AccessLog l = log;
    if (l != null) {
      try {
        l.reopen();
      } catch (IOException e) {
        err().println("maprule: SIGHUP: cannot re-open the access log " + accessLog + ": "
            + CliIoException.reason(e) + "; writing on to the old one");
      }
    }
    if (input.file.rules == null) {
      err().println("maprule: SIGHUP: serving the built-in example; there is no --rules file "
          + "to reload");
      err().flush();
      return;
    }
    Instant at = Instant.now();
    String name = input.file.rules.getFileName() == null ? input.source()
        : input.file.rules.getFileName().toString();
    byte[] bytes;
    try {
      bytes = RuleInput.readFile("rules file", input.file.rules);
    } catch (CliIoException e) {
      String reason = e.getCause() instanceof IOException
          ? CliIoException.reason((IOException) e.getCause()) : "is a directory";
      refuse(s, new ReloadFailure(name, at, "cannot read " + name + ": " + reason
          + "; the rule set loaded before is still served", List.of()));
      return;
    }
    RuleCheck check = RuleCheck.of(bytes, input.format());
    ViolationTable.print(check.violations(), err());
    if (!check.valid()) {
      refuse(s, new ReloadFailure(name, at, name + " is invalid ("
          + ViolationTable.count(check.errors(), "error")
          + "): the rule set loaded before is still served", check.violations()));
      return;
    }
    MapruleService next = MapruleService.load(serviceConfig, bytes, input.format());
    if (!next.isServing()) {
      refuse(s, new ReloadFailure(name, at, name + " could not be prepared: the rule set loaded "
          + "before is still served", check.violations()));
      return;
    }
    s.replace(next);
    err().println("maprule: SIGHUP: reloaded " + input.source() + ": serving rule set "
        + next.ruleSetDigest() + " (" + check.sizes() + ")");
    err().flush();
  }

  private void refuse(LocalServer s, ReloadFailure failure) {
    s.replace(s.service().withReloadFailure(failure));
    ServerMetrics m = metrics;
    if (m != null) {
      m.reloadFailed();
    }
    err().println("maprule: SIGHUP: reload of " + input.source() + " refused: "
        + failure.message());
    err().flush();
  }

  /** The limits from the options; usage errors naming the option for values out of range. */
  ServerLimits limits() {
    ServerLimits d = ServerLimits.defaults();
    check("--max-request-line", maxRequestLine, 64, 1 << 20);
    check("--max-header-bytes", maxHeaderBytes, 256, 1 << 20);
    check("--max-headers", maxHeaders, 1, 10_000);
    check("--max-body", maxBody, 0, 1 << 24);
    check("--header-timeout", headerTimeout, 1, 3600);
    check("--idle-timeout", idleTimeout, 1, 3600);
    check("--max-connections", maxConnections, 1, 1_000_000);
    check("--drain-timeout", drainTimeout, 0, 3600);
    if (ioThreads != null) {
      check("--io-threads", ioThreads, 1, 256);
    }
    if (metricsPort != null) {
      check("--metrics-port", metricsPort, 0, 65535);
      if (metricsPort != 0 && metricsPort == port) {
        throw usage("--metrics-port " + metricsPort + " is the CE port (--port): metrics need a "
            + "port of their own");
      }
    }
    return new ServerLimits(maxRequestLine, maxHeaderBytes, maxHeaders, maxBody,
        Duration.ofSeconds(headerTimeout), Duration.ofSeconds(idleTimeout), maxConnections,
        ioThreads == null ? d.ioThreads() : ioThreads);
  }

  private void check(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw usage(option + " " + value + " is out of range: expected " + min + ".." + max);
    }
  }

  /** The access log and metrics from the options. */
  private Observers observers() {
    Observers o = Observers.none();
    if (accessLog != null) {
      if (accessLog.equals("-")) {
        log = AccessLog.to(System.out);
      } else {
        try {
          log = AccessLog.toFile(Path.of(accessLog));
        } catch (IOException | RuntimeException e) {
          throw new CliIoException("cannot open the access log '" + accessLog + "': "
              + (e instanceof IOException ? CliIoException.reason((IOException) e)
                  : e.getMessage()), e);
        }
      }
      o = o.withAccessLog(log);
    }
    if (metricsPort != null) {
      metrics = new ServerMetrics();
      o = o.withMetrics(metrics, new InetSocketAddress(metricsBind, metricsPort));
    }
    return o;
  }

  private void closeObservers() {
    if (log != null) {
      log.close();
    }
    if (metrics != null) {
      metrics.close();
    }
  }

  /** The service configuration from the options; usage errors for bad values. */
  ServiceConfig config() {
    if (port < 0 || port > 65535) {
      throw usage("--port " + port + " is not a TCP port: expected 0..65535");
    }
    for (String key : jpneKeys) {
      if (key.isEmpty() || key.contains("/")) {
        throw usage("--jpne-key '" + key + "' cannot be a path segment: it must be non-empty, without '/'");
      }
    }
    ServiceConfig config = ServiceConfig.defaults().withCloud(cloud)
        .withOcnCodes(new LinkedHashSet<>(ocnCodes)).withJpneKeys(new LinkedHashSet<>(jpneKeys));
    String header = clientAddress.clientAddressHeader(this);
    if (header != null) {
      config = config.withClientAddressHeader(header);
    }
    String secret = clientAddress.originVerifySecret(this);
    return config.withOriginVerify(clientAddress.originVerifyHeader(this), secret);
  }

  /**
   * Completes with the running server once it listens (its {@link LocalServer#port()} is the real
   * port with {@code --port 0}); fails when {@code serve} ends without listening.
   */
  CompletableFuture<LocalServer> started() {
    return started;
  }

  /**
   * Makes a running {@code serve} drain its server (at most {@code --drain-timeout}) and return
   * {@value Maprule#OK}; what SIGTERM and SIGINT do.
   */
  void stop() {
    stopRequested.countDown();
  }

  /** {@code http://ADDR:PORT}, IPv6 in brackets (RFC 3986 §3.2.2) and RFC 5952 form. */
  static String url(InetAddress address, int port) {
    String host = address instanceof Inet6Address
        ? "[" + Ipv6Address.fromBytes(address.getAddress()) + "]"
        : address.getHostAddress();
    return "http://" + host + ":" + port;
  }
}
