package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * What the named resources of this package share: they are declared with the provider version
 * of {@link AzureNative} and export the Azure resource's {@code name}. A subclass adds its
 * {@code @ResourceType} token, its other outputs and its {@code Args}. ({@link RoleAssignment}
 * has no {@code name} output and extends {@link CustomResource} itself.)
 */
public abstract class AzureNativeResource extends CustomResource {

  @Export(name = "name", refs = {String.class}, tree = "[0]")
  private Output<String> name;

  /**
   * Declares the resource.
   *
   * @param type the provider type token, {@code azure-native:<module>:<Resource>}
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null; the provider version is added
   */
  AzureNativeResource(String type, String name, ResourceArgs args, CustomResourceOptions options) {
    super(type, name, args, AzureNative.withVersion(options));
  }

  /**
   * Output: the resource's name in Azure.
   *
   * @return the name, known once the resource is created
   */
  public Output<String> name() {
    return name;
  }
}
