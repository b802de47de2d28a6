package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * A storage account (the Functions host's storage and the deployment container).
 *
 * <p>Type {@code azure-native:storage:StorageAccount} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:storage:StorageAccount")
public final class StorageAccount extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:storage:StorageAccount";

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public StorageAccount(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "resourceGroupName", required = true)
    private final Output<String> resourceGroupName;

    @Import(name = "accountName", required = true)
    private final String accountName;

    @Import(name = "location", required = true)
    private final String location;

    @Import(name = "kind", required = true)
    private final String kind;

    @Import(name = "sku", required = true)
    private final Map<String, Object> sku;

    @Import(name = "allowBlobPublicAccess", required = true)
    private final Boolean allowBlobPublicAccess;

    @Import(name = "allowSharedKeyAccess", required = true)
    private final Boolean allowSharedKeyAccess;

    @Import(name = "minimumTlsVersion", required = true)
    private final String minimumTlsVersion;

    @Import(name = "enableHttpsTrafficOnly", required = true)
    private final Boolean enableHttpsTrafficOnly;

    @Import(name = "tags")
    private final Map<String, String> tags;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param accountName the globally unique account name
     * @param location the Azure region
     * @param kind {@code StorageV2}
     * @param sku {@code {name: Standard_LRS}}
     * @param allowBlobPublicAccess false
     * @param allowSharedKeyAccess false: identities only
     * @param minimumTlsVersion {@code TLS1_2}
     * @param enableHttpsTrafficOnly true
     * @param tags resource tags
     */
    public Args(Output<String> resourceGroupName, String accountName, String location, String kind, Map<String, Object> sku, Boolean allowBlobPublicAccess, Boolean allowSharedKeyAccess, String minimumTlsVersion, Boolean enableHttpsTrafficOnly, Map<String, String> tags) {
      this.resourceGroupName = resourceGroupName;
      this.accountName = accountName;
      this.location = location;
      this.kind = kind;
      this.sku = sku;
      this.allowBlobPublicAccess = allowBlobPublicAccess;
      this.allowSharedKeyAccess = allowSharedKeyAccess;
      this.minimumTlsVersion = minimumTlsVersion;
      this.enableHttpsTrafficOnly = enableHttpsTrafficOnly;
      this.tags = tags;
    }
  }
}
