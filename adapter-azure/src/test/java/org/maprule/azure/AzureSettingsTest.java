package org.maprule.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.ServiceConfig;

class AzureSettingsTest {

  private static final ClassLoader LOADER = AzureSettingsTest.class.getClassLoader();

  @Test
  void defaults() {
    AzureSettings s = AzureSettings.fromEnvironment(Map.of());
    assertThat(s.rulesSource()).isEqualTo("builtin:example");
    assertThat(s.format()).isEqualTo(RuleSetFormat.NATIVE);
    assertThat(s.appRoot()).isEqualTo(Path.of("."));
    assertThat(s.config()).isEqualTo(ServiceConfig.defaults().withCloud("azure"));
    assertThat(s.readRules(LOADER)).isEqualTo(RuleSetLoader.exampleBytes());
  }

  @Test
  void everySetting() {
    Map<String, String> env = Map.of(
        "MAPRULE_RULES", "classpath:org/maprule/azure/settings-rules.json",
        "MAPRULE_RULES_FORMAT", "OCN",
        "MAPRULE_CLIENT_ADDRESS_HEADER", "X-Azure-ClientIP",
        "MAPRULE_ORIGIN_VERIFY_HEADER", "X-FD-Secret",
        "MAPRULE_ORIGIN_VERIFY_SECRET", " s3cret ",
        "MAPRULE_OCN_CODES", "abc, def,,ghi ",
        "MAPRULE_CLOUD", "azure-japaneast",
        "MAPRULE_SHARED_MAX_AGE", "60");

    AzureSettings s = AzureSettings.fromEnvironment(env);

    assertThat(s.format()).isEqualTo(RuleSetFormat.OCN);
    assertThat(s.config()).isEqualTo(new ServiceConfig(Set.of("abc", "def", "ghi"),
        "x-azure-clientip", "x-fd-secret", "s3cret", "azure-japaneast", 60));
    assertThat(new String(s.readRules(LOADER), StandardCharsets.UTF_8))
        .isEqualTo("{\"basicMapRules\":[]}\n");
  }

  @Test
  void blankValuesCountAsAbsent() {
    Map<String, String> env = new HashMap<>();
    for (String name : new String[] {"MAPRULE_RULES", "MAPRULE_RULES_FORMAT",
        "MAPRULE_CLIENT_ADDRESS_HEADER", "MAPRULE_ORIGIN_VERIFY_HEADER",
        "MAPRULE_ORIGIN_VERIFY_SECRET", "MAPRULE_OCN_CODES", "MAPRULE_CLOUD",
        "MAPRULE_SHARED_MAX_AGE", "AzureWebJobsScriptRoot"}) {
      env.put(name, "  ");
    }
    assertThat(AzureSettings.fromEnvironment(env)).isEqualTo(AzureSettings.fromEnvironment(Map.of()));
  }

  @Test
  void relativeFilePathIsResolvedAgainstTheFunctionAppRoot(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("rules"));
    Files.writeString(root.resolve("rules/jp.json"), "{\"ttl\":1}");
    AzureSettings s = AzureSettings.fromEnvironment(Map.of(
        "MAPRULE_RULES", "rules/jp.json", "AzureWebJobsScriptRoot", root.toString()));
    assertThat(s.readRules(LOADER)).isEqualTo("{\"ttl\":1}".getBytes(StandardCharsets.UTF_8));

    AzureSettings absolute = AzureSettings.fromEnvironment(Map.of(
        "MAPRULE_RULES", root.resolve("rules/jp.json").toString()));
    assertThat(absolute.readRules(LOADER)).isEqualTo(s.readRules(LOADER));
  }

  @Test
  void unknownFormatNamesTheSetting() {
    assertThatThrownBy(() -> AzureSettings.fromEnvironment(Map.of("MAPRULE_RULES_FORMAT", "yaml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAPRULE_RULES_FORMAT").hasMessageContaining("yaml");
  }

  @Test
  void maxAgeMustBeSecondsInRange() {
    for (String bad : new String[] {"-1", "31536001", "5m", "1.5"}) {
      assertThatThrownBy(() -> AzureSettings.fromEnvironment(Map.of("MAPRULE_SHARED_MAX_AGE", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MAPRULE_SHARED_MAX_AGE").hasMessageContaining(bad);
    }
    assertThat(AzureSettings.fromEnvironment(Map.of("MAPRULE_SHARED_MAX_AGE", "0"))
        .config().sharedMaxAgeSeconds()).isZero();
    assertThat(AzureSettings.fromEnvironment(Map.of("MAPRULE_SHARED_MAX_AGE", "31536000"))
        .config().sharedMaxAgeSeconds()).isEqualTo(31_536_000);
  }

  @Test
  void missingRulesNameTheSetting(@TempDir Path root) {
    AzureSettings file = AzureSettings.fromEnvironment(Map.of(
        "MAPRULE_RULES", "absent.json", "AzureWebJobsScriptRoot", root.toString()));
    assertThatThrownBy(() -> file.readRules(LOADER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAPRULE_RULES").hasMessageContaining("absent.json");

    AzureSettings resource = AzureSettings.fromEnvironment(Map.of(
        "MAPRULE_RULES", "classpath:no/such.json"));
    assertThatThrownBy(() -> resource.readRules(LOADER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAPRULE_RULES").hasMessageContaining("classpath:no/such.json");
  }
}
