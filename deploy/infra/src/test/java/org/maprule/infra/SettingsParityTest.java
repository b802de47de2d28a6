package org.maprule.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maprule.config.ServiceSettings;
import org.maprule.infra.azure.arm.WebApp;

/** Both clouds get the same MAPRULE_* settings, and core's reader reads them as meant. */
class SettingsParityTest {

  private static Map<String, Object> lambdaEnv(StackRun run) {
    return Inputs.map(run.one(com.pulumi.aws.lambda.Function.class).inputs(), "environment", "variables");
  }

  private static Map<String, Object> azureMapruleSettings(StackRun run) {
    Map<String, Object> all = AzureOriginTest.appSettings(run.one(WebApp.class).inputs());
    Map<String, Object> maprule = new HashMap<>();
    all.forEach((k, v) -> {
      if (k.startsWith("MAPRULE_")) {
        maprule.put(k, v);
      }
    });
    return maprule;
  }

  @Test
  void sameNamesAndValuesOnBothCloudsExceptTheCloudAndHowTheSecretArrives() {
    StackRun run = StackRun.of(Map.of("rules", "classpath:jp-rules.json", "rulesFormat", "ocn",
        "ocnCodes", "ocn1,ocn2", "jpneKeys", "isp1", "sharedMaxAge", "600")).ok();
    Map<String, Object> aws = lambdaEnv(run);
    Map<String, Object> azure = azureMapruleSettings(run);
    assertThat(aws.keySet()).isEqualTo(azure.keySet()).containsExactlyInAnyOrderElementsOf(ServiceSettings.VARIABLES);
    for (String name : ServiceSettings.VARIABLES) {
      if (name.equals(ServiceSettings.CLOUD) || name.equals(ServiceSettings.ORIGIN_VERIFY_SECRET)) {
        continue;
      }
      assertThat(azure.get(name)).as(name).isEqualTo(aws.get(name));
    }
    assertThat(aws).containsEntry(ServiceSettings.CLOUD, "aws").containsEntry(ServiceSettings.OCN_CODES, "ocn1,ocn2")
        .containsEntry(ServiceSettings.RULES, "classpath:jp-rules.json")
        .containsEntry(ServiceSettings.RULES_FORMAT, "ocn").containsEntry(ServiceSettings.SHARED_MAX_AGE, "600");
    assertThat(azure).containsEntry(ServiceSettings.CLOUD, "azure");
  }

  @Test
  void blankCodesAndKeysAreLeftOutOnBothClouds() {
    StackRun run = StackRun.defaults().ok();
    assertThat(lambdaEnv(run)).doesNotContainKeys(ServiceSettings.OCN_CODES, ServiceSettings.JPNE_KEYS);
    assertThat(azureMapruleSettings(run)).doesNotContainKeys(ServiceSettings.OCN_CODES, ServiceSettings.JPNE_KEYS);
  }

  @Test
  void coreReadsWhatEachCloudIsGivenAsTheStackMeantIt() {
    StackRun run = StackRun.of(Map.of("rules", "classpath:jp-rules.json", "rulesFormat", "hb46pp",
        "ocnCodes", "ocn2, ocn1", "jpneKeys", "isp1", "sharedMaxAge", "120",
        "originVerifyHeader", "x-edge-key")).ok();
    for (var cloud : Map.of("aws", lambdaEnv(run), "azure", azureMapruleSettings(run)).entrySet()) {
      Map<String, Object> env = new java.util.HashMap<>(cloud.getValue());
      // Azure resolves a Key Vault reference before the app reads it (core refuses an unresolved
      // one); model the resolved value here, the reference itself is asserted in AzureOriginTest.
      env.replaceAll((name, value) -> String.valueOf(value).startsWith("@Microsoft.KeyVault(")
          ? StackRun.SECRET : value);
      ServiceSettings read = ServiceSettings.read(name -> (String) env.get(name), "none", Path.of(""));
      var config = read.config();
      assertThat(read.rules().value()).isEqualTo("classpath:jp-rules.json");
      assertThat(read.format().cliName()).isEqualTo("hb46pp");
      assertThat(config.cloud()).isEqualTo(cloud.getKey());
      assertThat(config.clientAddressHeader()).isEqualTo("cloudfront-viewer-address");
      assertThat(config.originVerifyHeader()).isEqualTo("x-edge-key");
      assertThat(config.ocnCodes()).containsExactlyInAnyOrder("ocn1", "ocn2");
      assertThat(config.jpneKeys()).containsExactly("isp1");
      assertThat(config.sharedMaxAgeSeconds()).isEqualTo(120);
    }
    assertThat(ServiceSettings.read(name -> (String) lambdaEnv(run).get(name), "none", Path.of(""))
        .config().originVerifySecret()).isEqualTo(StackRun.SECRET);
  }

  /**
   * What each cloud is given is exactly what the stack read with core's reader: reading it back
   * gives the stack's {@code app} settings, but for the cloud name and the secret.
   */
  @Test
  void eachCloudReadsBackTheSettingsTheStackCheckedWithCore() {
    Map<String, String> config = Map.of("rules", "classpath:jp-rules.json", "rulesFormat", "OCN",
        "ocnCodes", " ocn2,ocn1,,ocn2 ", "jpneKeys", "isp1", "sharedMaxAge", "0",
        "originVerifyHeader", "x-edge-key");
    StackRun run = StackRun.of(config).ok();
    Map<String, String> withJar = new HashMap<>(config);
    withJar.put("awsJar", "adapter-aws.jar");
    StackSettings stack = StackSettings.load("maprule", "test",
        k -> java.util.Optional.ofNullable(withJar.get(k)),
        com.pulumi.core.Output.of(StackRun.SECRET), Path.of("."));
    for (var cloud : Map.of("aws", lambdaEnv(run), "azure", azureMapruleSettings(run)).entrySet()) {
      Map<String, Object> env = new HashMap<>(cloud.getValue());
      env.remove(ServiceSettings.ORIGIN_VERIFY_SECRET);
      ServiceSettings read = ServiceSettings.read(name -> (String) env.get(name), "none",
          Path.of(""));
      assertThat(read).isEqualTo(new ServiceSettings(stack.app().rules(), stack.app().format(),
          stack.app().config().withCloud(cloud.getKey())));
      assertThat(env).containsEntry(ServiceSettings.RULES_FORMAT, "ocn")
          .containsEntry(ServiceSettings.OCN_CODES, "ocn1,ocn2");
    }
  }
}
