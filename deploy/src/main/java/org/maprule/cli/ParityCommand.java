package org.maprule.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.maprule.MapruleException;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.ServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code maprule parity --endpoint URL --endpoint URL [--samples N] [--seed S]
 * [--client-address-header NAME] …}: do two deployments (the two clouds, or a cloud and a local
 * {@code maprule serve} of the same file) answer CEs identically?
 *
 * <ol>
 *   <li>{@code GET /health} of both must answer 200 with the same {@code ruleSet} digest;
 *   <li>the rule set is fetched from {@code /rules} of the first endpoint, and
 *       {@link ParitySampler} builds N seeded requests of every CE format from it, so that the
 *       samples hit real rules;
 *   <li>each request goes to both endpoints; status, body bytes and the headers
 *       {@value #COMPARED_HEADERS_TEXT} must be identical.
 * </ol>
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

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CONTEXT_BEFORE = 24;
  private static final int CONTEXT_AFTER = 48;

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

  @Option(names = "--client-address-header", paramLabel = "NAME",
      description = "Send each HB46PP and JPNE request's CE address in this header (the "
          + "endpoints' configured one, e.g. x-test-client; cloudfront-viewer-address is sent as "
          + "address:port). Default: none, the endpoints answer for this machine's address.")
  String clientAddressHeader;

  @Option(names = "--origin-verify-secret-file", paramLabel = "FILE",
      description = "Send this secret (surrounding blanks trimmed) in --origin-verify-header with "
          + "every request, so that a deployed origin trusts --client-address-header.")
  Path originVerifySecretFile;

  @Option(names = "--origin-verify-header", paramLabel = "NAME",
      defaultValue = ServiceConfig.DEFAULT_ORIGIN_VERIFY_HEADER,
      description = "Header for the origin-verify secret. Default: ${DEFAULT-VALUE}.")
  String originVerifyHeader;

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

  /** One endpoint's answer to one request; {@code error} set (status -1) when there was none. */
  record Answer(int status, Map<String, String> headers, byte[] body, String error) {}

  /** One endpoint's {@code /health}. */
  record Health(String url, int status, String state, String cloud, String ruleSet) {
    boolean ok() {
      return status == 200 && "ok".equals(state) && ruleSet != null;
    }
  }

  /** A request whose answers differ, and how. */
  record Difference(ParitySampler.Sample sample, Answer first, Answer second) {}

  @Override
  int run() throws Exception {
    List<URI> bases = checkedEndpoints();
    if (samples < 1 || samples > 10000) {
      throw usage("--samples " + samples + " is out of range: expected 1..10000");
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 300) {
      throw usage("--timeout " + timeoutSeconds + " is out of range: expected 1..300 seconds");
    }
    if (clientAddressHeader != null) {
      headerName("--client-address-header", clientAddressHeader);
    }
    headerName("--origin-verify-header", originVerifyHeader);
    if (ocnCode.isEmpty() || jpneKey.isEmpty() || jpneKey.contains("/")) {
      throw usage("--ocn-code and --jpne-key must be non-empty, --jpne-key without '/'");
    }
    String secret = originVerifySecret(originVerifySecretFile);
    Http http = new Http(timeoutSeconds, secret == null ? Map.of() : Map.of(originVerifyHeader, secret));

    Health h1 = health(http, bases.get(0), 1);
    Health h2 = health(http, bases.get(1), 2);
    Report report = new Report(List.of(h1, h2));
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

    List<ParitySampler.Sample> requests = new ParitySampler(loaded.ruleSet(), loaded.digest(),
        clientAddressHeader, ocnCode, jpneKey).samples(seed, samples);
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

  private Health health(Http http, URI base, int n) {
    Answer a = http.fetch(base, "GET", "/health", Map.of());
    if (a.error() != null) {
      throw new CliIoException("cannot reach endpoint " + n + " " + base + "/health: " + a.error(),
          null);
    }
    String state = null;
    String cloud = null;
    String ruleSet = null;
    try {
      JsonNode j = JSON.readTree(a.body());
      state = text(j, "status");
      cloud = text(j, "cloud");
      ruleSet = text(j, "ruleSet");
    } catch (RuntimeException notJson) {
      state = "not maprule health JSON";
    }
    return new Health(base.toString(), a.status(), state, cloud, ruleSet);
  }

  private static String text(JsonNode j, String name) {
    JsonNode v = j == null ? null : j.get(name);
    return v == null || !v.isString() ? null : v.asString();
  }

  private void compare(Http http, List<URI> bases, List<ParitySampler.Sample> requests,
      Report report) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "maprule-parity");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Difference>> results = new ArrayList<>();
      for (ParitySampler.Sample s : requests) {
        results.add(pool.submit(() -> {
          Answer a = http.fetch(bases.get(0), s.method(), s.target(), s.headers());
          Answer b = http.fetch(bases.get(1), s.method(), s.target(), s.headers());
          return same(a, b) ? null : new Difference(s, a, b);
        }));
      }
      for (int i = 0; i < requests.size(); i++) {
        report.count(requests.get(i).format(), results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean same(Answer a, Answer b) {
    return a.error() == null && b.error() == null && a.status() == b.status()
        && a.headers().equals(b.headers()) && java.util.Arrays.equals(a.body(), b.body());
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

    /** Sends one request; a transport failure is an {@link Answer} with {@code error} set. */
    Answer fetch(URI base, String method, String target, Map<String, String> headers) {
      try {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(timeout)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("user-agent", "maprule-parity/" + VersionProvider.version());
        always.forEach(b::header);
        headers.forEach(b::header);
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> compared = new LinkedHashMap<>();
        for (String name : COMPARED_HEADERS) {
          List<String> values = r.headers().allValues(name);
          if (!values.isEmpty()) {
            compared.put(name, String.join(", ", values));
          }
        }
        return new Answer(r.statusCode(), compared, r.body(), null);
      } catch (java.net.http.HttpTimeoutException e) {
        return new Answer(-1, Map.of(), new byte[0], "no answer within " + timeout.toSeconds() + " s");
      } catch (java.net.ConnectException e) {
        return new Answer(-1, Map.of(), new byte[0], "cannot connect"
            + (e.getMessage() == null ? " (connection refused)" : ": " + e.getMessage()));
      } catch (IOException e) {
        String m = e.getMessage();
        return new Answer(-1, Map.of(), new byte[0], e.getClass().getSimpleName()
            + (m == null || m.isBlank() ? "" : ": " + m));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Answer(-1, Map.of(), new byte[0], "interrupted");
      }
    }
  }

  /** Counts, differences and the rendering of both outputs. */
  final class Report {
    final List<Health> health;
    final Map<ParitySampler.Format, int[]> counts = new EnumMap<>(ParitySampler.Format.class);
    final List<Difference> differences = new ArrayList<>();
    boolean sameRuleSet;
    String sampledFrom;
    String verdict;

    Report(List<Health> health) {
      this.health = health;
    }

    void count(ParitySampler.Format f, Difference d) {
      int[] c = counts.computeIfAbsent(f, k -> new int[2]);
      c[0]++;
      if (d != null) {
        c[1]++;
        differences.add(d);
      }
    }

    int requests() {
      return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    boolean identical() {
      return verdict == null && differences.isEmpty();
    }

    int print(PrintWriter out, boolean asJson) {
      if (asJson) {
        out.println(JSON.writeValueAsString(json()));
      } else {
        text(out);
      }
      out.flush();
      return identical() ? Maprule.OK : DIFFERENT;
    }

    private void text(PrintWriter out) {
      for (int i = 0; i < health.size(); i++) {
        Health h = health.get(i);
        out.println("endpoint " + (i + 1) + "  " + h.url() + "  /health " + h.status()
            + (h.state() == null ? "" : " " + h.state())
            + (h.cloud() == null ? "" : ", cloud " + h.cloud())
            + ", rule set " + (h.ruleSet() == null ? "none" : h.ruleSet()));
      }
      if (sampledFrom != null) {
        out.println("samples   seed " + seed + ", " + samples + " per format, from endpoint 1 /rules ("
            + sampledFrom + ")");
      }
      int shown = 0;
      for (Difference d : differences) {
        if (shown++ == SHOWN) {
          out.println("… " + (differences.size() - SHOWN) + " more differences (see --json)");
          break;
        }
        printDifference(out, d);
      }
      if (!counts.isEmpty()) {
        out.println(String.format("%-8s %8s %10s %10s", "format", "requests", "identical", "different"));
        counts.forEach((f, c) -> out.println(String.format("%-8s %8d %10d %10d",
            f.label(), c[0], c[0] - c[1], c[1])));
      }
      if (verdict != null) {
        out.println("parity: DIFFERENT: " + verdict);
      } else {
        out.println("parity: " + requests() + " requests, " + (requests() - differences.size())
            + " identical, " + (differences.isEmpty() ? "0 different"
            : differences.size() + " DIFFERENT"));
      }
    }

    private void printDifference(PrintWriter out, Difference d) {
      ParitySampler.Sample s = d.sample();
      StringBuilder sent = new StringBuilder();
      s.headers().forEach((k, v) -> sent.append("  (").append(k).append(": ").append(v).append(')'));
      out.println("DIFFERENT " + s.format().label() + " " + s.method() + " " + s.target() + sent);
      Answer a = d.first();
      Answer b = d.second();
      if (a.error() != null || b.error() != null) {
        out.println("  answer        " + (a.error() == null ? "ok" : "none (" + a.error() + ")")
            + " | " + (b.error() == null ? "ok" : "none (" + b.error() + ")"));
        return;
      }
      if (a.status() != b.status()) {
        out.println("  status        " + a.status() + " | " + b.status());
      }
      for (String name : COMPARED_HEADERS) {
        String va = a.headers().get(name);
        String vb = b.headers().get(name);
        if (!java.util.Objects.equals(va, vb)) {
          out.println(String.format("  %-13s %s | %s", name, quote(va), quote(vb)));
        }
      }
      int at = firstDifference(a.body(), b.body());
      if (at >= 0) {
        out.println("  body          first difference at byte " + at + " (lengths "
            + a.body().length + " | " + b.body().length + ")");
        out.println("    1: " + snippet(a.body(), at));
        out.println("    2: " + snippet(b.body(), at));
      }
    }

    private Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("identical", identical());
      m.put("endpoints", health.stream().map(h -> {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("url", h.url());
        e.put("health", h.status());
        e.put("status", h.state());
        e.put("cloud", h.cloud());
        e.put("ruleSet", h.ruleSet());
        return e;
      }).toList());
      m.put("sameRuleSet", sameRuleSet);
      m.put("verdict", verdict);
      m.put("seed", seed);
      m.put("samplesPerFormat", samples);
      m.put("requests", requests());
      m.put("different", differences.size());
      Map<String, Object> formats = new LinkedHashMap<>();
      counts.forEach((f, c) -> {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("requests", c[0]);
        n.put("identical", c[0] - c[1]);
        n.put("different", c[1]);
        formats.put(f.label(), n);
      });
      m.put("formats", formats);
      m.put("differences", differences.stream().map(this::json).toList());
      return m;
    }

    private Map<String, Object> json(Difference d) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("format", d.sample().format().label());
      m.put("method", d.sample().method());
      m.put("target", d.sample().target());
      m.put("headers", d.sample().headers());
      Answer a = d.first();
      Answer b = d.second();
      if (a.error() != null || b.error() != null) {
        m.put("errors", java.util.Arrays.asList(a.error(), b.error()));
        return m;
      }
      m.put("status", List.of(a.status(), b.status()));
      Map<String, Object> headers = new LinkedHashMap<>();
      for (String name : COMPARED_HEADERS) {
        if (!java.util.Objects.equals(a.headers().get(name), b.headers().get(name))) {
          headers.put(name, java.util.Arrays.asList(a.headers().get(name), b.headers().get(name)));
        }
      }
      m.put("headerDifferences", headers);
      int at = firstDifference(a.body(), b.body());
      if (at >= 0) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offset", at);
        body.put("lengths", List.of(a.body().length, b.body().length));
        body.put("snippets", List.of(snippet(a.body(), at), snippet(b.body(), at)));
        m.put("body", body);
      }
      return m;
    }
  }

  /** The index of the first byte that differs (the shorter length when one is a prefix), or -1. */
  static int firstDifference(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    return a.length == b.length ? -1 : n;
  }

  /**
   * The bytes around {@code at} as one line of text: up to {@value #CONTEXT_BEFORE} bytes before,
   * {@value #CONTEXT_AFTER} from it, {@code …} where cut, control characters escaped, and
   * {@code (end)} when the body ends at {@code at}.
   */
  static String snippet(byte[] body, int at) {
    int from = Math.max(0, at - CONTEXT_BEFORE);
    int to = Math.min(body.length, at + CONTEXT_AFTER);
    StringBuilder out = new StringBuilder();
    if (from > 0) {
      out.append('…');
    }
    String text = new String(body, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (at >= body.length) {
      out.append("(end)");
    } else if (to < body.length) {
      out.append('…');
    }
    return out.toString();
  }

  private static String quote(String s) {
    return s == null ? "(absent)" : s;
  }
}
