package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * An App Service plan; here the Flex Consumption plan.
 *
 * <p>Type {@code azure-native:web:AppServicePlan} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:web:AppServicePlan")
public final class AppServicePlan extends AzureNativeResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:web:AppServicePlan";

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public AppServicePlan(String name, Args args, CustomResourceOptions options) {
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

    @Import(name = "sku", required = true)
    private final Map<String, Object> sku;

    @Import(name = "reserved", required = true)
    private final Boolean reserved;

    @Import(name = "tags")
    private final Map<String, String> tags;

    /**
     * The inputs.
     *
     * @param resourceGroupName the resource group
     * @param name the plan name
     * @param location the Azure region
     * @param kind {@code functionapp}
     * @param sku {@code {name: FC1, tier: FlexConsumption}}
     * @param reserved true: Linux
     * @param tags resource tags
     */
    public Args(Output<String> resourceGroupName, String name, String location, String kind, Map<String, Object> sku, Boolean reserved, Map<String, String> tags) {
      this.resourceGroupName = resourceGroupName;
      this.name = name;
      this.location = location;
      this.kind = kind;
      this.sku = sku;
      this.reserved = reserved;
      this.tags = tags;
    }
  }
}
