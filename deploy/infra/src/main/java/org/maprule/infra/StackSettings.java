package org.maprule.infra;

import com.pulumi.core.Output;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.config.ServiceSettings;
import org.maprule.http.ServiceConfig;

/**
 * Everything the stack needs to know, read once from the Pulumi stack configuration (namespace
 * {@code maprule}, for example {@code pulumi config set maprule:lambdaMemoryMb 1024}) and checked
 * before any resource is declared. {@code docs/infrastructure.md} lists every key with its
 * default and the reason for it.
 *
 * @param name base name of the AWS resources and of the Azure resource group, {@code [a-z0-9-]},
 *     3..40 characters (key {@code name}, default {@code maprule-<stack>})
 * @param app the {@code MAPRULE_*} settings both clouds get, as core's own reader
 *     ({@link ServiceSettings#read}) reads the values the stack writes: keys {@code rules}
 *     ({@code MAPRULE_RULES}), {@code rulesFormat}, {@code ocnCodes}, {@code jpneKeys},
 *     {@code sharedMaxAge} and {@code originVerifyHeader}, the client-address header fixed to
 *     CloudFront's {@code cloudfront-viewer-address}; without the secret (it is known only at
 *     deployment) and with the cloud name {@code aws} ({@link AppSettings#forCloud} sets each
 *     cloud's own)
 * @param originVerifySecret the secret itself (key {@code originVerifySecret}, set with
 *     {@code --secret}); at least 32 characters, checked when the value is known
 * @param awsJar the shaded AWS adapter jar deployed as the Lambda code
 * @param lambdaMemoryMb Lambda memory, MB, 128..10240
 * @param lambdaTimeoutSeconds Lambda timeout, seconds, 1..60 (CloudFront waits at most
 *     {@link #originReadTimeoutSeconds})
 * @param lambdaArchitecture {@code x86_64} or {@code arm64}
 * @param lambdaUrlAuth who may call the Function URL
 * @param logRetentionDays retention of the Lambda log group and the Log Analytics workspace, days
 * @param azureLocation Azure region of every Azure resource (for example {@code japaneast})
 * @param azureFunctionAppName globally unique function app name ({@code <app>.azurewebsites.net})
 * @param azureStorageAccount globally unique storage account name, {@code [a-z0-9]{3,24}}
 * @param azureKeyVault globally unique Key Vault name, 3..24 characters, no {@code --}
 * @param azureAlwaysReady always-ready instances of the {@code http} group, 0..1000
 * @param azureInstanceMemoryMb Flex Consumption instance memory: 512, 2048 or 4096
 * @param azureMaximumInstances on-demand instance ceiling, 40..1000
 * @param priceClass CloudFront price class
 * @param viewerProtocolPolicy {@code redirect-to-https}, {@code https-only} or {@code allow-all}
 * @param maxTtlSeconds the longest CloudFront keeps an answer whatever its {@code max-age} says
 * @param originReadTimeoutSeconds how long CloudFront waits for an origin's answer before it
 *     fails over, seconds, 1..60
 */
