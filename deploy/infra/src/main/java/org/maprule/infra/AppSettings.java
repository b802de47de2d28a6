package org.maprule.infra;

import com.pulumi.core.Output;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.config.ServiceSettings;

/**
 * The {@code MAPRULE_*} settings both adapters read through core's {@link ServiceSettings}
 * (docs/aws.md, docs/azure.md): the same names and the same values on both clouds, except
 * {@link #CLOUD} (the cloud's own name) and the way {@link #ORIGIN_VERIFY_SECRET} arrives (the
 * value stored in Secrets Manager on AWS, a Key Vault reference on Azure). Lambda receives them as
 * environment variables, the function app as app settings.
 */
public final class AppSettings {

  /** {@value ServiceSettings#RULES}. */
  public static final String RULES = ServiceSettings.RULES;
  /** {@value ServiceSettings#RULES_FORMAT}. */
  public static final String RULES_FORMAT = ServiceSettings.RULES_FORMAT;
  /** {@value ServiceSettings#CLIENT_ADDRESS_HEADER}. */
  public static final String CLIENT_ADDRESS_HEADER = ServiceSettings.CLIENT_ADDRESS_HEADER;
  /** {@value ServiceSettings#ORIGIN_VERIFY_HEADER}. */
  public static final String ORIGIN_VERIFY_HEADER = ServiceSettings.ORIGIN_VERIFY_HEADER;
  /** {@value ServiceSettings#ORIGIN_VERIFY_SECRET}. */
  public static final String ORIGIN_VERIFY_SECRET = ServiceSettings.ORIGIN_VERIFY_SECRET;
  /** {@value ServiceSettings#OCN_CODES}. */
  public static final String OCN_CODES = ServiceSettings.OCN_CODES;
  /** {@value ServiceSettings#JPNE_KEYS}. */
  public static final String JPNE_KEYS = ServiceSettings.JPNE_KEYS;
  /** {@value ServiceSettings#CLOUD}. */
  public static final String CLOUD = ServiceSettings.CLOUD;
  /** {@value ServiceSettings#SHARED_MAX_AGE}. */
  public static final String SHARED_MAX_AGE = ServiceSettings.SHARED_MAX_AGE;

  /** Every name, in the order the adapters document them: core's list. */
  public static final List<String> NAMES = ServiceSettings.VARIABLES;

  /**
   * The header CloudFront sets with the viewer's address and port ({@code addr:port}), added to
   * origin requests by the origin request policy; core parses its form.
   */
  public static final String CLOUDFRONT_VIEWER_ADDRESS = "cloudfront-viewer-address";

  /** Where each setting comes from in the stack configuration (for error messages). */
  private static final Map<String, String> CONFIG_KEYS = Map.of(
      RULES, "rules", RULES_FORMAT, "rulesFormat", ORIGIN_VERIFY_HEADER, "originVerifyHeader",
      OCN_CODES, "ocnCodes", JPNE_KEYS, "jpneKeys", SHARED_MAX_AGE, "sharedMaxAge");

  private AppSettings() {}

  /**
   * The settings of one cloud.
   *
   * @param settings the stack settings
   * @param cloud the cloud name reported on {@code /health}: {@code aws} or {@code azure}
   * @param secret how this cloud receives the origin-verify secret (the value, or a reference
   *     the platform resolves)
   * @return name → value, in {@link #NAMES} order; {@link #OCN_CODES} and {@link #JPNE_KEYS} are
   *     left out when empty (the adapters treat blank as absent)
   */
  public static Map<String, Output<String>> forCloud(
      StackSettings settings, String cloud, Output<String> secret) {
    Map<String, Output<String>> env = new LinkedHashMap<>();
    plain(settings, cloud).forEach((name, value) -> env.put(name, Output.of(value)));
    Map<String, Output<String>> ordered = new LinkedHashMap<>();
    for (String name : NAMES) {
      if (name.equals(ORIGIN_VERIFY_SECRET)) {
        ordered.put(name, secret);
      } else if (env.containsKey(name)) {
        ordered.put(name, env.get(name));
      }
    }
    return ordered;
  }

  /**
   * Reads the settings of one cloud (without the secret) with core's own reader, as the adapters
   * will at init, so that a value they would refuse stops the deployment instead of the function.
   *
   * @param settings the stack settings
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} naming the configuration key
   *     ({@code maprule:…}) when core refuses a value
   */
  static void checkWithCore(StackSettings settings) {
    Map<String, String> env = plain(settings, "aws");
    try {
      ServiceSettings.read(env::get, "aws", Path.of(""));
    } catch (MapruleException e) {
      String key = CONFIG_KEYS.getOrDefault(e.field(), e.field());
      throw new MapruleException(e.code(), "maprule:" + key, e.value(),
          "maprule:" + key + ": " + e.getMessage());
    }
  }

  /** Every setting but the secret, blank optional ones left out. */
  private static Map<String, String> plain(StackSettings s, String cloud) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(RULES, s.rules());
    env.put(RULES_FORMAT, s.rulesFormat());
    env.put(CLIENT_ADDRESS_HEADER, CLOUDFRONT_VIEWER_ADDRESS);
    env.put(ORIGIN_VERIFY_HEADER, s.originVerifyHeader());
    if (!s.ocnCodes().isBlank()) {
      env.put(OCN_CODES, s.ocnCodes());
    }
    if (!s.jpneKeys().isBlank()) {
      env.put(JPNE_KEYS, s.jpneKeys());
    }
    env.put(CLOUD, cloud);
    env.put(SHARED_MAX_AGE, Integer.toString(s.sharedMaxAgeSeconds()));
    return env;
  }

  /**
   * One output holding the whole map, secret when any value is.
   *
   * @param values name → value
   * @return the resolved map, in the same order
   */
  public static Output<Map<String, String>> resolved(Map<String, Output<String>> values) {
    List<String> names = new ArrayList<>(values.keySet());
    return Output.all(new ArrayList<>(values.values())).applyValue(list -> {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        map.put(names.get(i), list.get(i));
      }
      return map;
    });
  }
}
