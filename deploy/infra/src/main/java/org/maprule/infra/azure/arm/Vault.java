package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * A Key Vault.
 *
 * <p>Type {@code azure-native:keyvault:Vault} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:keyvault:Vault")
public final class Vault extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:keyvault:Vault";

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public Vault(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "resourceGroupName", required = true)
    private final Output<String> resourceGroupName;

    @Import(name = "vaultName", required = true)
    private final String vaultName;

    @Import(name = "location", required = true)
    private final String location;

    @Import(name = "properties", required = true)
    private final Map<String, Object> properties;

    @Import(name = "tags")
    private final Map<String, String> tags;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param vaultName the globally unique vault name
     * @param location the Azure region
     * @param properties tenant, SKU, RBAC authorisation, soft delete
     * @param tags resource tags
     */
    public Args(Output<String> resourceGroupName, String vaultName, String location, Map<String, Object> properties, Map<String, String> tags) {
      this.resourceGroupName = resourceGroupName;
      this.vaultName = vaultName;
      this.location = location;
      this.properties = properties;
      this.tags = tags;
    }
  }
}
