package org.maprule.infra.azure.arm;

import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * An Azure resource group.
 *
 * <p>Type {@code azure-native:resources:ResourceGroup} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:resources:ResourceGroup")
public final class ResourceGroup extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:resources:ResourceGroup";

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public ResourceGroup(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "resourceGroupName", required = true)
    private final String resourceGroupName;

    @Import(name = "location", required = true)
    private final String location;

    @Import(name = "tags")
    private final Map<String, String> tags;

    /**
     * The inputs.
     *
     * @param resourceGroupName the group's name
     * @param location the Azure region
     * @param tags resource tags
     */
    public Args(String resourceGroupName, String location, Map<String, String> tags) {
      this.resourceGroupName = resourceGroupName;
      this.location = location;
      this.tags = tags;
    }
  }
}
