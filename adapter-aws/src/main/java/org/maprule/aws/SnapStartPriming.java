package org.maprule.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crac.Core;
import org.crac.Resource;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.ServiceConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SnapStart priming (docs/domain.md §9): before Lambda snapshots the initialised execution
 * environment, canned CE requests run through the whole handler — event decoding, Spring Cloud
 * Function's invoker, core's router, calculation and JSON codec, response encoding — so the
 * snapshot holds loaded, linked and partly compiled code instead of a cold path.
 *
 * <p>The requests, all GET Function URL events: {@code /health}, {@code /rules}, then, on an
 * address inside the first rule of the served rule set (read back from the {@code /rules}
 * answer; {@code 2001:db8::/56} when the set is not servable), {@code /hb46pp} from that
 * address, the OCN {@code /} query and {@code /calc}. A rule set that answers 503 is primed on
 * its 503 path. One line starting with {@value #MARKER} is written to standard output with the
 * status of each request.
 *
 * <p>If the handler throws while priming, {@link #beforeCheckpoint} throws and the runtime fails
 * the version's init: the same failure would otherwise reach every CE after restore.
 */
public final class SnapStartPriming implements Resource {
  /** Start of the log line written after priming. */
  public static final String MARKER = "maprule-aws: SnapStart priming";
  /** Start of the log line written after a restore. */
  public static final String RESTORE_MARKER = "maprule-aws: restored from snapshot";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FALLBACK_ADDRESS = "2001:db8::";
  private static final int FALLBACK_LENGTH = 56;

  private final RequestStreamHandler handler;
  private final ServiceConfig config;
  private volatile String lastSummary;

  private SnapStartPriming(RequestStreamHandler handler, ServiceConfig config) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Creates the priming resource for {@code handler} and registers it with
   * {@code org.crac.Core.getGlobalContext()} (which holds it weakly: keep the returned object).
   *
   * @param handler the Lambda handler to prime
   * @param config this function's service configuration (for an accepted OCN code)
   * @return the registered resource
   */
  public static SnapStartPriming register(RequestStreamHandler handler, ServiceConfig config) {
    SnapStartPriming priming = new SnapStartPriming(handler, config);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /**
   * Runs the canned requests through the handler and logs one {@value #MARKER} line.
   *
   * @param context the CRaC context
   * @throws Exception when the handler throws on a canned request
   */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
    System.out.println(prime());
  }

  /**
   * Logs one {@value #RESTORE_MARKER} line; nothing else needs to be redone (the rule set and the
   * Spring context are immutable, and nothing holds a connection).
   *
   * @param context the CRaC context
   */
  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    System.out.println(RESTORE_MARKER);
  }

  /**
   * Runs the canned requests now.
   *
   * @return the log line: {@value #MARKER}, then {@code METHOD target -> status} per request and
   *     the elapsed milliseconds
   * @throws UncheckedIOException when the handler fails to write its answer
   */
  public String prime() {
    long start = System.nanoTime();
    List<String> results = new ArrayList<>();
    send("/health", null, results);
    JsonNode rules = send("/rules", null, results);
    String address = FALLBACK_ADDRESS;
    int length = FALLBACK_LENGTH;
    JsonNode rule = rules == null ? null : rules.path("domains").path(0).path("rules").path(0);
    if (rule != null && rule.path("ipv6Prefix").isString()) {
      String prefix = rule.path("ipv6Prefix").asString();
      int slash = prefix.indexOf('/');
      if (slash > 0) {
        address = prefix.substring(0, slash);
        int n = Integer.parseInt(prefix.substring(slash + 1));
        length = Math.min(128, Math.max(n + rule.path("eaBitLength").asInt(0), FALLBACK_LENGTH));
      }
    }
    String code = config.ocnCodes().stream().sorted().findFirst().orElse("maprule");
    send("/hb46pp?vendorid=acde48-maprule&product=snapstart&version=1_0&capability=map_e",
        address, results);
    send("/?ipv6Prefix=" + address + "&ipv6PrefixLength=" + length + "&code=" + code, address,
        results);
    send("/calc?prefix=" + address + "/" + length, address, results);
    long ms = (System.nanoTime() - start) / 1_000_000;
    lastSummary = MARKER + ": " + String.join(", ", results) + " in " + ms + " ms";
    return lastSummary;
  }

  /** The line of the last {@link #prime()}, or null before the first. */
  public String lastSummary() {
    return lastSummary;
  }

  /** Sends one GET through the handler; returns the body as JSON when the answer is 200 JSON. */
  private JsonNode send(String target, String sourceIp, List<String> results) {
    HttpRequest request = HttpRequest.get(target, Headers.of("user-agent", "maprule-snapstart-priming"),
        sourceIp == null ? "2001:db8::1" : sourceIp);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(HttpEventCodec.functionUrlEvent(request)), out,
          new PrimingContext());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode response;
    try {
      response = JSON.readTree(out.toByteArray());
    } catch (JacksonException e) {
      throw new IllegalStateException("priming " + target + ": the handler's answer is not JSON", e);
    }
    int status = response.path("statusCode").asInt(0);
    results.add("GET " + request.path() + " -> " + status);
    if (status != 200 || response.path("isBase64Encoded").asBoolean(false)) {
      return null;
    }
    try {
      return JSON.readTree(response.path("body").asString("").getBytes(StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The Lambda context seen by primed invocations. */
  private static final class PrimingContext implements Context {
    @Override
    public String getAwsRequestId() {
      return "snapstart-priming";
    }

    @Override
    public String getLogGroupName() {
      return null;
    }

    @Override
    public String getLogStreamName() {
      return null;
    }

    @Override
    public String getFunctionName() {
      return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    }

    @Override
    public String getFunctionVersion() {
      return System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
    }

    @Override
    public String getInvokedFunctionArn() {
      return null;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 60_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 0;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.print(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
