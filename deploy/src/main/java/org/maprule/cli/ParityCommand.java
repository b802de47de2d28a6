package org.maprule.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.maprule.MapruleException;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.json.Json;
import org.maprule.json.JsonObject;
import org.maprule.json.JsonString;
import org.maprule.json.JsonValue;
import org.maprule.parity.Answer;
import org.maprule.parity.AnswerDiff;
import org.maprule.sample.CeRequest;
import org.maprule.sample.CeRequestGenerator;
import org.maprule.sample.Endpoint;
import org.maprule.sample.Mix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maprule parity --endpoint URL --endpoint URL [--samples N] [--seed S]
 * [--client-address-header NAME] …}: do two deployments (the two clouds, or a cloud and a local
 * {@code maprule serve} of the same file) answer CEs identically?
 *
 * <ol>
 *   <li>{@code GET /health} of both must answer 200 with the same {@code ruleSet} digest;
 *   <li>the rule set is fetched from {@code /rules} of the first endpoint, and core's
 *       {@link CeRequestGenerator} builds N seeded requests of every CE format from it
 *       ({@link Mix#TYPICAL}: nine in ten for CEs inside a rule), so that the samples hit real
 *       rules;
 *   <li>each request goes to both endpoints; status, body bytes and the headers
 *       {@value #COMPARED_HEADERS_TEXT} must be identical ({@link AnswerDiff}).
 * </ol>
 *
 * <p>This class does the I/O (HTTP, output); the comparison is {@link AnswerDiff}'s, the
 * rendering {@link ParityReport}'s.
 *
 * Exit status {@value Maprule#OK} when everything is identical, {@value #DIFFERENT} with a
 * readable diff (the first differing byte and both snippets) otherwise, {@value Maprule#USAGE}
 * usage error, {@value Maprule#IO} an endpoint's {@code /health} cannot be reached.
 */
@Command(
    name = "parity",
    mixinStandardHelpOptions = true,
    description = "Checks that two endpoints (both clouds, or a cloud and a local maprule serve) "
        + "answer CEs identically: both /health report the same rule-set digest, then N seeded "
        + "requests of every CE format (OCN /, /hb46pp, /{key}/get_rules, /calc, /lookup, /rules), "
        + "built from the rule set of the first endpoint's /rules, must get the same status, body "
        + "and content-type, cache-control, etag and x-maprule-ruleset from both.",
    footerHeading = "%nExit status:%n",
    footer = {"  0  identical: same rule set, every sampled answer the same",
        "  1  different: another rule set, no valid rule set, or an answer that differs",
        "     (each difference printed: status, headers, first differing body byte)",
        "  2  usage error",
        "  3  an endpoint's /health cannot be reached, or a file cannot be read",
        "  4  internal error (a bug: please report it)"})
final class ParityCommand extends CliCommand {
  /** Some answer differs. */
  static final int DIFFERENT = 1;
  /** The headers compared besides status and body. */
  static final List<String> COMPARED_HEADERS =
      List.of("content-type", "cache-control", "etag", "x-maprule-ruleset");
  static final String COMPARED_HEADERS_TEXT = "content-type, cache-control, etag, x-maprule-ruleset";
  /** Differences printed in full in the text output (all are in {@code --json}). */
  static final int SHOWN = 10;

  /**
   * The endpoints compared: every CE endpoint and {@code /rules}; {@code /health} names each
   * deployment's own cloud, so only its digest is compared.
   */
  static final Set<Endpoint> COMPARED_ENDPOINTS = EnumSet.range(Endpoint.OCN, Endpoint.RULES);


  @Option(names = "--endpoint", paramLabel = "URL", required = true,
      description = "Base URL of a deployment, for example https://d111.cloudfront.net or "
          + "http://127.0.0.1:8080; give exactly two. The rule set is sampled from the first.")
  List<URI> endpoints;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "20",
      description = "Requests per format (6 formats), 1..10000. Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the sampled requests (the same seed, rule set and N send the same "
          + "requests). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Mixin ClientAddressOptions clientAddress;

  @Option(names = "--ocn-code", paramLabel = "CODE", defaultValue = "maprule-parity",
      description = "OCN code sent with / requests. Default: ${DEFAULT-VALUE}.")
  String ocnCode;

  @Option(names = "--jpne-key", paramLabel = "KEY", defaultValue = "maprule-parity",
      description = "JPNE key of /{key}/get_rules requests. Default: ${DEFAULT-VALUE}.")
  String jpneKey;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Connect and answer timeout per request, 1..300 seconds. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Option(names = "--json", description = "Print one JSON object instead (docs/cli.md).")
  boolean json;

  @Override
  int run() throws Exception {
    List<URI> bases = checkedEndpoints();
    if (samples < 1 || samples > 10000) {
      throw usage("--samples " + samples + " is out of range: expected 1..10000");
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 300) {
      throw usage("--timeout " + timeoutSeconds + " is out of range: expected 1..300 seconds");
    }
    String clientAddressHeader = clientAddress.clientAddressHeader(this);
    String originVerifyHeader = clientAddress.originVerifyHeader(this);
    if (ocnCode.isEmpty() || jpneKey.isEmpty() || jpneKey.contains("/")) {
      throw usage("--ocn-code and --jpne-key must be non-empty, --jpne-key without '/'");
    }
    String secret = clientAddress.originVerifySecret(this);
    Http http = new Http(timeoutSeconds, secret == null ? Map.of() : Map.of(originVerifyHeader, secret));

    ParityReport.Health h1 = health(http, bases.get(0), 1);
    ParityReport.Health h2 = health(http, bases.get(1), 2);
    ParityReport report = new ParityReport(List.of(h1, h2), seed, samples);
    if (!h1.ok() || !h2.ok()) {
      report.verdict = "no valid rule set on "
          + (h1.ok() ? "endpoint 2" : h2.ok() ? "endpoint 1" : "either endpoint")
          + ": /health must answer 200 with status ok";
      return report.print(out(), json);
    }
    if (!h1.ruleSet().equals(h2.ruleSet())) {
      report.verdict = "different rule sets: endpoint 1 serves " + h1.ruleSet()
          + ", endpoint 2 serves " + h2.ruleSet() + "; no requests sampled";
      return report.print(out(), json);
    }
    report.sameRuleSet = true;

    Answer rules = http.fetch(bases.get(0), "GET", "/rules", Map.of());
    LoadedRuleSet loaded;
    try {
      if (rules.status() != 200) {
        throw new IllegalStateException("answered " + (rules.error() != null ? rules.error()
            : "status " + rules.status()));
      }
      loaded = RuleSetLoader.load(rules.body(), RuleSetFormat.NATIVE);
    } catch (MapruleException | IllegalStateException e) {
      report.verdict = "endpoint 1 /rules " + (e instanceof MapruleException m
          ? "is not a valid rule set (" + m.code() + ": " + m.getMessage() + ")" : e.getMessage())
          + ": nothing to sample from";
      return report.print(out(), json);
    }
    if (!loaded.digest().equals(h1.ruleSet())) {
      report.verdict = "endpoint 1 /rules has digest " + loaded.digest() + " but its /health says "
          + h1.ruleSet();
      return report.print(out(), json);
    }
    report.sampledFrom = loaded.ruleSet().domains().size() + " domains, "
        + loaded.ruleSet().ruleCount() + " rules";

    List<CeRequest> requests = CeRequestGenerator.of(loaded, CeRequestGenerator.Options
        .defaults().withSeed(seed).withPerEndpoint(samples).withEndpoints(COMPARED_ENDPOINTS)
        .withMix(Mix.TYPICAL).withClientAddressHeader(clientAddressHeader).withOcnCode(ocnCode)
        .withJpneKey(jpneKey)).requests();
    compare(http, bases, requests, report);
    return report.print(out(), json);
  }

  private List<URI> checkedEndpoints() {
    if (endpoints.size() != 2) {
      throw usage("give --endpoint exactly twice (got " + endpoints.size() + ")");
    }
    List<URI> bases = new ArrayList<>();
    for (URI u : endpoints) {
      if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null
          || u.getRawQuery() != null || u.getRawFragment() != null) {
        throw usage("--endpoint '" + u + "' is not an http(s) base URL (no query, no fragment)");
      }
      String s = u.toString();
      bases.add(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
    }
    return bases;
  }

  private ParityReport.Health health(Http http, URI base, int n) {
    Answer a = http.fetch(base, "GET", "/health", Map.of());
    if (!a.answered()) {
      throw new CliIoException("cannot reach endpoint " + n + " " + base + "/health: " + a.error(),
          null);
    }
    String state = null;
    String cloud = null;
    String ruleSet = null;
    try {
      JsonValue j = Json.parse(a.body());
      state = text(j, "status");
      cloud = text(j, "cloud");
      ruleSet = text(j, "ruleSet");
    } catch (RuntimeException notJson) {
      state = "not maprule health JSON";
    }
    return new ParityReport.Health(base.toString(), a.status(), state, cloud, ruleSet);
  }

  private static String text(JsonValue j, String name) {
    JsonValue v = j instanceof JsonObject o ? o.get(name) : null;
    return v instanceof JsonString s ? s.value() : null;
  }

  private void compare(Http http, List<URI> bases, List<CeRequest> requests,
      ParityReport report) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "maprule-parity");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<AnswerDiff>> results = new ArrayList<>();
      for (CeRequest r : requests) {
        results.add(pool.submit(() -> {
          Answer a = http.fetch(bases.get(0), r.method(), r.target(), r.headers());
          Answer b = http.fetch(bases.get(1), r.method(), r.target(), r.headers());
          return AnswerDiff.of(a, b, COMPARED_HEADERS).orElse(null);
        }));
      }
      for (int i = 0; i < requests.size(); i++) {
        report.count(requests.get(i), results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The HTTP side: java.net.http, HTTP/1.1, no redirects followed. */
  static final class Http {
    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, String> always;

    Http(int timeoutSeconds, Map<String, String> always) {
      this.timeout = Duration.ofSeconds(timeoutSeconds);
      this.always = always;
      this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** Sends one request; a transport failure is an {@link Answer#none} naming it. */
    Answer fetch(URI base, String method, String target, Map<String, String> headers) {
      try {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(timeout)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("user-agent", "maprule-parity/" + VersionProvider.version());
        always.forEach(b::header);
        headers.forEach(b::header);
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return Answer.of(r.statusCode(), r.headers()::allValues, r.body(), COMPARED_HEADERS);
      } catch (java.net.http.HttpTimeoutException e) {
        return Answer.none("no answer within " + timeout.toSeconds() + " s");
      } catch (java.net.ConnectException e) {
        return Answer.none("cannot connect"
            + (e.getMessage() == null ? " (connection refused)" : ": " + e.getMessage()));
      } catch (IOException e) {
        String m = e.getMessage();
        return Answer.none(e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Answer.none("interrupted");
      }
    }
  }
}
