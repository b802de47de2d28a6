package org.maprule.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;

/** The suite's own machinery: case files, the index, known failures. */
class ContractSuiteSelfTest {
  private static final Path CASES = Path.of("src", "test", "resources", "contract", "cases");

  @Test
  void everyCaseFileIsIndexedAndEveryIndexedCaseExists() throws IOException {
    Set<String> files;
    try (Stream<Path> s = Files.list(CASES)) {
      files = s.map(p -> p.getFileName().toString())
          .map(n -> n.substring(0, n.length() - ".txt".length())).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> indexed = ContractCase.loadAll().stream().map(ContractCase::name)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(indexed).isEqualTo(files);
    assertThat(ContractCase.loadAll()).as("no name twice").hasSize(files.size());
  }

  @Test
  void everyContextIsKnownAndEveryCaseHasARequestLine() {
    for (ContractCase c : ContractCase.loadAll()) {
      assertThat(ContractContexts.named(c.context())).as(c.name()).isNotNull();
      assertThat(c.target()).as(c.name()).startsWith("/");
      assertThat(c.expectedHeaders()).as(c.name()).containsKeys("content-type", "cache-control",
          "x-maprule-ruleset");
    }
  }

  @Test
  void parsesTheDocumentedFormat() {
    ContractCase c = ContractCase.parse("sample", String.join("\n",
        "# a comment", "# another", "context example", "GET /calc?prefix=2001%3Adb8%3A%3A%2F56",
        "X-Test-Client:  2001:db8::1 ", "if-none-match: \"a\", W/\"b\"", "", "200",
        "Content-Type: application/json", "!ETag", "", "{\"a\":1}", "second line", ""));
    assertThat(c.context()).isEqualTo("example");
    assertThat(c.method()).isEqualTo("GET");
    HttpRequest r = c.request();
    assertThat(r.path()).isEqualTo("/calc");
    assertThat(r.queryFirst("prefix")).isEqualTo("2001:db8::/56");
    assertThat(r.headers().first("x-test-client")).isEqualTo("2001:db8::1");
    assertThat(r.headers().first("if-none-match")).isEqualTo("\"a\", W/\"b\"");
    assertThat(r.peerAddress()).isNull();
    assertThat(c.status()).isEqualTo(200);
    assertThat(c.expectedHeaders()).containsExactly(Map.entry("content-type", "application/json"));
    assertThat(c.absentHeaders()).containsExactly("etag");
    assertThat(c.body()).isEqualTo("{\"a\":1}\nsecond line");

    ContractCase head = ContractCase.parse("h", "context x\nHEAD /\n\n304\netag: \"d\"\n");
    assertThat(head.body()).isEmpty();
    assertThat(head.expectedHeaders()).containsEntry("etag", "\"d\"");
    ContractCase crlf = ContractCase.parse("c", "context x\r\nGET /\r\n\r\n200\r\n\r\n{}\r\n");
    assertThat(crlf.body()).isEqualTo("{}");
  }

  @Test
  void malformedCaseFilesNameTheFileAndLine() {
    assertThatThrownBy(() -> ContractCase.parse("bad", "GET /\n\n200\n"))
        .hasMessageContaining("bad").hasMessageContaining("context");
    assertThatThrownBy(() -> ContractCase.parse("bad", "context x\nGET /\nno-colon\n\n200\n"))
        .hasMessageContaining("name: value");
    assertThatThrownBy(() -> ContractCase.parse("bad", "context x\nGET /\n\nOK\n"))
        .hasMessageContaining("status");
    assertThatThrownBy(() -> ContractCase.parse("bad", "context x\nGET /\n"))
        .hasMessageContaining("end of file");
  }

  // ---- known failures, run by hand on a transport that breaks one case ----

  /** A runner on the core router, except that a 200 from /health has a wrong body. */
  private static ContractRunner breaking(Set<String> known) {
    return new ContractRunner((config, rules, format) -> {
      MapruleService s = MapruleService.load(config, rules, format);
      return new ContractSuite.Transport() {
        @Override
        public HttpResponse exchange(HttpRequest r) {
          HttpResponse a = s.handle(new HttpRequest(r.method(), r.path(), r.query(), r.headers(),
              r.body(), "127.0.0.1"));
          if (r.path().equals("/health") && r.method().equals("GET") && a.status() == 200) {
            return new HttpResponse(a.status(), a.headers(), "{}".getBytes(StandardCharsets.UTF_8));
          }
          return a;
        }

        @Override
        public void close() {}
      };
    }, known);
  }

  private static Map<String, Throwable> runAll(ContractRunner runner) throws Exception {
    Map<String, Throwable> out = new LinkedHashMap<>();
    List<DynamicNode> nodes = runner.tests().collect(Collectors.toList());
    for (DynamicNode n : nodes) {
      ((DynamicContainer) n).getChildren().forEach(child -> {
        DynamicTest t = (DynamicTest) child;
        out.put(t.getDisplayName(), catchThrowable(() -> t.getExecutable().execute()));
      });
    }
    runner.close();
    return out;
  }

  @Test
  void aBrokenCaseFailsAndOnlyThatOne() throws Exception {
    Map<String, Throwable> r = runAll(breaking(Set.of()));
    assertThat(r.get("health")).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("body: differs at byte 1");
    r.remove("health");
    assertThat(r.values()).allMatch(t -> t == null);
  }

  @Test
  void aKnownFailureIsReportedAsAbortedWhileItFails() throws Exception {
    Map<String, Throwable> r = runAll(breaking(Set.of("health")));
    assertThat(r.get("health")).isInstanceOf(TestAbortedException.class);
  }

  @Test
  void aKnownFailureThatPassesFails() throws Exception {
    Map<String, Throwable> r = runAll(breaking(Set.of("health", "rules")));
    assertThat(r.get("rules")).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("passes now");
  }

  @Test
  void knownFailuresMustNameExistingCases() {
    assertThatThrownBy(() -> breaking(Set.of("no-such-case")).tests())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-case");
  }
}
