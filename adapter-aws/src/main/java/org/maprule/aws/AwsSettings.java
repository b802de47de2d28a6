package org.maprule.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.maprule.MapruleException;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.ServiceConfig;

/**
 * The Lambda function's configuration, read from its environment variables (docs/aws.md). These
 * are deployment settings, not rule content: a value that cannot be understood fails the
 * function's init (the runtime reports it on {@code /init/error}), whereas a rule set that reads
 * but does not validate is served as 503 by core.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code MAPRULE_RULES}</td><td>{@code builtin:example}, {@code classpath:NAME} (a
 *       resource bundled in the jar) or a file path (relative to the working directory, which is
 *       {@code /var/task} on Lambda)</td><td>{@code builtin:example}</td></tr>
 *   <tr><td>{@code MAPRULE_RULES_FORMAT}</td><td>{@code native}, {@code ocn} or {@code hb46pp}</td>
 *       <td>{@code native}</td></tr>
 *   <tr><td>{@code MAPRULE_CLIENT_ADDRESS_HEADER}</td><td>the CDN header carrying the CE's address
 *       (for example {@code cloudfront-viewer-address})</td><td>none: {@code sourceIp}</td></tr>
 *   <tr><td>{@code MAPRULE_ORIGIN_VERIFY_HEADER}</td><td>the header carrying the origin-verify
 *       secret</td><td>{@code x-origin-verify}</td></tr>
 *   <tr><td>{@code MAPRULE_ORIGIN_VERIFY_SECRET}</td><td>the secret the CDN adds</td><td>none</td></tr>
 *   <tr><td>{@code MAPRULE_OCN_CODES}</td><td>comma list of accepted OCN codes / JPNE keys</td>
 *       <td>empty: any code</td></tr>
 *   <tr><td>{@code MAPRULE_CLOUD}</td><td>the cloud name on {@code /health}</td><td>{@code aws}</td></tr>
 *   <tr><td>{@code MAPRULE_SHARED_MAX_AGE}</td><td>{@code max-age} of shared answers, seconds
 *       (0..31536000)</td><td>{@value ServiceConfig#DEFAULT_SHARED_MAX_AGE}</td></tr>
 * </table>
 *
 * @param rulesSource where the rule-set document comes from, as {@code MAPRULE_RULES} gives it
 * @param format the document's format
 * @param config the service configuration built from the variables
 */
public record AwsSettings(String rulesSource, RuleSetFormat format, ServiceConfig config) {

  /** The {@code MAPRULE_RULES} value naming core's built-in example rule set. */
  public static final String BUILTIN_EXAMPLE = "builtin:example";
  /** Prefix of a {@code MAPRULE_RULES} value naming a resource in the deployed jar. */
  public static final String CLASSPATH_PREFIX = "classpath:";
  /** Cloud name reported on {@code /health} unless {@code MAPRULE_CLOUD} says otherwise. */
  public static final String DEFAULT_CLOUD = "aws";

  private static final int MAX_SHARED_MAX_AGE = 31_536_000;

  /** Checks non-null fields. */
  public AwsSettings {
    Objects.requireNonNull(rulesSource, "rulesSource");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(config, "config");
  }

  /**
   * Reads the settings from environment variables (blank values count as absent).
   *
   * @param env the environment, usually {@link System#getenv()}
   * @return the settings
   * @throws IllegalArgumentException naming the variable and its value when a value is not
   *     understood (an unknown format, a max-age that is not a number in range)
   */
  public static AwsSettings fromEnvironment(Map<String, String> env) {
    String rules = value(env, "MAPRULE_RULES", BUILTIN_EXAMPLE);
    String formatName = value(env, "MAPRULE_RULES_FORMAT", "native");
    RuleSetFormat format;
    try {
      format = RuleSetFormat.fromName(formatName);
    } catch (MapruleException e) {
      throw new IllegalArgumentException(
          "MAPRULE_RULES_FORMAT must be native, ocn or hb46pp, not '" + formatName + "'", e);
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String code : value(env, "MAPRULE_OCN_CODES", "").split(",")) {
      if (!code.isBlank()) {
        codes.add(code.strip());
      }
    }
    String maxAgeText = value(env, "MAPRULE_SHARED_MAX_AGE",
        Integer.toString(ServiceConfig.DEFAULT_SHARED_MAX_AGE));
    int maxAge;
    try {
      maxAge = Integer.parseInt(maxAgeText);
    } catch (NumberFormatException e) {
      maxAge = -1;
    }
    if (maxAge < 0 || maxAge > MAX_SHARED_MAX_AGE) {
      throw new IllegalArgumentException("MAPRULE_SHARED_MAX_AGE must be seconds in 0.."
          + MAX_SHARED_MAX_AGE + ", not '" + maxAgeText + "'");
    }
    String clientHeader = value(env, "MAPRULE_CLIENT_ADDRESS_HEADER", null);
    String verifyHeader = value(env, "MAPRULE_ORIGIN_VERIFY_HEADER",
        ServiceConfig.DEFAULT_ORIGIN_VERIFY_HEADER);
    String secret = value(env, "MAPRULE_ORIGIN_VERIFY_SECRET", null);
    ServiceConfig config = new ServiceConfig(codes, null, ServiceConfig.DEFAULT_ORIGIN_VERIFY_HEADER,
        null, value(env, "MAPRULE_CLOUD", DEFAULT_CLOUD), maxAge)
        .withClientAddressHeader(clientHeader)
        .withOriginVerify(verifyHeader, secret);
    return new AwsSettings(rules, format, config);
  }

  /**
   * The rule-set document named by {@link #rulesSource}.
   *
   * @param loader the class loader holding the jar's resources
   * @return the document's bytes (not yet parsed or validated: core does that)
   * @throws IllegalArgumentException when the resource or file does not exist or cannot be read,
   *     naming {@code MAPRULE_RULES} and the value
   */
  public byte[] readRules(ClassLoader loader) {
    if (rulesSource.equals(BUILTIN_EXAMPLE)) {
      return RuleSetLoader.exampleBytes();
    }
    try {
      if (rulesSource.startsWith(CLASSPATH_PREFIX)) {
        String name = rulesSource.substring(CLASSPATH_PREFIX.length());
        name = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = loader.getResourceAsStream(name)) {
          if (in == null) {
            throw new IllegalArgumentException(
                "MAPRULE_RULES names a resource that is not in the jar: '" + rulesSource + "'");
          }
          return in.readAllBytes();
        }
      }
      return Files.readAllBytes(Path.of(rulesSource));
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException(
          "MAPRULE_RULES cannot be read: '" + rulesSource + "' (" + e + ")", e);
    }
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }
}
