package org.maprule.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.maprule.aws.runtime.FakeRuntimeApi;
import org.maprule.aws.runtime.FunctionUrlFrontEnd;
import org.maprule.aws.runtime.LambdaRuntimeProcess;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;

/**
 * The function's life under the real runtime interface client: SnapStart priming before the
 * checkpoint, configuration errors reported as init errors, and Spring Cloud Function's own
 * handler finding the application through the jar manifest.
 */
class LambdaLifecycleIT {

  static HttpResponse get(LambdaRuntimeProcess p, String target) {
    return FunctionUrlFrontEnd.toHttp(p.invoke(HttpEventCodec.functionUrlEvent(
        HttpRequest.get(target, Headers.of("accept", "*/*"), "2001:db8:12:3400::1")),
        Duration.ofSeconds(90)));
  }

  /**
   * With {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} the runtime client runs the CRaC
   * {@code beforeCheckpoint} hooks after init, then asks {@code /restore/next}, then serves. The
   * priming line must be in the log before any invocation was asked for, with the CE requests
   * answered 200.
   */
  @Test
  void snapStartPrimesTheWholeHandlerBeforeTheCheckpoint() throws Exception {
    try (LambdaRuntimeProcess p = LambdaRuntimeProcess.start(new LambdaRuntimeProcess.Options()
        .env("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")
        .addJvmOptions("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac"))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (p.api().requests().stream().noneMatch(s -> s.path().endsWith("/restore/next"))) {
        assertThat(p.process().isAlive()).as("runtime died:\n%s", p.log()).isTrue();
        assertThat(System.nanoTime()).as("no /restore/next:\n%s", p.log()).isLessThan(deadline);
        Thread.sleep(50);
      }
      List<FakeRuntimeApi.Seen> seen = p.api().requests();
      int restore = 0;
      while (!seen.get(restore).path().endsWith("/restore/next")) {
        restore++;
      }
      // the checkpoint (priming included) happens before the runtime asks for any invocation
      assertThat(seen.subList(0, restore)).noneMatch(s -> s.path().endsWith("/invocation/next"));
      String primed = p.log().lines().filter(l -> l.startsWith(SnapStartPriming.MARKER))
          .findFirst().orElseThrow(() -> new AssertionError("no priming line in\n" + p.log()));
      // the example's first rule is in its RFC 7597-layout domain, which OCN refuses (409)
      assertThat(primed).contains("GET /health -> 200", "GET /rules -> 200",
          "GET /hb46pp -> 200", "GET / -> 409", "GET /calc -> 200");

      assertThat(get(p, "/health").status()).isEqualTo(200);
      String log = p.log();
      assertThat(log).contains(SnapStartPriming.RESTORE_MARKER);
      assertThat(log.indexOf(SnapStartPriming.MARKER)).isLessThan(log.indexOf(SnapStartPriming.RESTORE_MARKER));
    }
  }

  /** Without SnapStart nothing is primed: the hook only runs at a checkpoint. */
  @Test
  void onDemandInitDoesNotPrime() throws Exception {
    try (LambdaRuntimeProcess p = LambdaRuntimeProcess.start(new LambdaRuntimeProcess.Options())) {
      assertThat(get(p, "/health").status()).isEqualTo(200);
      assertThat(p.log()).doesNotContain(SnapStartPriming.MARKER);
      assertThat(p.api().requests()).noneMatch(s -> s.path().contains("/restore/"));
    }
  }

  @Test
  void anUnknownRulesFormatIsAnInitError() throws Exception {
    assertInitError("MAPRULE_RULES_FORMAT", "yaml", "MAPRULE_RULES_FORMAT");
  }

  @Test
  void aMissingRulesFileIsAnInitError() throws Exception {
    assertInitError("MAPRULE_RULES", "/nonexistent/rules.json", "MAPRULE_RULES");
  }

  static void assertInitError(String variable, String value, String expected) throws Exception {
    try (LambdaRuntimeProcess p = LambdaRuntimeProcess.start(
        new LambdaRuntimeProcess.Options().env(variable, value))) {
      String error = p.api().initError().get(90, TimeUnit.SECONDS);
      assertThat(error).startsWith("init/error").contains(expected).contains(value);
      assertThat(p.api().requests()).noneMatch(s -> s.path().endsWith("/invocation/next"));
    }
  }

  /**
   * Spring Cloud Function's own {@code FunctionInvoker} handler finds our functional application
   * through the manifest's {@code Start-Class} even though the runtime client's jar, earlier on
   * the class loader's path, names {@code AWSLambda} as its {@code Main-Class}.
   */
  @Test
  void scfOwnHandlerFindsTheApplicationThroughTheManifest() throws Exception {
    try (LambdaRuntimeProcess p = LambdaRuntimeProcess.start(new LambdaRuntimeProcess.Options()
        .handler(LambdaRuntimeProcess.SCF_HANDLER))) {
      HttpResponse r = get(p, "/health");
      assertThat(r.status()).isEqualTo(200);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"cloud\":\"aws\"");
    }
  }
}
