package org.maprule.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.maprule.aws.AwsSettings;
import org.maprule.aws.runtime.LambdaFunctionUrl;
import org.maprule.azure.AzureFunctionTransport;
import org.maprule.azure.AzureSettings;
import org.maprule.config.ServiceSettings;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.MapruleVersion;
import org.maprule.http.ServiceConfig;
import org.maprule.sample.CeRequest;
import org.maprule.sample.CeRequestGenerator;
import org.maprule.sample.Mix;
import org.maprule.testing.JpRules;

/**
 * Cross-cloud parity (issue 5, item 5): the same requests through the AWS path (Function URL
 * event → fake Runtime API → real runtime interface client → the shaded jar's handler in a child
 * JVM: {@link LambdaFunctionUrl}, the path of {@code AwsRuntimeContractIT}) and the Azure path
 * (App Service front end → Functions host → Java worker types → {@code MapruleFunction}:
 * {@link AzureFunctionTransport}, the path of {@code AzureFunctionContractTest}), with core's own
 * answer ({@link MapruleService#handle}) as the reference. Per request, the three answers must
 * have the same status, the same headers — every header, except the {@link #PLATFORM_HEADERS} a
 * platform adds by itself, names case-insensitive, several values of one name joined by
 * {@code ", "} as both platforms send them — and the same body bytes.
 *
 * <p>Requests: the whole contract corpus ({@code contract/index.txt}, in its contexts), and seeded
 * generated requests of every endpoint from core's one generator ({@link CeRequestGenerator},
 * {@link Mix#HOSTILE}: CEs inside and outside the rules, deliberately malformed parameters, HEAD,
 * {@code If-None-Match}) over the built-in example rules (context {@code example}, client address
 * in {@code x-test-client}, every request from the peer {@link #PEER}) and over all published JP
 * tables ({@link JpRules}; no header: the client address is the transport's peer; skipped,
 * visibly, when the data file is absent). Each request goes to both clouds alike.
 *
 * <p>Both sides are configured from the same {@code MAPRULE_*} environment: the AWS child JVM gets
 * it as environment variables, the Azure side reads it through {@link AzureSettings}.
 *
 * <p>Known differences ({@link #KNOWN_DIFFERENCES}, docs/azure.md "Routes and methods"): the Azure
 * trigger lists GET and HEAD, so the Functions host answers every other method itself (404, no
 * headers, no body) without invoking the function, where AWS gives core's answer. Those cases
 * must differ exactly so (AWS equal to core, Azure the host's 404), the list must name exactly the
 * corpus cases whose method is not GET or HEAD, and every other request must be identical.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossCloudParityIT {
  /** Contract cases the Azure host answers itself: their method is neither GET nor HEAD. */
  static final Set<String> KNOWN_DIFFERENCES =
      Set.of("method-post", "method-options", "invalid-method", "method-on-unknown-path");

  /**
   * Response headers a platform adds by itself, never core's, and so not compared: the Function
   * URL / API Gateway front end ({@code date}, {@code content-length}, {@code connection},
   * {@code x-amzn-requestid}, {@code x-amzn-trace-id}, {@code apigw-requestid}) and the App
   * Service front end / Functions host ({@code date}, {@code content-length},
   * {@code transfer-encoding}, {@code server}, {@code request-context}, {@code x-powered-by}).
   * The modelled transports add none of them; the test checks that core never sets any, so the
   * exclusion cannot hide a difference in what core decides.
   */
  static final Set<String> PLATFORM_HEADERS = Set.of("date", "content-length", "connection",
      "transfer-encoding", "server", "x-amzn-requestid", "x-amzn-trace-id", "apigw-requestid",
      "request-context", "x-powered-by");

  /** The address both front ends see as the TCP peer (in no rule of the example or JP tables). */
  static final String PEER = "2001:db8:ffff:1::10";
  /** Seed of the generated requests. */
  static final long SEED = 7597;
  /** Generated requests per endpoint (seven endpoints) over the built-in example rules. */
  static final int GENERATED_EXAMPLE = 100;
  /** Generated requests per endpoint over the JP tables. */
  static final int GENERATED_JP = 100;

  private final Map<String, Sides> sides = new LinkedHashMap<>();

  /** The three answers' sources for one configuration and rule document. */
  private record Sides(String digest, LambdaFunctionUrl aws, AzureFunctionTransport azure,
      MapruleService core) {}

  @Test
  void theKnownDifferencesAreExactlyTheCorpusCasesWithOtherMethods() {
    Set<String> otherMethods = ContractCase.loadAll().stream()
        .filter(c -> !c.method().equals("GET") && !c.method().equals("HEAD"))
        .map(ContractCase::name).collect(Collectors.toCollection(TreeSet::new));
    assertThat(otherMethods).isEqualTo(new TreeSet<>(KNOWN_DIFFERENCES));
  }

  /** One dynamic test per contract case, grouped by context. */
  @TestFactory
  Stream<DynamicNode> contractCorpus() {
    Map<String, List<ContractCase>> byContext = new LinkedHashMap<>();
    for (ContractCase c : ContractCase.loadAll()) {
      byContext.computeIfAbsent(c.context(), k -> new ArrayList<>()).add(c);
    }
    return byContext.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(),
        e.getValue().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          ContractContexts.Context ctx = ContractContexts.named(c.context());
          Sides s = sides(ctx.name(), ctx.config(), ctx.rules(), ctx.format());
          compare(c.method() + " " + c.target(), request(c, s.digest()), s,
              KNOWN_DIFFERENCES.contains(c.name()));
        }))));
  }

  /** Seeded CE requests over the example rules and over every published JP table. */
  @TestFactory
  Stream<DynamicNode> generatedRequests() {
    ContractContexts.Context example = ContractContexts.named("example");
    List<DynamicNode> groups = new ArrayList<>();
    groups.add(generated("example", example.config(), example.rules(), example.format(),
        GENERATED_EXAMPLE));
    if (JpRules.file() == null) {
      groups.add(DynamicTest.dynamicTest("jp", JpRules::assumePresent));
    } else {
      byte[] jp = RuleSetFormat.NATIVE.write(JpRules.allProviders());
      groups.add(generated("jp", ServiceConfig.defaults().withCloud("parity"), jp,
          RuleSetFormat.NATIVE, GENERATED_JP));
    }
    return groups.stream();
  }

  private DynamicNode generated(String name, ServiceConfig config, byte[] rules,
      RuleSetFormat format, int perEndpoint) {
    LoadedRuleSet loaded = RuleSetLoader.load(rules, format);
    List<HttpRequest> requests = CeRequestGenerator.of(loaded, CeRequestGenerator.Options
        .defaults().withSeed(SEED).withPerEndpoint(perEndpoint).withMix(Mix.HOSTILE)
        .withClientAddressHeader(config.clientAddressHeader())).requests().stream()
        .map(r -> neutral(r, config.clientAddressHeader())).toList();
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("served", () -> {
      Sides s = sides(name, config, rules, format);
      assertThat(s.core().isServing()).as("the %s rules validate", name).isTrue();
    }));
    for (int i = 0; i < requests.size(); i++) {
      HttpRequest r = requests.get(i);
      String label = r.method() + " " + r.path() + "?" + r.query().entrySet().stream()
          .flatMap(q -> q.getValue().stream().map(v -> q.getKey() + "=" + v))
          .collect(Collectors.joining("&")) + " " + r.headers().asMap();
      tests.add(DynamicTest.dynamicTest(String.format("%03d %s", i, label),
          () -> compare(label, r, sides(name, config, rules, format), false)));
    }
    tests.add(DynamicTest.dynamicTest("the requests reach every kind of answer",
        () -> assertCoverage(requests, sides(name, config, rules, format).core())));
    return DynamicContainer.dynamicContainer("generated " + name + " (seed " + SEED + ")", tests);
  }

  /**
   * A generated request as both front ends get it: the raw target parsed by core's URI layer,
   * from the client address itself when no client-address header is configured (the request's
   * CE is then the peer), else from {@link #PEER}.
   */
  private static HttpRequest neutral(CeRequest r, String clientAddressHeader) {
    Headers.Builder h = Headers.builder();
    r.headers().forEach(h::add);
    String peer = clientAddressHeader == null ? r.clientAddress() : PEER;
    return HttpRequest.of(r.method(), r.target(), h.build(), null, peer);
  }

  /**
   * Guards against requests that all fail alike: every endpoint is asked; per endpoint with
   * parameters, at least a quarter of the answers are 200 and at least one is a 400; some shared
   * answers are 304 and some HB46PP and JPNE clients are not customers (403).
   */
  private static void assertCoverage(List<HttpRequest> requests, MapruleService core) {
    Map<String, Map<Integer, Integer>> byEndpoint = new TreeMap<>();
    for (HttpRequest r : requests) {
      String endpoint = r.path().endsWith("/get_rules") ? "/{key}/get_rules" : r.path();
      byEndpoint.computeIfAbsent(endpoint, k -> new TreeMap<>())
          .merge(core.handle(r).status(), 1, Integer::sum);
    }
    assertThat(byEndpoint).as("statuses per endpoint")
        .containsOnlyKeys("/", "/hb46pp", "/calc", "/{key}/get_rules", "/lookup", "/rules",
            "/health");
    byEndpoint.forEach((endpoint, statuses) -> {
      if (endpoint.equals("/rules") || endpoint.equals("/health")) {
        return;
      }
      int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
      assertThat(statuses.getOrDefault(200, 0) * 4).as("200s of %s in %s", endpoint, statuses)
          .isGreaterThanOrEqualTo(total);
      assertThat(statuses).as(endpoint).containsKey(400);
    });
    assertThat(byEndpoint.get("/")).containsKey(304);
    assertThat(byEndpoint.get("/calc")).containsKey(304);
    assertThat(byEndpoint.get("/hb46pp")).containsKey(403);
    assertThat(byEndpoint.get("/{key}/get_rules")).containsKey(403);
    System.out.println("generated requests, statuses per endpoint: " + byEndpoint);
  }

  /** Starts (or reuses) the sides for a context: one child JVM per context, shared with AwsRuntimeContractIT. */
  private synchronized Sides sides(String name, ServiceConfig config, byte[] rules,
      RuleSetFormat format) throws IOException {
    Sides s = sides.get(name);
    if (s == null) {
      LambdaFunctionUrl aws = LambdaFunctionUrl.serving(config, rules, format);
      Map<String, String> env = aws.environment();
      ServiceSettings azureSettings = AzureSettings.read(env::get);
      assertThat(azureSettings).as("both clouds read the same settings from the same environment")
          .isEqualTo(AwsSettings.read(env::get));
      assertThat(azureSettings.config()).isEqualTo(config);
      MapruleService azureService = azureSettings.service(getClass().getClassLoader());
      MapruleService core = MapruleService.load(config, rules, format);
      s = new Sides(String.valueOf(core.ruleSetDigest()), aws,
          AzureFunctionTransport.over(azureService), core);
      sides.put(name, s);
    }
    return s;
  }

  /** The case's request with the runner's placeholders replaced, from {@link #PEER}. */
  private static HttpRequest request(ContractCase c, String digest) {
    HttpRequest r = c.request();
    Headers.Builder h = Headers.builder();
    r.headers().asMap().forEach((k, vs) -> vs.forEach(v -> h.add(k,
        v.replace("{{digest}}", digest).replace("{{version}}", MapruleVersion.get()))));
    return new HttpRequest(r.method(), r.path(), r.query(), h.build(), r.body(), PEER);
  }

  private static void compare(String label, HttpRequest request, Sides s, boolean known) {
    HttpResponse core = s.core().handle(request);
    HttpResponse aws = s.aws().exchange(request);
    HttpResponse azure = s.azure().exchange(request);
    List<String> problems = new ArrayList<>();
    for (String name : core.headers().asMap().keySet()) {
      if (PLATFORM_HEADERS.contains(name)) {
        problems.add("core sets " + name + ", which the comparison leaves out as a platform's");
      }
    }
    problems.addAll(differences("core", core, "aws", aws));
    if (known) {
      HttpResponse host = new HttpResponse(404, Headers.empty(), new byte[0]);
      List<String> azureVsHost = differences("host's 404", host, "azure", azure);
      problems.addAll(azureVsHost);
      if (differences("aws", aws, "azure", azure).isEmpty()) {
        problems.add("known difference no longer differs: remove it from KNOWN_DIFFERENCES");
      }
    } else {
      problems.addAll(differences("aws", aws, "azure", azure));
    }
    if (!problems.isEmpty()) {
      fail(label + (known ? " (known difference)" : "") + "\n" + String.join("\n", problems));
    }
  }

  /** What differs between two answers: status, every header but the platforms', body bytes. */
  static List<String> differences(String aName, HttpResponse a, String bName, HttpResponse b) {
    List<String> out = new ArrayList<>();
    if (a.status() != b.status()) {
      out.add("status: " + aName + " " + a.status() + ", " + bName + " " + b.status());
    }
    Set<String> names = new TreeSet<>(a.headers().asMap().keySet());
    names.addAll(b.headers().asMap().keySet());
    names.removeAll(PLATFORM_HEADERS);
    for (String name : names) {
      String va = a.headers().contains(name) ? String.join(", ", a.headers().all(name)) : null;
      String vb = b.headers().contains(name) ? String.join(", ", b.headers().all(name)) : null;
      if (va == null || !va.equals(vb)) {
        out.add("header " + name + ": " + aName + " " + quote(va) + ", " + bName + " " + quote(vb));
      }
    }
    String body = BodyDiff.describe(a.body(), b.body());
    if (body != null) {
      out.add(aName + " vs " + bName + " " + body);
    }
    return out;
  }

  private static String quote(String v) {
    return v == null ? "absent" : "'" + v + "'";
  }
}
