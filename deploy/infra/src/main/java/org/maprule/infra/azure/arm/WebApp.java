package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * A function app (a {@code Microsoft.Web/sites} resource of kind {@code functionapp,linux}).
 *
 * <p>Type {@code azure-native:web:WebApp} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:web:WebApp")
public final class WebApp extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:web:WebApp";

  @Export(name = "defaultHostName", refs = {String.class}, tree = "[0]")
  private Output<String> defaultHostName;

  /** Output: the app's host name, {@code <name>….azurewebsites.net}. */
  public Output<String> defaultHostName() {
    return defaultHostName;
  }

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public WebApp(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "resourceGroupName", required = true)
    private final Output<String> resourceGroupName;

    @Import(name = "name", required = true)
    private final String name;

    @Import(name = "location", required = true)
    private final String location;

    @Import(name = "kind", required = true)
    private final String kind;

    @Import(name = "serverFarmId", required = true)
    private final Output<String> serverFarmId;

    @Import(name = "httpsOnly", required = true)
    private final Boolean httpsOnly;

    @Import(name = "identity", required = true)
    private final Map<String, Object> identity;

    @Import(name = "keyVaultReferenceIdentity", required = true)
    private final Output<String> keyVaultReferenceIdentity;

    @Import(name = "functionAppConfig", required = true)
    private final Map<String, Object> functionAppConfig;

    @Import(name = "siteConfig", required = true)
    private final Map<String, Object> siteConfig;

    @Import(name = "tags")
    private final Map<String, String> tags;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param name the globally unique app name
     * @param location the Azure region
     * @param kind {@code functionapp,linux}
     * @param serverFarmId the plan's resource ID
     * @param httpsOnly true
     * @param identity the managed identities
     * @param keyVaultReferenceIdentity the identity Key Vault references resolve with
     * @param functionAppConfig Flex Consumption: deployment storage, runtime, scale and concurrency
     * @param siteConfig app settings and site options
     * @param tags resource tags
     */
    public Args(Output<String> resourceGroupName, String name, String location, String kind, Output<String> serverFarmId, Boolean httpsOnly, Map<String, Object> identity, Output<String> keyVaultReferenceIdentity, Map<String, Object> functionAppConfig, Map<String, Object> siteConfig, Map<String, String> tags) {
      this.resourceGroupName = resourceGroupName;
      this.name = name;
      this.location = location;
      this.kind = kind;
      this.serverFarmId = serverFarmId;
      this.httpsOnly = httpsOnly;
      this.identity = identity;
      this.keyVaultReferenceIdentity = keyVaultReferenceIdentity;
      this.functionAppConfig = functionAppConfig;
      this.siteConfig = siteConfig;
      this.tags = tags;
    }
  }
}
