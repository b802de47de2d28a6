package org.maprule.infra.azure.arm;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * An Azure RBAC role assignment.
 *
 * <p>Type {@code azure-native:authorization:RoleAssignment} of the Azure Native provider (see {@link AzureNative}).
 */
@ResourceType(type = "azure-native:authorization:RoleAssignment")
public final class RoleAssignment extends CustomResource {

  /** The provider type token. */
  public static final String TYPE = "azure-native:authorization:RoleAssignment";

  /**
   * Declares the resource.
   *
   * @param name the Pulumi resource name (unique in the stack)
   * @param args the inputs
   * @param options resource options, may be null
   */
  public RoleAssignment(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, AzureNative.withVersion(options));
  }

  /** The inputs, named as the provider names them. */
  public static final class Args extends ResourceArgs {

    @Import(name = "scope", required = true)
    private final Output<String> scope;

    @Import(name = "roleAssignmentName", required = true)
    private final String roleAssignmentName;

    @Import(name = "principalId", required = true)
    private final Output<String> principalId;

    @Import(name = "principalType", required = true)
    private final String principalType;

    @Import(name = "roleDefinitionId", required = true)
    private final Output<String> roleDefinitionId;

    /**
     * The inputs.
     *
     * @param scope the resource ID the role applies to
     * @param roleAssignmentName a GUID, stable per stack
     * @param principalId the principal's object ID
     * @param principalType {@code ServicePrincipal}
     * @param roleDefinitionId {@code /subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/<guid>}
     */
    public Args(Output<String> scope, String roleAssignmentName, Output<String> principalId, String principalType, Output<String> roleDefinitionId) {
      this.scope = scope;
      this.roleAssignmentName = roleAssignmentName;
      this.principalId = principalId;
      this.principalType = principalType;
      this.roleDefinitionId = roleDefinitionId;
    }
  }
}
