package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * A user-assigned managed identity.
 *
 * <p>Type {@code azure-native:managedidentity:UserAssignedIdentity} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:managedidentity:UserAssignedIdentity")
public final class UserAssignedIdentity extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:managedidentity:UserAssignedIdentity";

  @Export(name = "clientId", refs = {String.class}, tree = "[0]")
  private Output<String> clientId;

  @Export(name = "principalId", refs = {String.class}, tree = "[0]")
  private Output<String> principalId;

  @Export(name = "tenantId", refs = {String.class}, tree = "[0]")
  private Output<String> tenantId;

  /** Output: the identity's client (application) ID. */
  public Output<String> clientId() {
    return clientId;
  }

  /** Output: the identity's service principal object ID. */
  public Output<String> principalId() {
    return principalId;
  }

  /** Output: the Entra ID tenant. */
  public Output<String> tenantId() {
    return tenantId;
  }

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public UserAssignedIdentity(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "resourceGroupName", required = true)
    private final Output<String> resourceGroupName;

    @Import(name = "resourceName", required = true)
    private final String resourceName;

    @Import(name = "location", required = true)
    private final String location;

    @Import(name = "tags")
    private final Map<String, String> tags;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param resourceName the identity name
     * @param location the Azure region
     * @param tags resource tags
     */
    public Args(Output<String> resourceGroupName, String resourceName, String location, Map<String, String> tags) {
      this.resourceGroupName = resourceGroupName;
      this.resourceName = resourceName;
      this.location = location;
      this.tags = tags;
    }
  }
}
