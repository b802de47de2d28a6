package org.maprule.infra;

import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code MAPRULE_*} settings both adapters read (docs/aws.md, docs/azure.md): the same names
 * and the same values on both clouds, except {@link #CLOUD} (the cloud's own name) and the way
 * {@link #ORIGIN_VERIFY_SECRET} arrives (a Secrets Manager value on AWS, a Key Vault reference on
 * Azure). Lambda receives them as environment variables, the function app as app settings.
 */
public final class AppSettings {

  /** The rule-set source: {@code builtin:example}, {@code classpath:NAME} or a file path. */
  public static final String RULES = "MAPRULE_RULES";
  /** The rule-set format: native, ocn or hb46pp. */
  public static final String RULES_FORMAT = "MAPRULE_RULES_FORMAT";
  /** The one CDN header carrying the CE's address. */
  public static final String CLIENT_ADDRESS_HEADER = "MAPRULE_CLIENT_ADDRESS_HEADER";
  /** The header carrying the origin-verify secret. */
  public static final String ORIGIN_VERIFY_HEADER = "MAPRULE_ORIGIN_VERIFY_HEADER";
  /** The origin-verify secret. */
  public static final String ORIGIN_VERIFY_SECRET = "MAPRULE_ORIGIN_VERIFY_SECRET";
  /** Accepted OCN codes / JPNE keys, comma separated; absent for any. */
  public static final String OCN_CODES = "MAPRULE_OCN_CODES";
  /** The cloud name on {@code /health}. */
  public static final String CLOUD = "MAPRULE_CLOUD";
  /** {@code max-age} of shared answers, seconds. */
  public static final String SHARED_MAX_AGE = "MAPRULE_SHARED_MAX_AGE";

  /** Every name, in the order the adapters document them. */
  public static final List<String> NAMES = List.of(RULES, RULES_FORMAT, CLIENT_ADDRESS_HEADER,
      ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_SECRET, OCN_CODES, CLOUD, SHARED_MAX_AGE);

  /**
   * The header CloudFront sets with the viewer's address and port ({@code addr:port}, IPv6
   * unbracketed), added to origin requests by the origin request policy; core parses its form.
   */
  public static final String CLOUDFRONT_VIEWER_ADDRESS = "cloudfront-viewer-address";

  private AppSettings() {}

  /**
   * The settings of one cloud.
   *
   * @param settings the stack settings
   * @param cloud the cloud name reported on {@code /health}: {@code aws} or {@code azure}
   * @param secret how this cloud receives the origin-verify secret (the value, or a reference
   *     the platform resolves)
   * @return name → value, in {@link #NAMES} order; {@link #OCN_CODES} is left out when empty
   *     (the adapters treat blank as absent)
   */
  public static Map<String, Output<String>> forCloud(
      StackSettings settings, String cloud, Output<String> secret) {
    Map<String, Output<String>> env = new LinkedHashMap<>();
    env.put(RULES, Output.of(settings.rules()));
    env.put(RULES_FORMAT, Output.of(settings.rulesFormat()));
    env.put(CLIENT_ADDRESS_HEADER, Output.of(CLOUDFRONT_VIEWER_ADDRESS));
    env.put(ORIGIN_VERIFY_HEADER, Output.of(settings.originVerifyHeader()));
    env.put(ORIGIN_VERIFY_SECRET, secret);
    if (!settings.ocnCodes().isBlank()) {
      env.put(OCN_CODES, Output.of(settings.ocnCodes()));
    }
    env.put(CLOUD, Output.of(cloud));
    env.put(SHARED_MAX_AGE, Output.of(Integer.toString(settings.sharedMaxAgeSeconds())));
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
