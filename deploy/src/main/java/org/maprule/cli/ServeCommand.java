package org.maprule.cli;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.maprule.addr.Ipv6Address;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;
import org.maprule.server.LocalServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maprule serve} (docs/design.md §4, §5): the whole HTTP API of {@link MapruleService} on the
 * {@link LocalServer}, loopback by default, on the built-in example rules when {@code --rules}
 * is absent. Prints one line to stdout once listening — {@code maprule VERSION serving rule set
 * DIGEST (N domains, M rules) on http://ADDR:PORT} — and runs until the process is stopped.
 *
 * <p>A rule set that fails validation is still served as the clouds serve it: every violation
 * goes to stderr, every endpoint answers 503 and {@code /health} says why.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves the maprule HTTP API (/, /hb46pp, /{key}/get_rules, /rules, /calc, "
        + "/lookup, /health) on a local port. Prints 'maprule VERSION serving rule set "
        + "DIGEST (N domains, M rules) on http://ADDR:PORT' once listening, then runs until "
        + "stopped (Ctrl-C, SIGTERM). An invalid rule set is still served: its violations "
        + "go to stderr, every endpoint answers 503 and /health says why.",
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

  private final CompletableFuture<LocalServer> started = new CompletableFuture<>();
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  @Override
  int run() throws Exception {
    try {
      return serve();
    } finally {
      started.completeExceptionally(new IllegalStateException("serve ended without listening"));
    }
  }

  private int serve() throws InterruptedException {
    ServiceConfig config = config();
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
    MapruleService service = MapruleService.load(config, bytes, input.format());
    InetSocketAddress address = new InetSocketAddress(bind, port);
    LocalServer server;
    try {
      server = LocalServer.start(service, address);
    } catch (IOException e) {
      throw new CliIoException("cannot listen on " + url(bind, port) + ": "
          + CliIoException.reason(e), e);
    }
    Thread hook = new Thread(server::close, "maprule-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out().println("maprule " + VersionProvider.version() + " serving " + what + " on "
          + url(server.address().getAddress(), server.port()));
      out().flush();
      started.complete(server);
      stopRequested.await();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
    return Maprule.OK;
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

  /** Makes a running {@code serve} stop its server and return {@value Maprule#OK}. */
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
