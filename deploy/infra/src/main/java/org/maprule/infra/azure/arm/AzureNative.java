package org.maprule.infra.azure.arm;

import com.pulumi.resources.CustomResourceOptions;

/**
 * The Azure Native provider the classes of this package declare resources for.
 *
 * <p>Why this package exists: neither {@code com.pulumi:azure-native} nor the classic
 * {@code com.pulumi:azure} resolves from the Maven mirror this project builds against, and
 * azure-native's generated Java SDK is one jar covering every Azure service. A generated resource
 * class is nothing but a {@link com.pulumi.resources.CustomResource} with the provider's type
 * token, {@code @Import} input fields and {@code @Export} output fields; the few classes here are
 * the same thing, written by hand for exactly the resources and properties this stack uses, with
 * the provider's own property names (azure-native 3.x, {@code Microsoft.Web} API 2024-04-01).
 * {@code pulumi up} runs them through the real azure-native plugin (version {@link #VERSION},
 * announced to the language host by {@code com/pulumi/azurenative/plugin.json} in this jar), so
 * they deploy exactly what the generated SDK would. Replacing them by the generated classes later
 * changes no resource: same type tokens, same inputs.
 */
public final class AzureNative {

  /** The azure-native provider plugin version. */
  public static final String VERSION = "3.12.0";

  private AzureNative() {}

  /**
   * The options of every resource of this package: the caller's, plus the provider version.
   *
   * @param options the caller's options, may be null
   * @return the merged options
   */
  static CustomResourceOptions withVersion(CustomResourceOptions options) {
    CustomResourceOptions versioned = CustomResourceOptions.builder().version(VERSION).build();
    return CustomResourceOptions.merge(versioned, options);
  }
}
