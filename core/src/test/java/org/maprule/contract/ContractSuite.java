package org.maprule.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleVersion;
import org.maprule.http.ServiceConfig;

/**
 * The HTTP contract every transport must meet byte for byte (DESIGN.md §2): golden request →
 * response pairs under {@code contract/cases/} (format in {@link ContractCase}), listed in
 * {@code contract/index.txt}, run against the transport a subclass {@link #start starts}: the
 * core router, the local HTTP server, the AWS runtime client, Azure in-process. One suite, four
 * transports, identical answers.
 *
 * <p>Each case becomes one dynamic test, grouped by context ({@link ContractContexts}); each
 * context's transport is started once, on first use, and closed after all tests. A case passes
 * when the status, every listed header (names case-insensitive, values exact), every header
 * listed as absent, and the body bytes match, and the answer keeps the invariants every answer
 * must keep (an {@code x-maprule-ruleset}, a {@code content-type}, a {@code cache-control}; an
 * {@code etag} exactly when the answer is {@code public}; problem+json for errors outside
 * {@code /health}; an empty body for HEAD). Headers a transport adds ({@code date},
 * {@code content-length}, …) are not checked.
 *
 * <p>Known failures (in the manner of Okio's file-system tests): a transport that cannot yet meet
 * a case lists its name in {@link #knownFailures()}; the case then still runs, is reported as
 * aborted (skipped) with its mismatch while it fails, and fails as soon as it passes, so the list
 * never goes stale.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractSuite {
  private final Map<String, Object> transports = new LinkedHashMap<>();
  private final Map<String, String> digests = new LinkedHashMap<>();

  /** Starts a transport serving this config and rule document (called once per context, closed after all tests). */
  protected abstract Transport start(ServiceConfig config, byte[] rules, RuleSetFormat format) throws Exception;

  /** One way of delivering requests: core router, local HTTP server, AWS runtime client, Azure in-process. */
  public interface Transport extends AutoCloseable {
    /**
     * Delivers one request and returns the answer as the client saw it.
     *
     * @param request the request; its {@code peerAddress} is null: the transport uses its own
     * @return the response
     * @throws Exception when the exchange itself fails
     */
    HttpResponse exchange(HttpRequest request) throws Exception;
  }

  /**
   * Names of cases this transport is known to fail (file names without {@code .txt}); empty by
   * default. Every name must exist.
   *
   * @return the names
   */
  protected Set<String> knownFailures() {
    return Set.of();
  }

  /**
   * One dynamic test per golden case, grouped by context.
   *
   * @return the tests
   */
  @TestFactory
  public final Stream<DynamicNode> contract() {
    List<ContractCase> cases = ContractCase.loadAll();
    Set<String> known = knownFailures();
    Set<String> names = cases.stream().map(ContractCase::name).collect(Collectors.toSet());
    Set<String> unknown = new TreeSet<>(known);
    unknown.removeAll(names);
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("knownFailures() names cases that do not exist: " + unknown);
    }
    Map<String, List<ContractCase>> byContext = new LinkedHashMap<>();
    for (ContractCase c : cases) {
      byContext.computeIfAbsent(c.context(), k -> new ArrayList<>()).add(c);
    }
    return byContext.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(),
        e.getValue().stream().map(c -> DynamicTest.dynamicTest(c.name(),
            () -> run(c, known.contains(c.name()))))));
  }

  /** Closes every transport this suite started. */
  @AfterAll
  public final void closeTransports() throws Exception {
    Exception first = null;
    for (Object t : transports.values()) {
      if (t instanceof Transport) {
        try {
          ((Transport) t).close();
        } catch (Exception e) {
          if (first == null) {
            first = e;
          }
        }
      }
    }
    transports.clear();
    if (first != null) {
      throw first;
    }
  }

  private void run(ContractCase c, boolean knownFailure) throws Exception {
    List<String> problems;
    try {
      HttpResponse r = transport(c.context()).exchange(request(c));
      problems = check(c, r);
    } catch (Exception e) {
      if (knownFailure) {
        throw new TestAbortedException("known failure of this transport: " + e, e);
      }
      throw e;
    }
    if (knownFailure) {
      if (problems.isEmpty()) {
        fail("case " + c.name() + " is listed in knownFailures() but passes now: remove it");
      }
      throw new TestAbortedException("known failure of this transport:\n" + String.join("\n", problems));
    }
    if (!problems.isEmpty()) {
      fail("contract case " + c.name() + " (" + c.method() + " " + c.target() + ", context "
          + c.context() + "):\n" + String.join("\n", problems));
    }
  }

  private Transport transport(String context) throws Exception {
    Object t = transports.get(context);
    if (t == null) {
      ContractContexts.Context ctx = ContractContexts.named(context);
      try {
        t = start(ctx.config(), ctx.rules(), ctx.format());
      } catch (Exception e) {
        t = e;
      }
      transports.put(context, t);
    }
    if (t instanceof Exception) {
      throw new IllegalStateException("the transport for context " + context + " did not start",
          (Exception) t);
    }
    return (Transport) t;
  }

  /** The case's request with placeholders in header values replaced. */
  private HttpRequest request(ContractCase c) {
    HttpRequest r = c.request();
    Headers.Builder h = Headers.builder();
    r.headers().asMap().forEach((k, vs) -> vs.forEach(v -> h.add(k, substitute(c.context(), v))));
    return new HttpRequest(r.method(), r.path(), r.query(), h.build(), r.body(), r.peerAddress());
  }

  private String substitute(String context, String s) {
    if (s.contains("{{digest}}")) {
      s = s.replace("{{digest}}", digest(context));
    }
    return s.replace("{{version}}", MapruleVersion.get());
  }

  private String digest(String context) {
    return digests.computeIfAbsent(context, k -> {
      ContractContexts.Context ctx = ContractContexts.named(k);
      return RuleSetLoader.load(ctx.rules(), ctx.format()).digest();
    });
  }

  private List<String> check(ContractCase c, HttpResponse r) {
    List<String> problems = new ArrayList<>();
    if (r.status() != c.status()) {
      problems.add("status: expected " + c.status() + ", got " + r.status());
    }
    for (Map.Entry<String, String> e : c.expectedHeaders().entrySet()) {
      String expected = substitute(c.context(), e.getValue());
      List<String> actual = r.headers().all(e.getKey());
      if (actual.isEmpty()) {
        problems.add("header " + e.getKey() + ": expected '" + expected + "', absent");
      } else if (!String.join(", ", actual).equals(expected)) {
        problems.add("header " + e.getKey() + ": expected '" + expected + "', got '"
            + String.join(", ", actual) + "'");
      }
    }
    for (String name : c.absentHeaders()) {
      if (r.headers().contains(name)) {
        problems.add("header " + name + ": expected absent, got '" + r.headers().first(name) + "'");
      }
    }
    problems.addAll(invariants(c, r));
    byte[] expectedBody = substitute(c.context(), c.body()).getBytes(StandardCharsets.UTF_8);
    String diff = BodyDiff.describe(expectedBody, r.body());
    if (diff != null) {
      problems.add(diff);
    }
    return problems;
  }

  private static List<String> invariants(ContractCase c, HttpResponse r) {
    List<String> p = new ArrayList<>();
    for (String name : List.of("x-maprule-ruleset", "content-type", "cache-control")) {
      if (!r.headers().contains(name)) {
        p.add("invariant: every answer has a " + name + " header");
      }
    }
    String cc = r.headers().first("cache-control");
    boolean shared = cc != null && cc.startsWith("public");
    if (shared != r.headers().contains("etag")) {
      p.add("invariant: an etag exactly on public answers (cache-control '" + cc + "')");
    }
    String ct = r.headers().first("content-type");
    if (r.status() >= 400 && !c.target().startsWith("/health")
        && !"application/problem+json; charset=utf-8".equals(ct)) {
      p.add("invariant: errors are application/problem+json; charset=utf-8, got '" + ct + "'");
    }
    if (c.method().equals("HEAD") && r.body().length != 0) {
      p.add("invariant: HEAD answers have an empty body, got " + r.body().length + " bytes");
    }
    return p;
  }
}
