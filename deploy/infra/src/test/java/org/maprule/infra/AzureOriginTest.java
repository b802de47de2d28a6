package org.maprule.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maprule.infra.Inputs.at;
import static org.maprule.infra.Inputs.map;
import static org.maprule.infra.Inputs.maps;
import static org.maprule.infra.Inputs.num;
import static org.maprule.infra.Inputs.str;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maprule.config.ServiceSettings;
import org.maprule.infra.StackRun.Registered;
import org.maprule.infra.azure.AzureOrigin;
import org.maprule.infra.azure.arm.AppServicePlan;
import org.maprule.infra.azure.arm.AzureNative;
import org.maprule.infra.azure.arm.BlobContainer;
import org.maprule.infra.azure.arm.Component;
import org.maprule.infra.azure.arm.RoleAssignment;
import org.maprule.infra.azure.arm.Secret;
import org.maprule.infra.azure.arm.StorageAccount;
import org.maprule.infra.azure.arm.UserAssignedIdentity;
import org.maprule.infra.azure.arm.Vault;
import org.maprule.infra.azure.arm.WebApp;
import org.maprule.infra.azure.arm.Workspace;

/** The Azure origin as the engine receives it, under Pulumi's mocks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureOriginTest {

  private StackRun run;

  @BeforeAll
  void runStack() {
    run = StackRun.defaults().ok();
  }

  private Map<String, Object> app() {
    return run.one(WebApp.class).inputs();
  }

  private String idOf(Class<? extends com.pulumi.resources.Resource> type) {
    Registered r = run.one(type);
    return StackRun.value(((com.pulumi.resources.CustomResource) resource(r)).id());
  }

  private com.pulumi.resources.Resource resource(Registered r) {
    return run.result.resources().stream()
        .filter(x -> x.pulumiResourceName().equals(r.name()) && x.pulumiResourceType().equals(r.type()))
        .findFirst().orElseThrow();
  }

  /** App settings as name → value, in order. */
  static Map<String, Object> appSettings(Map<String, Object> app) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Map<String, Object> pair : maps(app, "siteConfig", "appSettings")) {
      assertThat(settings.put((String) pair.get("name"), pair.get("value"))).as("duplicate").isNull();
    }
    return settings;
  }

  @Test
  void flexConsumptionPlanOnLinux() {
    Map<String, Object> plan = run.one(AppServicePlan.class).inputs();
    assertThat(map(plan, "sku")).containsEntry("name", "FC1").containsEntry("tier", "FlexConsumption");
    assertThat(at(plan, "reserved")).isEqualTo(true);
    assertThat(str(plan, "kind")).isEqualTo("functionapp");
    assertThat(str(app(), "serverFarmId")).isEqualTo(idOf(AppServicePlan.class));
    assertThat(str(app(), "kind")).isEqualTo("functionapp,linux");
  }

  @Test
  void java21WithAlwaysReadyHttpInstancesAndInstanceMemory() {
    Map<String, Object> config = map(app(), "functionAppConfig");
    assertThat(map(config, "runtime")).containsEntry("name", "java").containsEntry("version", "21");
    Map<String, Object> scale = map(config, "scaleAndConcurrency");
    List<Map<String, Object>> alwaysReady = maps(scale, "alwaysReady");
    assertThat(alwaysReady).singleElement().satisfies(group -> {
      assertThat(group).containsEntry("name", "http");
      assertThat(Inputs.toInt(group.get("instanceCount"))).isEqualTo(2);
    });
    assertThat(num(scale, "instanceMemoryMB")).isEqualTo(2048);
    assertThat(num(scale, "maximumInstanceCount")).isEqualTo(100);
  }

  @Test
  void alwaysReadyAndMemoryFollowTheConfiguration() {
    StackRun tuned = StackRun.of(Map.of("azureAlwaysReady", "5", "azureInstanceMemoryMb", "4096")).ok();
    Map<String, Object> scale = map(tuned.one(WebApp.class).inputs(), "functionAppConfig", "scaleAndConcurrency");
    assertThat(Inputs.toInt(maps(scale, "alwaysReady").get(0).get("instanceCount"))).isEqualTo(5);
    assertThat(num(scale, "instanceMemoryMB")).isEqualTo(4096);
  }

  @Test
  void deploymentPackageContainerIsReachedWithTheManagedIdentity() {
    Map<String, Object> storage = map(app(), "functionAppConfig", "deployment", "storage");
    Map<String, Object> account = run.one(StorageAccount.class).inputs();
    Map<String, Object> container = run.one(BlobContainer.class).inputs();
    assertThat(str(storage, "type")).isEqualTo("blobContainer");
    assertThat(str(storage, "value")).isEqualTo("https://" + str(account, "accountName")
        + ".blob.core.windows.net/" + str(container, "containerName"));
    assertThat(map(storage, "authentication"))
        .containsEntry("type", "UserAssignedIdentity")
        .containsEntry("userAssignedIdentityResourceId", idOf(UserAssignedIdentity.class));
    assertThat(str(container, "publicAccess")).isEqualTo("None");
    assertThat(at(account, "allowSharedKeyAccess")).isEqualTo(false);
    assertThat(at(account, "allowBlobPublicAccess")).isEqualTo(false);
    assertThat(str(account, "minimumTlsVersion")).isEqualTo("TLS1_2");
  }

  @Test
  void hostStorageUsesTheIdentityNotAKey() {
    Map<String, Object> settings = appSettings(app());
    assertThat(settings)
        .containsEntry("AzureWebJobsStorage__accountName", str(run.one(StorageAccount.class).inputs(), "accountName"))
        .containsEntry("AzureWebJobsStorage__credential", "managedidentity")
        .containsEntry("AzureWebJobsStorage__clientId", "11111111-1111-1111-1111-111111111111")
        .doesNotContainKey("AzureWebJobsStorage");
    // Flex Consumption rejects the settings its functionAppConfig replaces.
    assertThat(settings).doesNotContainKeys("FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING");
  }

  @Test
  void theSecretIsAKeyVaultReferenceResolvedWithTheUserAssignedIdentity() {
    Map<String, Object> settings = appSettings(app());
    String vault = str(run.one(Vault.class).inputs(), "vaultName");
    Map<String, Object> secret = run.one(Secret.class).inputs();
    assertThat(settings).containsEntry(ServiceSettings.ORIGIN_VERIFY_SECRET,
        "@Microsoft.KeyVault(SecretUri=https://" + vault + ".vault.azure.net/secrets/"
            + str(secret, "secretName") + "/)");
    assertThat(settings.values()).doesNotContain(StackRun.SECRET);
    assertThat(str(secret, "vaultName")).isEqualTo(vault);
    assertThat(map(secret, "properties")).containsEntry("value", StackRun.SECRET);

    String identity = idOf(UserAssignedIdentity.class);
    assertThat(map(app(), "identity")).containsEntry("type", "UserAssigned")
        .containsEntry("userAssignedIdentities", List.of(identity));
    assertThat(str(app(), "keyVaultReferenceIdentity")).isEqualTo(identity);
  }

  @Test
  void vaultUsesRbacAndTheIdentityMayReadSecretsAndUseStorage() {
    Map<String, Object> vault = map(run.one(Vault.class).inputs(), "properties");
    assertThat(vault).containsEntry("enableRbacAuthorization", true)
        .containsEntry("tenantId", "33333333-3333-3333-3333-333333333333");
    List<Map<String, Object>> roles = run.all(RoleAssignment.class).stream().map(Registered::inputs).toList();
    assertThat(roles).hasSize(2).allSatisfy(r -> assertThat(r)
        .containsEntry("principalId", "22222222-2222-2222-2222-222222222222")
        .containsEntry("principalType", "ServicePrincipal"));
    String prefix = StackRun.SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/";
    assertThat(roles).anySatisfy(r -> assertThat(r)
        .containsEntry("scope", idOf(Vault.class))
        .containsEntry("roleDefinitionId", prefix + AzureOrigin.ROLE_KEY_VAULT_SECRETS_USER));
    assertThat(roles).anySatisfy(r -> assertThat(r)
        .containsEntry("scope", idOf(StorageAccount.class))
        .containsEntry("roleDefinitionId", prefix + AzureOrigin.ROLE_STORAGE_BLOB_DATA_OWNER));
    assertThat(roles).extracting(r -> r.get("roleAssignmentName")).doesNotHaveDuplicates()
        .allSatisfy(n -> assertThat(java.util.UUID.fromString((String) n)).isNotNull());
  }

  @Test
  void theAppStartsOnlyAfterItsRolesSecretAndContainerExist() {
    List<com.pulumi.resources.Resource> deps =
        StackRun.value(run.one(WebApp.class).options().getDependsOn());
    assertThat(deps).extracting(com.pulumi.resources.Resource::pulumiResourceType)
        .contains(RoleAssignment.TYPE, Secret.TYPE, BlobContainer.TYPE);
    assertThat(deps.stream().filter(d -> d.pulumiResourceType().equals(RoleAssignment.TYPE))).hasSize(2);
  }

  @Test
  void monitoringIsWorkspaceBasedApplicationInsights() {
    Map<String, Object> component = run.one(Component.class).inputs();
    assertThat(str(component, "workspaceResourceId")).isEqualTo(idOf(Workspace.class));
    assertThat(str(component, "ingestionMode")).isEqualTo("LogAnalytics");
    assertThat(num(run.one(Workspace.class).inputs(), "retentionInDays")).isEqualTo(30);
    assertThat(appSettings(app())).containsEntry("APPLICATIONINSIGHTS_CONNECTION_STRING",
        "InstrumentationKey=44444444-4444-4444-4444-444444444444");
  }

  @Test
  void httpsOnlyAndModernTls() {
    assertThat(at(app(), "httpsOnly")).isEqualTo(true);
    assertThat(map(app(), "siteConfig")).containsEntry("minTlsVersion", "1.2")
        .containsEntry("ftpsState", "Disabled");
  }

  @Test
  void everyAzureResourcePinsTheProviderVersionTheJarAnnounces() throws IOException {
    List<Registered> azure = run.byName.values().stream()
        .filter(r -> r.type().startsWith("azure-native:")).toList();
    assertThat(azure).hasSize(12);
    assertThat(azure).allSatisfy(r ->
        assertThat(r.options().getVersion()).as(r.name()).contains(AzureNative.VERSION));
    try (InputStream in = AzureNative.class.getResourceAsStream("/com/pulumi/azurenative/plugin.json")) {
      assertThat(in).as("plugin.json on the class path").isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"name\": \"azure-native\"")
          .contains("\"version\": \"" + AzureNative.VERSION + "\"").contains("\"resource\": true");
    }
  }

  @Test
  void theOriginHostIsTheAppsDefaultHostName() {
    String app = str(app(), "name");
    assertThat(StackRun.value(run.stack.get().azure().host())).isEqualTo(app + ".azurewebsites.net");
  }
}