public record StackSettings(
    String name,
    ServiceSettings app,
    Output<String> originVerifySecret,
    Path awsJar,
    int lambdaMemoryMb,
    int lambdaTimeoutSeconds,
    String lambdaArchitecture,
    LambdaUrlAuth lambdaUrlAuth,
    int logRetentionDays,
    String azureLocation,
    String azureFunctionAppName,
    String azureStorageAccount,
    String azureKeyVault,
    int azureAlwaysReady,
    int azureInstanceMemoryMb,
    int azureMaximumInstances,
    String priceClass,
    String viewerProtocolPolicy,
    int maxTtlSeconds,
    int originReadTimeoutSeconds) {

  /** Shortest origin-verify secret accepted, characters. */
  public static final int MIN_SECRET_LENGTH = 32;

  /** Where the AWS adapter's shaded jar is looked for when {@code awsJar} is not set. */
  public static final String DEFAULT_AWS_JAR_DIR = "../../adapter-aws/target";

  /** Who may call the Lambda Function URL. */
  public enum LambdaUrlAuth {
    /**
     * {@code AWS_IAM} with a CloudFront origin access control: only this distribution can invoke
     * the function (the default).
     */
    CLOUDFRONT_OAC,
    /** {@code NONE}: anyone can call the URL; see docs/infrastructure.md before choosing it. */
    NONE
  }

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,39}");
  private static final Pattern HEADER = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern STORAGE = Pattern.compile("[a-z0-9]{3,24}");
  private static final Pattern VAULT =
      Pattern.compile("[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]");
  private static final Pattern APP = Pattern.compile("[a-z0-9][a-z0-9-]{0,58}[a-z0-9]");
  private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");
  private static final Set<Integer> INSTANCE_MEMORY = Set.of(512, 2048, 4096);
  private static final Set<String> PRICE_CLASSES =
      Set.of("PriceClass_All", "PriceClass_200", "PriceClass_100");
  private static final Set<String> VIEWER_POLICIES =
      Set.of("redirect-to-https", "https-only", "allow-all");

  /** Reads one configuration key (without the {@code maprule:} namespace). */
  @FunctionalInterface
  public interface Lookup {
    /**
     * The value of a key.
     *
     * @param key the key without namespace, for example {@code lambdaMemoryMb}
     * @return the value, empty when the key is not set
     */
    Optional<String> get(String key);
  }

  /**
   * Checks that the references are present; the values are checked by {@link #load}.
   *
   * @throws NullPointerException when the app settings, the secret, the jar path or the URL
   *     auth is null
   */
  public StackSettings {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(originVerifySecret, "originVerifySecret");
    Objects.requireNonNull(awsJar, "awsJar");
    Objects.requireNonNull(lambdaUrlAuth, "lambdaUrlAuth");
  }

  /**
   * Reads and checks every key.
   *
   * @param project the Pulumi project name (part of the derived Azure names)
   * @param stack the Pulumi stack name, for example {@code prod}
   * @param config the stack configuration of namespace {@code maprule}
   * @param secret the value of {@code maprule:originVerifySecret} (a secret output)
   * @param workDir the directory the program runs in ({@code deploy/infra}); relative paths
   *     resolve against it
   * @return the checked settings
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} naming the key ({@code maprule:…})
   *     and the value when a value is malformed or out of range — for the app settings, whatever
   *     core's {@link ServiceSettings#read} refuses (so that the adapters never fail at init on a
   *     value the stack wrote), with core's message; {@link ErrorCode#MISSING_FIELD} when
   *     {@code awsJar} is unset and no single adapter jar is found
   */
  public static StackSettings load(
      String project, String stack, Lookup config, Output<String> secret, Path workDir) {
    Reader r = new Reader(config);
    String name = r.matching("name", defaultName(stack), NAME);
    String hash = shortHash(project + "/" + stack);
    String compact = name.replace("-", "");
    r.matching("originVerifyHeader", ServiceConfig.DEFAULT_ORIGIN_VERIFY_HEADER, HEADER);
    StackSettings s = new StackSettings(
        name,
        AppSettings.read(r::raw),
        secret.applyValue(StackSettings::checkSecret),
        r.path("awsJar", workDir),
        r.integer("lambdaMemoryMb", 1024, 128, 10_240),
        r.integer("lambdaTimeoutSeconds", 5, 1, 60),
        r.oneOf("lambdaArchitecture", "x86_64", ARCHITECTURES),
        r.urlAuth(),
        r.integer("logRetentionDays", 30, 1, 3653),
        r.text("azureLocation", "japaneast"),
        r.matching("azureFunctionAppName", name + "-" + hash, APP),
        r.matching("azureStorageAccount", truncate(compact, 18) + hash, STORAGE),
        r.matching("azureKeyVault", truncate(name, 17).replaceAll("-+$", "") + "-" + hash, VAULT),
        r.integer("azureAlwaysReady", 2, 0, 1000),
        r.oneOfInt("azureInstanceMemoryMb", 2048, INSTANCE_MEMORY),
        r.integer("azureMaximumInstances", 100, 40, 1000),
        r.oneOf("priceClass", "PriceClass_200", PRICE_CLASSES),
        r.oneOf("viewerProtocolPolicy", "redirect-to-https", VIEWER_POLICIES),
        r.integer("maxTtlSeconds", 86_400, 0, 31_536_000),
        r.integer("originReadTimeoutSeconds", 10, 1, 60));
    if (s.lambdaTimeoutSeconds() >= s.originReadTimeoutSeconds()) {
      throw invalid("lambdaTimeoutSeconds", Integer.toString(s.lambdaTimeoutSeconds()),
          "must be shorter than maprule:originReadTimeoutSeconds ("
              + s.originReadTimeoutSeconds() + "), so that a stuck invocation ends as a Lambda "
              + "error CloudFront fails over on, not as a CloudFront timeout");
    }
    return s;
  }

  /**
   * The header in which CloudFront sends the origin-verify secret and both origins look for it
   * ({@code MAPRULE_ORIGIN_VERIFY_HEADER}, key {@code originVerifyHeader}).
   *
   * @return the header name, lower case
   */
  public String originVerifyHeader() {
    return app.config().originVerifyHeader();
  }

  /** {@code maprule-<stack>} reduced to the characters {@link #name} allows. */
  static String defaultName(String stack) {
    String cleaned = stack.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return truncate("maprule-" + cleaned, 40).replaceAll("-+$", "");
  }

  /** Six hex digits of SHA-256, to make the derived global Azure names unlikely to collide. */
  static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String checkSecret(String value) {
    if (value == null || value.strip().length() < MIN_SECRET_LENGTH) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, "maprule:originVerifySecret", null,
          "maprule:originVerifySecret must be at least " + MIN_SECRET_LENGTH
              + " characters (for example: openssl rand -hex 32)");
    }
    if (!value.matches("[\\x21-\\x7e]+")) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, "maprule:originVerifySecret", null,
          "maprule:originVerifySecret must be visible ASCII without spaces: it travels as an "
              + "HTTP header value");
    }
    return value;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static MapruleException invalid(String key, String value, String why) {
    return new MapruleException(ErrorCode.INVALID_VALUE, "maprule:" + key, value,
        "maprule:" + key + " '" + value + "' " + why);
  }

  /** Typed reads with the key named in every error. */
  private record Reader(Lookup config) {

    Optional<String> raw(String key) {
      return config.get(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    String text(String key, String fallback) {
      return raw(key).orElse(fallback);
    }

    String matching(String key, String fallback, Pattern pattern) {
      String value = text(key, fallback);
      if (!pattern.matcher(value).matches()) {
        throw invalid(key, value, "must match " + pattern.pattern());
      }
      return value;
    }

    String oneOf(String key, String fallback, Set<String> allowed) {
      String value = text(key, fallback);
      if (!allowed.contains(value)) {
        throw invalid(key, value, "must be one of " + new java.util.TreeSet<>(allowed));
      }
      return value;
    }

    int integer(String key, int fallback, int min, int max) {
      Optional<String> value = raw(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(value.get());
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw invalid(key, value.get(), "must be an integer in " + min + ".." + max);
    }

    int oneOfInt(String key, int fallback, Set<Integer> allowed) {
      int n = integer(key, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
      if (!allowed.contains(n)) {
        throw invalid(key, Integer.toString(n), "must be one of " + new java.util.TreeSet<>(allowed));
      }
      return n;
    }

    LambdaUrlAuth urlAuth() {
      String value = text("lambdaUrlAuth", "AWS_IAM");
      return switch (value) {
        case "AWS_IAM" -> LambdaUrlAuth.CLOUDFRONT_OAC;
        case "NONE" -> LambdaUrlAuth.NONE;
        default -> throw invalid("lambdaUrlAuth", value, "must be AWS_IAM or NONE");
      };
    }

    Path path(String key, Path workDir) {
      Optional<String> value = raw(key);
      if (value.isPresent()) {
        return workDir.resolve(value.get()).normalize();
      }
      Path dir = workDir.resolve(DEFAULT_AWS_JAR_DIR).normalize();
      List<Path> found = new ArrayList<>();
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> jars =
            Files.newDirectoryStream(dir, "maprule-adapter-aws-*-aws.jar")) {
          jars.forEach(found::add);
        } catch (java.io.IOException e) {
          throw new MapruleException(ErrorCode.MISSING_FIELD, "maprule:" + key, dir.toString(),
              "cannot list " + dir + ": " + e.getMessage());
        }
      }
      if (found.size() != 1) {
        throw new MapruleException(ErrorCode.MISSING_FIELD, "maprule:" + key, dir.toString(),
            "maprule:" + key + " is not set and " + dir + " holds " + found.size()
                + " maprule-adapter-aws-*-aws.jar files, not one: build it first "
                + "(./mvnw -pl adapter-aws -am package) or set maprule:" + key);
      }
      return found.get(0);
    }
  }
}
