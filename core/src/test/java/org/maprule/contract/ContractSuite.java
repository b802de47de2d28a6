package org.maprule.contract;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.ServiceConfig;

/**
 * The HTTP contract every transport must meet byte for byte (docs/design.md §2): golden request →
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
  private ContractRunner runner;

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
    runner = new ContractRunner(this::start, knownFailures());
    return runner.tests();
  }

  /**
   * Closes every transport this suite started.
   *
   * @throws Exception the first failure to close one
   */
  @AfterAll
  public final void closeTransports() throws Exception {
    if (runner != null) {
      runner.close();
      runner = null;
    }
  }
}
