package org.maprule.azure;

import java.util.function.Function;
import org.maprule.MapruleException;
import org.maprule.config.ServiceSettings;

/**
 * What the function app's configuration has of its own; the {@code MAPRULE_*} app settings
 * themselves (which the Functions host gives the Java worker as environment variables) are core's
 * {@link ServiceSettings}, with the same names and meanings as on AWS (docs/azure.md): the cloud
 * name {@value #DEFAULT_CLOUD} unless {@code MAPRULE_CLOUD} says otherwise, and a relative
 * {@code MAPRULE_RULES} file path resolved against the function app root ({@value #SCRIPT_ROOT},
 * {@code /home/site/wwwroot}), else the working directory. A refused value makes the instance log
 * it once and fail every invocation ({@link FunctionInstance}).
 */
public final class AzureSettings {
  /** Cloud name reported on {@code /health} unless {@code MAPRULE_CLOUD} says otherwise. */
  public static final String DEFAULT_CLOUD = "azure";
  /** The variable in which the Functions host names the function app's root folder. */
  public static final String SCRIPT_ROOT = "AzureWebJobsScriptRoot";

  private AzureSettings() {}

  /**
   * Reads the app's settings.
   *
   * @param env the app settings ({@code System::getenv} in production)
   * @return the settings
   * @throws MapruleException naming the setting and its value when a value is refused
   *     ({@link ServiceSettings#read})
   */
  public static ServiceSettings read(Function<String, String> env) {
    return ServiceSettings.read(env, DEFAULT_CLOUD, ServiceSettings.directory(env, SCRIPT_ROOT));
  }
}
