package org.maprule.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.MapruleException;
import org.maprule.config.RulesSource;
import org.maprule.config.ServiceSettings;
import org.maprule.http.ServiceConfig;

/**
 * What is Azure's own in the settings: the default cloud name and the function app root as the
 * base of a relative rules path. The {@code MAPRULE_*} parsing itself is core's
 * ({@code ServiceSettingsTest}).
 */
class AzureSettingsTest {

  private static final ClassLoader LOADER = AzureSettingsTest.class.getClassLoader();

  @Test
  void defaults() {
    ServiceSettings s = AzureSettings.read(Map.<String, String>of()::get);
    assertThat(s.rules()).isEqualTo(RulesSource.builtinExample());
    assertThat(s.config()).isEqualTo(ServiceConfig.defaults().withCloud("azure"));
    assertThat(AzureSettings.read(Map.of("MAPRULE_CLOUD", "azure-japaneast")::get).config().cloud())
        .isEqualTo("azure-japaneast");
  }

  @Test
  void aResourceInTheDeployedJars() {
    ServiceSettings s = AzureSettings.read(Map.of(
        "MAPRULE_RULES", "classpath:org/maprule/azure/settings-rules.json",
        "MAPRULE_RULES_FORMAT", "OCN")::get);
    assertThat(new String(s.readRules(LOADER), StandardCharsets.UTF_8))
        .isEqualTo("{\"basicMapRules\":[]}\n");
  }

  @Test
  void relativeFilePathIsResolvedAgainstTheFunctionAppRoot(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("rules"));
    Files.writeString(root.resolve("rules/jp.json"), "{\"ttl\":1}");
    ServiceSettings s = AzureSettings.read(Map.of(
        "MAPRULE_RULES", "rules/jp.json", "AzureWebJobsScriptRoot", root.toString())::get);
    assertThat(s.readRules(LOADER)).isEqualTo("{\"ttl\":1}".getBytes(StandardCharsets.UTF_8));

    ServiceSettings absolute = AzureSettings.read(Map.of(
        "MAPRULE_RULES", root.resolve("rules/jp.json").toString(),
        "AzureWebJobsScriptRoot", "/elsewhere")::get);
    assertThat(absolute.readRules(LOADER)).isEqualTo(s.readRules(LOADER));

    assertThat(AzureSettings.read(Map.of("MAPRULE_RULES", "rules/jp.json",
        "AzureWebJobsScriptRoot", " ")::get).rules().file())
        .as("no app root: the working directory").isEqualTo(Path.of("rules/jp.json"));
  }

  @Test
  void missingRulesNameTheSettingAndTheAppRoot(@TempDir Path root) {
    ServiceSettings file = AzureSettings.read(Map.of(
        "MAPRULE_RULES", "absent.json", "AzureWebJobsScriptRoot", root.toString())::get);
    assertThatThrownBy(() -> file.readRules(LOADER))
        .isInstanceOf(MapruleException.class)
        .hasMessageContaining("MAPRULE_RULES").hasMessageContaining("absent.json")
        .hasMessageContaining(root.toString());
  }

  /** docs/azure.md's table lists exactly the settings core reads, with the Azure default cloud. */
  @Test
  void theDocumentedSettingsAreTheOnesRead() throws Exception {
    String doc = Files.readString(Path.of("../docs/azure.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^\\| `(MAPRULE_[A-Z_]+)` \\|").matcher(doc);
    List<String> documented = new ArrayList<>();
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(documented).containsExactlyElementsOf(ServiceSettings.VARIABLES);
    assertThat(doc).contains("| `MAPRULE_CLOUD` | the cloud name on `/health` | `azure` |");
  }
}
