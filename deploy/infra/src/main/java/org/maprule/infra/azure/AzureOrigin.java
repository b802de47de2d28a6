package org.maprule.infra.azure;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.maprule.infra.AppSettings;
import org.maprule.infra.StackSettings;
import org.maprule.infra.azure.arm.AppServicePlan;
import org.maprule.infra.azure.arm.BlobContainer;
import org.maprule.infra.azure.arm.Component;
import org.maprule.infra.azure.arm.ResourceGroup;
import org.maprule.infra.azure.arm.RoleAssignment;
import org.maprule.infra.azure.arm.Secret;
import org.maprule.infra.azure.arm.StorageAccount;
import org.maprule.infra.azure.arm.UserAssignedIdentity;
import org.maprule.infra.azure.arm.Vault;
import org.maprule.infra.azure.arm.WebApp;
import org.maprule.infra.azure.arm.Workspace;

/**
 * The Azure origin: a Flex Consumption function app running {@code adapter-azure} on Java 21,
 * with always-ready instances for the {@code http} group, app settings of the same names and
 * meanings as the Lambda environment, the origin-verify secret as a Key Vault reference resolved
 * with a user-assigned managed identity, the storage account and deployment container Flex
 * Consumption needs (reached with that identity, no account keys), and Application Insights on a
 * Log Analytics workspace.
 *
 * <p>The code package is not deployed by the stack: after {@code pulumi up}, the staged function
 * app folder of {@code adapter-azure} is zip-deployed (docs/infrastructure.md).
 *
 * @param resourceGroup the resource group holding everything here
 * @param app the function app
 * @param host the app's default host name, CloudFront's origin domain
 * @param identity the identity the app reads storage and Key Vault with
 * @param vault the Key Vault holding the origin-verify secret
 * @param appSettings the app settings as declared (name → value)
 */
