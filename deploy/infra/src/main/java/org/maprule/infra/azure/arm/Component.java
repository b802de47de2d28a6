package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * A workspace-based Application Insights component.
 *
 * <p>Type {@code azure-native:applicationinsights:Component} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:applicationinsights:Component")
public final class Component extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:applicationinsights:Component";

  @Export(name = "connectionString", refs = {String.class}, tree = "[0]")
  private Output<String> connectionString;

  /** Output: the connection string the Functions host sends telemetry with. */
  public Output<String> connectionString() {
    return connectionString;
  }

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public Component(String name, Args args, CustomResourceOptions options) {
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

    @Import(name = "kind", required = true)
    private final String kind;

    @Import(name = "applicationType", required = true)
    private final String applicationType;

    @Import(name = "workspaceResourceId", required = true)
    private final Output<String> workspaceResourceId;

    @Import(name = "ingestionMode", required = true)
    private final String ingestionMode;

    @Import(name = "tags")
    private final Map<String, String> tags;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param resourceName the component name
     * @param location the Azure region
     * @param kind {@code web}
     * @param applicationType {@code web}
     * @param workspaceResourceId the Log Analytics workspace's resource ID
     * @param ingestionMode {@code LogAnalytics}
     * @param tags resource tags
     */
    public Args(Output<String> resourceGroupName, String resourceName, String location, String kind, String applicationType, Output<String> workspaceResourceId, String ingestionMode, Map<String, String> tags) {
      this.resourceGroupName = resourceGroupName;
      this.resourceName = resourceName;
      this.location = location;
      this.kind = kind;
      this.applicationType = applicationType;
      this.workspaceResourceId = workspaceResourceId;
      this.ingestionMode = ingestionMode;
      this.tags = tags;
    }
  }
}
