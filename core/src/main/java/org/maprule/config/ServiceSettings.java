package org.maprule.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.Headers;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;

/**
 * A cloud deployment's settings, read from its {@code MAPRULE_*} environment variables (Lambda
 * environment variables, Azure app settings; docs/aws.md, docs/azure.md): the same names with the
 * same meanings on every cloud. These are deployment settings, not rule content: a value that
 * cannot be understood is refused here, naming the variable and the value, whereas a rule set that
 * reads but does not validate is core's to serve as 503 ({@link MapruleService#load}).
 *
 * <table>
 *   <caption>Variables (blank values count as absent; values are stripped)</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #RULES}</td><td>{@value RulesSource#BUILTIN_EXAMPLE}, {@code classpath:NAME}
 *       or a file path ({@link RulesSource}); a relative path is resolved against the base the
 *       caller gives</td><td>{@value RulesSource#BUILTIN_EXAMPLE}</td></tr>
 *   <tr><td>{@value #RULES_FORMAT}</td><td>{@code native}, {@code ocn} or {@code hb46pp}, any
 *       case</td><td>{@code native}</td></tr>
 *   <tr><td>{@value #CLIENT_ADDRESS_HEADER}</td><td>the one CDN header carrying the CE's address
 *       (an HTTP field name; compared lower-cased)</td><td>none: the transport's peer</td></tr>
 *   <tr><td>{@value #ORIGIN_VERIFY_HEADER}</td><td>the header carrying the origin-verify secret
 *       (an HTTP field name)</td><td>{@value ServiceConfig#DEFAULT_ORIGIN_VERIFY_HEADER}</td></tr>
 *   <tr><td>{@value #ORIGIN_VERIFY_SECRET}</td><td>the secret; when set, the client-address
 *       header is trusted only on requests carrying it</td><td>none</td></tr>
 *   <tr><td>{@value #OCN_CODES}</td><td>comma list of accepted OCN {@code code} values (items
 *       stripped, empty items dropped)</td><td>empty: any code accepted</td></tr>
 *   <tr><td>{@value #JPNE_KEYS}</td><td>comma list of accepted JPNE keys, the {@code {key}} of
 *       {@code /{key}/get_rules} (items stripped, empty items dropped; a key cannot contain
 *       {@code /})</td><td>empty: any key accepted</td></tr>
 *   <tr><td>{@value #CLOUD}</td><td>the cloud name on {@code /health}</td><td>the caller's
 *       ({@code aws}, {@code azure})</td></tr>
 *   <tr><td>{@value #SHARED_MAX_AGE}</td><td>{@code max-age} of answers that are the same for
 *       every CE, whole seconds in 0..{@value #MAX_SHARED_MAX_AGE}</td>
 *       <td>{@value ServiceConfig#DEFAULT_SHARED_MAX_AGE}</td></tr>
 * </table>
 *
 * <p>Each adapter keeps only what is its own: the default cloud name, the directory a relative
 * {@value #RULES} path resolves against, and what a refused value does to the instance (a Lambda
 * init error; an Azure instance that logs it and fails every invocation).
 *
 * @param rules where the rule-set document comes from
 * @param format the document's format
 * @param config the service configuration
 */
public record ServiceSettings(RulesSource rules, RuleSetFormat format, ServiceConfig config) {
  /** Where the rules come from ({@link RulesSource}). */
  public static final String RULES = "MAPRULE_RULES";
  /** The rules document's format. */
  public static final String RULES_FORMAT = "MAPRULE_RULES_FORMAT";
  /** The CDN header trusted for the CE's address. */
  public static final String CLIENT_ADDRESS_HEADER = "MAPRULE_CLIENT_ADDRESS_HEADER";
  /** The header carrying the origin-verify secret. */
  public static final String ORIGIN_VERIFY_HEADER = "MAPRULE_ORIGIN_VERIFY_HEADER";
  /** The origin-verify secret. */
  public static final String ORIGIN_VERIFY_SECRET = "MAPRULE_ORIGIN_VERIFY_SECRET";
  /** Accepted OCN codes. */
  public static final String OCN_CODES = "MAPRULE_OCN_CODES";
  /** Accepted JPNE keys. */
  public static final String JPNE_KEYS = "MAPRULE_JPNE_KEYS";
  /** The cloud name on {@code /health}. */
  public static final String CLOUD = "MAPRULE_CLOUD";
  /** {@code max-age} of shared answers, seconds. */
  public static final String SHARED_MAX_AGE = "MAPRULE_SHARED_MAX_AGE";
  /** Every variable read here, in the order of the documentation's tables. */
  public static final List<String> VARIABLES = List.of(RULES, RULES_FORMAT, CLIENT_ADDRESS_HEADER,
      ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_SECRET, OCN_CODES, JPNE_KEYS, CLOUD, SHARED_MAX_AGE);
  /** The largest {@value #SHARED_MAX_AGE} accepted: 365 days, in seconds. */
  public static final int MAX_SHARED_MAX_AGE = 31_536_000;


