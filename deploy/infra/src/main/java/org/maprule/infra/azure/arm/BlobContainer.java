package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * A private blob container.
 *
 * <p>Type {@code azure-native:storage:BlobContainer} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:storage:BlobContainer")
public final class BlobContainer extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:storage:BlobContainer";

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public BlobContainer(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "resourceGroupName", required = true)
    private final Output<String> resourceGroupName;

    @Import(name = "accountName", required = true)
    private final Output<String> accountName;

    @Import(name = "containerName", required = true)
    private final String containerName;

    @Import(name = "publicAccess", required = true)
    private final String publicAccess;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param accountName the storage account
     * @param containerName the container name
     * @param publicAccess {@code None}
     */
    public Args(Output<String> resourceGroupName, Output<String> accountName, String containerName, String publicAccess) {
      this.resourceGroupName = resourceGroupName;
      this.accountName = accountName;
      this.containerName = containerName;
      this.publicAccess = publicAccess;
    }
  }
}