public record AzureOrigin(
    ResourceGroup resourceGroup,
    WebApp app,
    Output<String> host,
    UserAssignedIdentity identity,
    Vault vault,
    Map<String, Output<String>> appSettings) {

  /** Flex Consumption plan SKU. */
  public static final String SKU_NAME = "FC1";
  /** Flex Consumption plan tier. */
  public static final String SKU_TIER = "FlexConsumption";
  /** Runtime name in {@code functionAppConfig.runtime}. */
  public static final String RUNTIME = "java";
  /** Runtime version in {@code functionAppConfig.runtime}. */
  public static final String RUNTIME_VERSION = "21";
  /** The always-ready group of every HTTP trigger. */
  public static final String HTTP_GROUP = "http";
  /** The deployment package container. */
  public static final String DEPLOYMENT_CONTAINER = "app-package";
  /** The Key Vault secret holding the origin-verify secret. */
  public static final String SECRET_NAME = "origin-verify";

  /** Built-in role: Key Vault Secrets User (read secret values). */
  public static final String ROLE_KEY_VAULT_SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
  /** Built-in role: Storage Blob Data Owner (host storage and deployment container). */
  public static final String ROLE_STORAGE_BLOB_DATA_OWNER = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";

  /**
   * Declares the Azure origin.
   *
   * @param s the stack settings
   * @param tags tags put on every taggable resource
   * @return the declared resources
   */
  public static AzureOrigin create(StackSettings s, Map<String, String> tags) {
    String name = s.name();
    String location = s.azureLocation();
    ResourceGroup group = new ResourceGroup(name + "-rg",
        new ResourceGroup.Args(name, location, tags), null);
    Output<String> rg = group.name();
    // "/subscriptions/<id>/resourceGroups/<name>" -> "/subscriptions/<id>"
    Output<String> subscription = group.id().applyValue(id -> id.replaceFirst("/resourceGroups/.*$", ""));

    Workspace logs = new Workspace(name + "-logs", new Workspace.Args(rg, name + "-logs", location,
        Map.of("name", "PerGB2018"), s.logRetentionDays(), tags), null);
    Component insights = new Component(name + "-insights", new Component.Args(rg, name + "-insights",
        location, "web", "web", logs.id(), "LogAnalytics", tags), null);

    StorageAccount storage = new StorageAccount(name + "-storage", new StorageAccount.Args(rg,
        s.azureStorageAccount(), location, "StorageV2", Map.of("name", "Standard_LRS"),
        false, false, "TLS1_2", true, tags), null);
    BlobContainer container = new BlobContainer(name + "-package",
        new BlobContainer.Args(rg, storage.name(), DEPLOYMENT_CONTAINER, "None"), null);

    UserAssignedIdentity identity = new UserAssignedIdentity(name + "-identity",
        new UserAssignedIdentity.Args(rg, name + "-identity", location, tags), null);

    Map<String, Object> vaultProperties = new LinkedHashMap<>();
    vaultProperties.put("tenantId", identity.tenantId());
    vaultProperties.put("sku", Map.of("family", "A", "name", "standard"));
    vaultProperties.put("enableRbacAuthorization", true);
    vaultProperties.put("enableSoftDelete", true);
    vaultProperties.put("softDeleteRetentionInDays", 7);
    Vault vault = new Vault(name + "-vault",
        new Vault.Args(rg, s.azureKeyVault(), location, vaultProperties, tags), null);
    Secret secret = new Secret(name + "-kv-origin-verify", new Secret.Args(rg, vault.name(),
        SECRET_NAME, Map.of("value", s.originVerifySecret())), null);

    RoleAssignment readSecrets = role(name + "-identity-secrets", s, vault.id(), identity,
        subscription, ROLE_KEY_VAULT_SECRETS_USER);
    RoleAssignment useStorage = role(name + "-identity-storage", s, storage.id(), identity,
        subscription, ROLE_STORAGE_BLOB_DATA_OWNER);

    AppServicePlan plan = new AppServicePlan(name + "-plan", new AppServicePlan.Args(rg,
        name + "-plan", location, "functionapp", Map.of("name", SKU_NAME, "tier", SKU_TIER), true,
        tags), null);

    Map<String, Output<String>> settings = new LinkedHashMap<>(AppSettings.forCloud(s, "azure",
        Output.of(keyVaultReference(s.azureKeyVault()))));
    Map<String, Output<String>> platform = new LinkedHashMap<>();
    platform.put("AzureWebJobsStorage__accountName", storage.name());
    platform.put("AzureWebJobsStorage__credential", Output.of("managedidentity"));
    platform.put("AzureWebJobsStorage__clientId", identity.clientId());
    platform.put("APPLICATIONINSIGHTS_CONNECTION_STRING", insights.connectionString());

    WebApp app = new WebApp(name + "-app", new WebApp.Args(rg, s.azureFunctionAppName(), location,
        "functionapp,linux", plan.id(), true,
        Map.of("type", "UserAssigned", "userAssignedIdentities", List.of(identity.id())),
        identity.id(),
        functionAppConfig(s, storage.name(), identity.id()),
        siteConfig(settings, platform),
        tags),
        CustomResourceOptions.builder()
            .dependsOn(container, secret, readSecrets, useStorage)
            .build());
    return new AzureOrigin(group, app, app.defaultHostName(), identity, vault,
        java.util.Collections.unmodifiableMap(settings));
  }

  /**
   * The app setting value that makes the platform read the secret from Key Vault. Versionless:
   * the platform follows the newest version (it re-reads references within 24 hours and on every
   * configuration change or restart).
   *
   * @param vaultName the vault
   * @return {@code @Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/origin-verify/)}
   */
  public static String keyVaultReference(String vaultName) {
    return "@Microsoft.KeyVault(SecretUri=https://" + vaultName + ".vault.azure.net/secrets/"
        + SECRET_NAME + "/)";
  }

  private static Map<String, Object> functionAppConfig(
      StackSettings s, Output<String> storageAccount, Output<String> identityId) {
    Map<String, Object> authentication = new LinkedHashMap<>();
    authentication.put("type", "UserAssignedIdentity");
    authentication.put("userAssignedIdentityResourceId", identityId);
    Map<String, Object> storage = new LinkedHashMap<>();
    storage.put("type", "blobContainer");
    storage.put("value", storageAccount.applyValue(
        account -> "https://" + account + ".blob.core.windows.net/" + DEPLOYMENT_CONTAINER));
    storage.put("authentication", authentication);
    Map<String, Object> scale = new LinkedHashMap<>();
    scale.put("alwaysReady", List.of(Map.of("name", HTTP_GROUP, "instanceCount", s.azureAlwaysReady())));
    scale.put("instanceMemoryMB", s.azureInstanceMemoryMb());
    scale.put("maximumInstanceCount", s.azureMaximumInstances());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("deployment", Map.of("storage", storage));
    config.put("runtime", Map.of("name", RUNTIME, "version", RUNTIME_VERSION));
    config.put("scaleAndConcurrency", scale);
    return config;
  }

  private static Map<String, Object> siteConfig(
      Map<String, Output<String>> settings, Map<String, Output<String>> platform) {
    List<Map<String, Object>> appSettings = new ArrayList<>();
    for (Map<String, Output<String>> group : List.of(settings, platform)) {
      group.forEach((key, value) -> appSettings.add(Map.of("name", key, "value", value)));
    }
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("appSettings", appSettings);
    site.put("minTlsVersion", "1.2");
    site.put("ftpsState", "Disabled");
    site.put("http20Enabled", true);
    return site;
  }

  private static RoleAssignment role(String resourceName, StackSettings s, Output<String> scope,
      UserAssignedIdentity identity, Output<String> subscription, String roleGuid) {
    // Role assignment names are GUIDs; derived from the stack's names they stay stable across runs.
    String assignment = UUID.nameUUIDFromBytes(
        (s.name() + "/" + resourceName + "/" + roleGuid).getBytes(StandardCharsets.UTF_8)).toString();
    return new RoleAssignment(resourceName, new RoleAssignment.Args(scope, assignment,
        identity.principalId(), "ServicePrincipal",
        subscription.applyValue(sub -> sub + "/providers/Microsoft.Authorization/roleDefinitions/"
            + roleGuid)), null);
  }
}
