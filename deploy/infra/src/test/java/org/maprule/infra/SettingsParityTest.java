package org.maprule.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maprule.infra.azure.arm.WebApp;

/** Both clouds get the same MAPRULE_* settings, named as the adapters read them. */
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
        "ocnCodes", "ocn1,ocn2", "sharedMaxAge", "600")).ok();
    Map<String, Object> aws = lambdaEnv(run);
    Map<String, Object> azure = azureMapruleSettings(run);
    assertThat(aws.keySet()).isEqualTo(azure.keySet()).containsExactlyInAnyOrderElementsOf(AppSettings.NAMES);
    for (String name : AppSettings.NAMES) {
      if (name.equals(AppSettings.CLOUD) || name.equals(AppSettings.ORIGIN_VERIFY_SECRET)) {
        continue;
      }
      assertThat(azure.get(name)).as(name).isEqualTo(aws.get(name));
    }
    assertThat(aws).containsEntry(AppSettings.CLOUD, "aws").containsEntry(AppSettings.OCN_CODES, "ocn1,ocn2")
        .containsEntry(AppSettings.RULES, "classpath:jp-rules.json")
        .containsEntry(AppSettings.RULES_FORMAT, "ocn").containsEntry(AppSettings.SHARED_MAX_AGE, "600");
    assertThat(azure).containsEntry(AppSettings.CLOUD, "azure");
  }

  @Test
  void blankOcnCodesAreLeftOutOnBothClouds() {
    StackRun run = StackRun.defaults().ok();
    assertThat(lambdaEnv(run)).doesNotContainKey(AppSettings.OCN_CODES);
    assertThat(azureMapruleSettings(run)).doesNotContainKey(AppSettings.OCN_CODES);
  }

  /** Every MAPRULE_ name an adapter's settings class reads, from its source. */
  private static Set<String> namesReadBy(Path source) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\"(MAPRULE_[A-Z_]+)\"").matcher(Files.readString(source));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "../../adapter-aws/src/main/java/org/maprule/aws/AwsSettings.java",
      "../../adapter-azure/src/main/java/org/maprule/azure/AzureSettings.java"})
  void theAdaptersReadExactlyTheseNames(String path) throws IOException {
    Path source = Path.of(path);
    assumeTrue(Files.isRegularFile(source), "adapter source not in this checkout: " + source);
    assertThat(namesReadBy(source)).containsExactlyInAnyOrderElementsOf(AppSettings.NAMES);
  }
}