  /** Checks non-null fields. */
  public ServiceSettings {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(config, "config");
  }

  /**
   * Reads the settings.
   *
   * @param env the environment: variable name to value, null when unset (for example
   *     {@code System::getenv}, or {@code map::get} in tests)
   * @param defaultCloud the cloud name when {@value #CLOUD} is absent ({@code aws}, {@code azure})
   * @param rulesBase the directory a relative {@value #RULES} file path is resolved against
   * @return the settings
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE}, field = the variable's name, value =
   *     its value (never the secret, taken as is, nor the JPNE keys, which are not echoed),
   *     message naming both and what is expected: an unknown format, a JPNE key with {@code /}, a header name that is not an HTTP field name, a max-age that
   *     is not whole seconds in 0..{@value #MAX_SHARED_MAX_AGE}, a {@value #RULES} value of the
   *     wrong form ({@link RulesSource#parse}); the first such variable in {@link #VARIABLES}
   *     order is reported
   * @throws NullPointerException when an argument is null
   */
  public static ServiceSettings read(Function<String, String> env, String defaultCloud,
      Path rulesBase) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(defaultCloud, "defaultCloud");
    Objects.requireNonNull(rulesBase, "rulesBase");
    String rulesValue = value(env, RULES);
    RulesSource rules = rulesValue == null ? RulesSource.builtinExample()
        : RulesSource.parse(rulesValue, rulesBase);
    RuleSetFormat format = format(value(env, RULES_FORMAT));
    String clientHeader = fieldName(CLIENT_ADDRESS_HEADER, value(env, CLIENT_ADDRESS_HEADER));
    String verifyHeader = fieldName(ORIGIN_VERIFY_HEADER, value(env, ORIGIN_VERIFY_HEADER));
    String secret = value(env, ORIGIN_VERIFY_SECRET);
    if (secret != null && secret.startsWith("@Microsoft.KeyVault(")) {
      // Azure passes the reference text itself while it cannot resolve it: a guessable secret.
      throw new MapruleException(ErrorCode.INVALID_VALUE, ORIGIN_VERIFY_SECRET, null,
          ORIGIN_VERIFY_SECRET + " is an unresolved Key Vault reference; the platform could not "
              + "read the secret (check the app's identity and the vault's access), value not echoed");
    }
    Set<String> codes = list(value(env, OCN_CODES));
    Set<String> keys = list(value(env, JPNE_KEYS));
    for (String key : keys) {
      if (key.indexOf('/') >= 0) {
        throw new MapruleException(ErrorCode.INVALID_VALUE, JPNE_KEYS, null, JPNE_KEYS
            + " holds a key with '/', which no /{key}/get_rules path can carry (keys not echoed)");
      }
    }
    String cloud = value(env, CLOUD);
    int maxAge = maxAge(value(env, SHARED_MAX_AGE));
    ServiceConfig config = new ServiceConfig(codes, null,
        ServiceConfig.DEFAULT_ORIGIN_VERIFY_HEADER, null, cloud == null ? defaultCloud : cloud,
        maxAge, keys)
        .withClientAddressHeader(clientHeader)
        .withOriginVerify(
            verifyHeader == null ? ServiceConfig.DEFAULT_ORIGIN_VERIFY_HEADER : verifyHeader,
            secret);
    return new ServiceSettings(rules, format, config);
  }

  /**
   * The directory a platform variable names, for {@link #read}'s {@code rulesBase}: the value
   * stripped, or the working directory (the empty path) when the variable is unset or blank.
   *
   * @param env the environment
   * @param variable the variable naming a directory (for example {@code LAMBDA_TASK_ROOT},
   *     {@code AzureWebJobsScriptRoot})
   * @return the directory, not checked for existence
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} naming the variable and its value
   *     when the value is not a path this system can represent
   */
  public static Path directory(Function<String, String> env, String variable) {
    String dir = value(env, variable);
    try {
      return Path.of(dir == null ? "" : dir);
    } catch (InvalidPathException e) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, variable, dir,
          variable + " is not a directory path this system can use: '" + dir + "'");
    }
  }

  /**
   * The rule-set document these settings name ({@link RulesSource#read}).
   *
   * @param loader the class loader holding the deployed jars' resources
   * @return the document's bytes, not yet parsed or validated
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} naming {@value #RULES} and its value
   *     when the resource or file is missing or unreadable
   */
  public byte[] readRules(ClassLoader loader) {
    return rules.read(loader);
  }

  /**
   * The service these settings describe: the rules read ({@link #readRules}), parsed, validated
   * and digested once by {@link MapruleService#load}. A rule set that does not validate still
   * gives a service (answering 503, {@code /health} saying why).
   *
   * @param loader the class loader holding the deployed jars' resources
   * @return the service
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} naming {@value #RULES} when the
   *     document cannot be read
   */
  public MapruleService service(ClassLoader loader) {
    return MapruleService.load(config, readRules(loader), format);
  }

  /**
   * The variables a deployment sets to get exactly these settings: the inverse of {@link #read}
   * ({@code read(environment()::get, anyCloud, base)} equals these settings when the rules value
   * is not a relative path, or the same base is given). Used to configure deployments and test
   * runs from a {@link ServiceConfig}.
   *
   * @return every variable of {@link #VARIABLES} whose value is not absent, in that order
   *     ({@value #CLIENT_ADDRESS_HEADER}, {@value #ORIGIN_VERIFY_SECRET}, {@value #OCN_CODES} and
   *     {@value #JPNE_KEYS} are left out when they have no value; codes and keys sorted)
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(RULES, rules.value());
    env.put(RULES_FORMAT, format.cliName());
    if (config.clientAddressHeader() != null) {
      env.put(CLIENT_ADDRESS_HEADER, config.clientAddressHeader());
    }
    env.put(ORIGIN_VERIFY_HEADER, config.originVerifyHeader());
    if (config.originVerifySecret() != null) {
      env.put(ORIGIN_VERIFY_SECRET, config.originVerifySecret());
    }
    if (!config.ocnCodes().isEmpty()) {
      env.put(OCN_CODES, String.join(",", new TreeSet<>(config.ocnCodes())));
    }
    if (!config.jpneKeys().isEmpty()) {
      env.put(JPNE_KEYS, String.join(",", new TreeSet<>(config.jpneKeys())));
    }
    env.put(CLOUD, config.cloud());
    env.put(SHARED_MAX_AGE, Integer.toString(config.sharedMaxAgeSeconds()));
    return env;
  }

  /** The stripped value, or null when unset or blank. */
  private static String value(Function<String, String> env, String name) {
    String v = env.apply(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static RuleSetFormat format(String name) {
    if (name == null) {
      return RuleSetFormat.NATIVE;
    }
    try {
      return RuleSetFormat.fromName(name);
    } catch (MapruleException e) {
      throw invalid(RULES_FORMAT, name, "native, ocn or hb46pp");
    }
  }

  private static String fieldName(String variable, String name) {
    if (name != null && !Headers.isFieldName(name)) {
      throw invalid(variable, name,
          "an HTTP header name (letters, digits and !#$%&'*+-.^_`|~, no spaces or colons)");
    }
    return name;
  }

  /** A comma list: items stripped, empty items dropped, duplicates once. */
  private static Set<String> list(String text) {
    Set<String> items = new LinkedHashSet<>();
    if (text != null) {
      for (String item : text.split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    return items;
  }

  private static int maxAge(String text) {
    if (text == null) {
      return ServiceConfig.DEFAULT_SHARED_MAX_AGE;
    }
    int seconds = -1;
    if (text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      seconds = Integer.parseInt(text);
    }
    if (seconds < 0 || seconds > MAX_SHARED_MAX_AGE) {
      throw invalid(SHARED_MAX_AGE, text, "whole seconds in 0.." + MAX_SHARED_MAX_AGE);
    }
    return seconds;
  }

  private static MapruleException invalid(String variable, String value, String expected) {
    return new MapruleException(ErrorCode.INVALID_VALUE, variable, value,
        variable + " must be " + expected + ", not '" + value + "'");
  }
}
