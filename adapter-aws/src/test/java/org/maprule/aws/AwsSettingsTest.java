package org.maprule.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
 * What is AWS's own in the settings: the default cloud name and the task root as the base of a
 * relative rules path. The {@code MAPRULE_*} parsing itself is core's ({@code ServiceSettingsTest}).
 */
class AwsSettingsTest {
  private static final ClassLoader LOADER = AwsSettingsTest.class.getClassLoader();

  @Test
  void anEmptyEnvironmentServesTheExampleAsAws() {
    ServiceSettings s = AwsSettings.read(Map.<String, String>of()::get);
    assertThat(s.rules()).isEqualTo(RulesSource.builtinExample());
    assertThat(s.config()).isEqualTo(ServiceConfig.defaults().withCloud("aws"));
    assertThat(AwsSettings.read(Map.of("MAPRULE_CLOUD", "aws-tokyo")::get).config().cloud())
        .isEqualTo("aws-tokyo");
  }

  @Test
  void aRelativeRulesPathIsInTheTaskRoot(@TempDir Path taskRoot) throws IOException {
    Files.writeString(taskRoot.resolve("rules.json"), "{\"x\":1}", StandardCharsets.UTF_8);
    ServiceSettings s = AwsSettings.read(
        Map.of("MAPRULE_RULES", "rules.json", "LAMBDA_TASK_ROOT", taskRoot.toString())::get);
    assertThat(s.rules().file()).isEqualTo(taskRoot.resolve("rules.json"));
    assertThat(s.readRules(LOADER)).isEqualTo("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(AwsSettings.read(Map.of("MAPRULE_RULES", "rules.json")::get).rules().file())
        .as("no task root: the working directory, which Lambda makes the task root")
        .isEqualTo(Path.of("rules.json"));
  }

  @Test
  void aBundledResource() {
    assertThat(AwsSettings.read(Map.of("MAPRULE_RULES", "classpath:/events/rest-api-v1.json")::get)
        .readRules(LOADER)).startsWith("{".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusedValuesAreThrownNamingTheVariable() {
    assertThatThrownBy(() -> AwsSettings.read(Map.of("MAPRULE_RULES_FORMAT", "yaml")::get))
        .isInstanceOf(MapruleException.class)
        .hasMessageContaining("MAPRULE_RULES_FORMAT").hasMessageContaining("yaml");
  }

  /** docs/aws.md's table lists exactly the variables core reads, with the AWS default cloud. */
  @Test
  void theDocumentedVariablesAreTheOnesRead() throws IOException {
    String doc = Files.readString(Path.of("../docs/aws.md"), StandardCharsets.UTF_8);
    assertThat(tableVariables(doc)).containsExactlyElementsOf(ServiceSettings.VARIABLES);
    assertThat(doc).contains("| `MAPRULE_CLOUD` | the cloud name reported on `/health` | `aws` |");
  }

  static List<String> tableVariables(String markdown) {
    Matcher m = Pattern.compile("(?m)^\\| `(MAPRULE_[A-Z_]+)` \\|").matcher(markdown);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
