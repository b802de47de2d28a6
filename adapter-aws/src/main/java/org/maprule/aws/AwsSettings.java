package org.maprule.aws;

import java.util.function.Function;
import org.maprule.MapruleException;
import org.maprule.config.ServiceSettings;

/**
 * What the Lambda function's configuration has of its own; the {@code MAPRULE_*} variables
 * themselves are core's {@link ServiceSettings} (docs/aws.md): the cloud name {@value #DEFAULT_CLOUD}
 * unless {@code MAPRULE_CLOUD} says otherwise, and a relative {@code MAPRULE_RULES} file path
 * resolved in the task root ({@value #TASK_ROOT}, {@code /var/task}: the unpacked deployment
 * package). A refused value is thrown during the function's init, so the runtime reports it on
 * {@code /init/error} and the Function URL answers 502 until it is fixed.
 */
public final class AwsSettings {
  /** Cloud name reported on {@code /health} unless {@code MAPRULE_CLOUD} says otherwise. */
  public static final String DEFAULT_CLOUD = "aws";
  /** The variable in which Lambda names the task root (the unpacked deployment package). */
  public static final String TASK_ROOT = "LAMBDA_TASK_ROOT";

  private AwsSettings() {}

  /**
   * Reads the function's settings.
   *
   * @param env the environment ({@code System::getenv} in production)
   * @return the settings
   * @throws MapruleException naming the variable and its value when a value is refused
   *     ({@link ServiceSettings#read})
   */
  public static ServiceSettings read(Function<String, String> env) {
    return ServiceSettings.read(env, DEFAULT_CLOUD, ServiceSettings.directory(env, TASK_ROOT));
  }
}
