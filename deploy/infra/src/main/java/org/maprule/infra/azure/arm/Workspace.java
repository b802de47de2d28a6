package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * A Log Analytics workspace (the store behind Application Insights).
 *
 * <p>Type {@code azure-native:operationalinsights:Workspace} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:operationalinsights:Workspace")
public final class Workspace extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:operationalinsights:Workspace";

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public Workspace(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "resourceGroupName", required = true)
    private final Output<String> resourceGroupName;

    @Import(name = "workspaceName", required = true)
    private final String workspaceName;

    @Import(name = "location", required = true)
    private final String location;

    @Import(name = "sku", required = true)
    private final Map<String, Object> sku;

    @Import(name = "retentionInDays", required = true)
    private final Integer retentionInDays;

    @Import(name = "tags")
    private final Map<String, String> tags;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param workspaceName the workspace name
     * @param location the Azure region
     * @param sku {@code {name: PerGB2018}}
     * @param retentionInDays log retention, days
     * @param tags resource tags
     */
    public Args(Output<String> resourceGroupName, String workspaceName, String location, Map<String, Object> sku, Integer retentionInDays, Map<String, String> tags) {
      this.resourceGroupName = resourceGroupName;
      this.workspaceName = workspaceName;
      this.location = location;
      this.sku = sku;
      this.retentionInDays = retentionInDays;
      this.tags = tags;
    }
  }
}
