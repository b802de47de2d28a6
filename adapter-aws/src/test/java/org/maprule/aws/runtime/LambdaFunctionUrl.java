package org.maprule.aws.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maprule.aws.HttpEventCodec;
import org.maprule.config.RulesSource;
import org.maprule.config.ServiceSettings;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.ServiceConfig;

/**
 * The AWS path end to end, as the runtime-client ITs drive it: a neutral request becomes a
 * Function URL event (payload 2.0), goes through a {@link FakeRuntimeApi} to the real runtime
 * interface client running the shaded jar's {@code MapruleHandler} in a child JVM (the jar
 * unpacked in the task root, configured only by {@code MAPRULE_*} variables:
 * {@link ServiceSettings#environment()}), and the posted response document is turned back into
 * HTTP as the Function URL front end does ({@link FunctionUrlFrontEnd}).
 *
 * <p>Child JVMs are shared by every test class of the test JVM: {@link #serving} starts one per
 * distinct environment (the rules are written to a file named by their SHA-256, so the same
 * configuration and document give the same environment) and reuses it; all are stopped when the
 * test JVM exits.
 */
public final class LambdaFunctionUrl {
  /** The address the Function URL reports as the TCP peer when the request names none. */
  public static final String SOURCE_IP = "127.0.0.1";

  private static final Map<Map<String, String>, LambdaFunctionUrl> RUNNING = new LinkedHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(LambdaFunctionUrl::stopAll, "lambda-stop"));
  }

  private final LambdaRuntimeProcess runtime;
  private final Map<String, String> environment;

  private LambdaFunctionUrl(LambdaRuntimeProcess runtime, Map<String, String> environment) {
    this.runtime = runtime;
    this.environment = Map.copyOf(environment);
  }

  /**
   * The function serving this configuration and document, started on first use (init happens
   * during the first {@link #exchange}).
   *
   * @param config the service configuration
   * @param rules the rule-set document
   * @param format its format
   * @return the running function, shared
   * @throws IOException when the rules file cannot be written or the JVM not started
   */
  public static synchronized LambdaFunctionUrl serving(ServiceConfig config, byte[] rules,
      RuleSetFormat format) throws IOException {
    Path dir = Path.of(System.getProperty("maprule.aws.work", "target/aws-runtime"), "rules");
    Files.createDirectories(dir);
    Path file = dir.resolve(sha256(rules) + ".json").toAbsolutePath();
    if (!Files.exists(file)) {
      Files.write(file, rules);
    }
    Map<String, String> env = new ServiceSettings(RulesSource.parse(file.toString(), Path.of("")),
        format, config).environment();
    LambdaFunctionUrl running = RUNNING.get(env);
    if (running == null || !running.runtime.process().isAlive()) {
      if (running != null) {
        running.runtime.close();
      }
      running = new LambdaFunctionUrl(
          LambdaRuntimeProcess.start(new LambdaRuntimeProcess.Options().env(env)), env);
      RUNNING.put(env, running);
    }
    return running;
  }

  /**
   * One request through the Function URL, the runtime client and the handler.
   *
   * @param request the request; a null {@code peerAddress} becomes {@value #SOURCE_IP}
   * @return what the client receives (headers the Function URL adds itself are not modelled)
   * @throws IllegalStateException when the runtime does not answer within 90 s (init included)
   */
  public HttpResponse exchange(HttpRequest request) {
    HttpRequest r = request.peerAddress() != null ? request
        : new HttpRequest(request.method(), request.path(), request.query(), request.headers(),
            request.body(), SOURCE_IP);
    return FunctionUrlFrontEnd.toHttp(
        runtime.invoke(HttpEventCodec.functionUrlEvent(r), Duration.ofSeconds(90)));
  }

  /** The {@code MAPRULE_*} variables the function runs with (the rules as an absolute path). */
  public Map<String, String> environment() {
    return environment;
  }

  /** The child JVM's log so far. */
  public String log() {
    return runtime.log();
  }

  private static synchronized void stopAll() {
    RUNNING.values().forEach(f -> f.runtime.close());
    RUNNING.clear();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
