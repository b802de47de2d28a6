package org.maprule.infra;

import static org.maprule.config.ServiceSettings.CLIENT_ADDRESS_HEADER;
import static org.maprule.config.ServiceSettings.CLOUD;
import static org.maprule.config.ServiceSettings.JPNE_KEYS;
import static org.maprule.config.ServiceSettings.OCN_CODES;
import static org.maprule.config.ServiceSettings.ORIGIN_VERIFY_HEADER;
import static org.maprule.config.ServiceSettings.ORIGIN_VERIFY_SECRET;
import static org.maprule.config.ServiceSettings.RULES;
import static org.maprule.config.ServiceSettings.RULES_FORMAT;
import static org.maprule.config.ServiceSettings.SHARED_MAX_AGE;

import com.pulumi.core.Output;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maprule.MapruleException;
import org.maprule.config.ServiceSettings;
import org.maprule.http.ClientAddresses;

/**
 * The {@code MAPRULE_*} settings both adapters read through core's {@link ServiceSettings}
 * (docs/aws.md, docs/azure.md): read from the stack configuration with core's own reader, so that
 * a value the adapters would refuse at init fails {@code pulumi preview} instead, and written back
 * as core writes them ({@link ServiceSettings#environment()}): the same names and the same values
 * on both clouds, except {@value ServiceSettings#CLOUD} (the cloud's own name) and the way
 * {@value ServiceSettings#ORIGIN_VERIFY_SECRET} arrives (the value stored in Secrets Manager on
 * AWS, a Key Vault reference on Azure). Lambda receives them as environment variables, the
 * function app as app settings.
 */
public final class AppSettings {

  /** The stack configuration key (namespace {@code maprule}) of each variable it sets. */
  private static final Map<String, String> CONFIG_KEYS = Map.of(
      RULES, "rules", RULES_FORMAT, "rulesFormat", ORIGIN_VERIFY_HEADER, "originVerifyHeader",
      OCN_CODES, "ocnCodes", JPNE_KEYS, "jpneKeys", SHARED_MAX_AGE, "sharedMaxAge");

  private AppSettings() {}

  /**
   * Reads the app settings from the stack configuration with core's reader, as the adapters
   * will read what the stack writes: each key gives its variable; the client-address header is
   * CloudFront's {@value ClientAddresses#CLOUDFRONT_VIEWER_ADDRESS} (the origin request policy
   * forwards it); no secret (known only at deployment); cloud {@code aws}.
   *
   * @param config the stack configuration (stripped values, blank counts as unset)
   * @return core's settings
   * @throws MapruleException with core's code and message, the field renamed to the stack key
   *     ({@code maprule:rulesFormat} for {@code MAPRULE_RULES_FORMAT}) and core's value (null
   *     where core does not echo it, as for JPNE keys), when core refuses a value
   */
  static ServiceSettings read(StackSettings.Lookup config) {
    Map<String, String> env = new HashMap<>();
    CONFIG_KEYS.forEach((variable, key) -> config.get(key).ifPresent(v -> env.put(variable, v)));
    env.put(CLIENT_ADDRESS_HEADER, ClientAddresses.CLOUDFRONT_VIEWER_ADDRESS);
    try {
      return ServiceSettings.read(env::get, "aws", Path.of(""));
    } catch (MapruleException e) {
      String key = CONFIG_KEYS.getOrDefault(e.field(), e.field());
      throw new MapruleException(e.code(),
          "maprule:" + key, e.value(), "maprule:" + key + ": " + e.getMessage());
    }
  }

  /**
   * The settings of one cloud: {@link StackSettings#app()} as core writes it, with the cloud's
   * name and the secret in its place.
   *
   * @param settings the stack settings
   * @param cloud the cloud name reported on {@code /health}: {@code aws} or {@code azure}
   * @param secret how this cloud receives the origin-verify secret (the value, or a reference
   *     the platform resolves)
   * @return name → value, in {@link ServiceSettings#VARIABLES} order;
   *     {@value ServiceSettings#OCN_CODES} and {@value ServiceSettings#JPNE_KEYS} are left out
   *     when empty (the adapters treat absent as any)
   */
  public static Map<String, Output<String>> forCloud(
      StackSettings settings, String cloud, Output<String> secret) {
    Map<String, String> env = new LinkedHashMap<>(settings.app().environment());
    env.put(CLOUD, cloud);
    Map<String, Output<String>> ordered = new LinkedHashMap<>();
    for (String name : ServiceSettings.VARIABLES) {
      if (name.equals(ORIGIN_VERIFY_SECRET)) {
        ordered.put(name, secret);
      } else if (env.containsKey(name)) {
        ordered.put(name, Output.of(env.get(name)));
      }
    }
    return ordered;
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
