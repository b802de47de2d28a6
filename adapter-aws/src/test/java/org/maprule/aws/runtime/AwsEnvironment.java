package org.maprule.aws.runtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.ServiceConfig;

/**
 * The {@code MAPRULE_*} environment variables that make a Lambda function serve {@code config}
 * (the inverse of {@link org.maprule.aws.AwsSettings#fromEnvironment}), as a deployment would set
 * them.
 */
public final class AwsEnvironment {
  private AwsEnvironment() {}

  /**
   * The variables.
   *
   * @param config the service configuration
   * @param rulesSource {@code MAPRULE_RULES}
   * @param format the rules' format
   * @return name to value, only the variables that differ from an empty environment's defaults
   *     are guaranteed to be present
   */
  public static Map<String, String> of(ServiceConfig config, String rulesSource, RuleSetFormat format) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MAPRULE_RULES", rulesSource);
    env.put("MAPRULE_RULES_FORMAT", format.name().toLowerCase(Locale.ROOT));
    if (config.clientAddressHeader() != null) {
      env.put("MAPRULE_CLIENT_ADDRESS_HEADER", config.clientAddressHeader());
    }
    env.put("MAPRULE_ORIGIN_VERIFY_HEADER", config.originVerifyHeader());
    if (config.originVerifySecret() != null) {
      env.put("MAPRULE_ORIGIN_VERIFY_SECRET", config.originVerifySecret());
    }
    if (!config.ocnCodes().isEmpty()) {
      env.put("MAPRULE_OCN_CODES", String.join(",", new TreeSet<>(config.ocnCodes())));
    }
    env.put("MAPRULE_CLOUD", config.cloud());
    env.put("MAPRULE_SHARED_MAX_AGE", Integer.toString(config.sharedMaxAgeSeconds()));
    return env;
  }
}
