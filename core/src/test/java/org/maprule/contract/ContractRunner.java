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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleVersion;
import org.maprule.http.ServiceConfig;
import org.maprule.contract.ContractSuite.Transport;

/**
 * The machinery behind {@link ContractSuite}: builds the dynamic tests, starts each context's
 * transport once, compares answers, closes transports. Separate from the suite so that it can be
 * exercised without a JUnit-discoverable subclass.
 */
final class ContractRunner implements AutoCloseable {
  /** Starts a transport, as {@link ContractSuite#start}. */
  interface Starter {
    Transport start(ServiceConfig config, byte[] rules, RuleSetFormat format) throws Exception;
  }

  private final Starter starter;
  private final Set<String> known;
  private final Map<String, Object> transports = new LinkedHashMap<>();
  private final Map<String, String> digests = new LinkedHashMap<>();

  ContractRunner(Starter starter, Set<String> knownFailures) {
    this.starter = starter;
    this.known = Set.copyOf(knownFailures);
  }

  /** One dynamic test per golden case, grouped by context. */
  Stream<DynamicNode> tests() {
    List<ContractCase> cases = ContractCase.loadAll();
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

  /** Closes every transport this runner started. */
  @Override
  public void close() throws Exception {
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
        t = starter.start(ctx.config(), ctx.rules(), ctx.format());
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
