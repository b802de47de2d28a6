package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * A Key Vault secret, written through Azure Resource Manager.
 *
 * <p>Type {@code azure-native:keyvault:Secret} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:keyvault:Secret")
public final class Secret extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:keyvault:Secret";

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public Secret(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "resourceGroupName", required = true)
    private final Output<String> resourceGroupName;

    @Import(name = "vaultName", required = true)
    private final Output<String> vaultName;

    @Import(name = "secretName", required = true)
    private final String secretName;

    @Import(name = "properties", required = true)
    private final Map<String, Object> properties;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param vaultName the vault
     * @param secretName the secret name
     * @param properties {@code {value: …}}
     */
    public Args(Output<String> resourceGroupName, Output<String> vaultName, String secretName, Map<String, Object> properties) {
      this.resourceGroupName = resourceGroupName;
      this.vaultName = vaultName;
      this.secretName = secretName;
      this.properties = properties;
    }
  }
}
