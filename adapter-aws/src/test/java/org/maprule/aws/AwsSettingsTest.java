package org.maprule.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maprule.aws.runtime.AwsEnvironment;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.ServiceConfig;

class AwsSettingsTest {

  @Test
  void emptyEnvironmentMeansTheExampleOnAws() {
    AwsSettings s = AwsSettings.fromEnvironment(Map.of());
    assertThat(s.rulesSource()).isEqualTo("builtin:example");
    assertThat(s.format()).isEqualTo(RuleSetFormat.NATIVE);
    assertThat(s.config()).isEqualTo(ServiceConfig.defaults().withCloud("aws"));
    assertThat(s.readRules(getClass().getClassLoader())).isEqualTo(RuleSetLoader.exampleBytes());
  }

  @Test
  void everyVariable() {
    AwsSettings s = AwsSettings.fromEnvironment(Map.of(
        "MAPRULE_RULES", " classpath:rules/x.json ",
        "MAPRULE_RULES_FORMAT", "OCN",
        "MAPRULE_CLIENT_ADDRESS_HEADER", "CloudFront-Viewer-Address",
        "MAPRULE_ORIGIN_VERIFY_HEADER", "X-Secret",
        "MAPRULE_ORIGIN_VERIFY_SECRET", "s3cr3t",
        "MAPRULE_OCN_CODES", " a, b ,,c ",
        "MAPRULE_CLOUD", "aws-tokyo",
        "MAPRULE_SHARED_MAX_AGE", "60"));
    assertThat(s.rulesSource()).isEqualTo("classpath:rules/x.json");
    assertThat(s.format()).isEqualTo(RuleSetFormat.OCN);
    assertThat(s.config()).isEqualTo(new ServiceConfig(Set.of("a", "b", "c"),
        "cloudfront-viewer-address", "x-secret", "s3cr3t", "aws-tokyo", 60));
  }

  @Test
  void blankValuesCountAsAbsent() {
    Map<String, String> env = new HashMap<>();
    for (String v : new String[] {"MAPRULE_RULES", "MAPRULE_RULES_FORMAT", "MAPRULE_CLIENT_ADDRESS_HEADER",
        "MAPRULE_ORIGIN_VERIFY_HEADER", "MAPRULE_ORIGIN_VERIFY_SECRET", "MAPRULE_OCN_CODES",
        "MAPRULE_CLOUD", "MAPRULE_SHARED_MAX_AGE"}) {
      env.put(v, "  ");
    }
    assertThat(AwsSettings.fromEnvironment(env)).isEqualTo(AwsSettings.fromEnvironment(Map.of()));
  }

  /** What a deployment sets for a config reads back as that config. */
  @Test
  void environmentRoundTrip() {
    ServiceConfig config = ServiceConfig.defaults().withCloud("contract")
        .withClientAddressHeader("cloudfront-viewer-address").withOriginVerify("x-origin-verify", "k")
        .withOcnCodes(Set.of("c1", "c2"));
    AwsSettings s = AwsSettings.fromEnvironment(AwsEnvironment.of(config, "/tmp/r.json", RuleSetFormat.HB46PP));
    assertThat(s.config()).isEqualTo(config);
    assertThat(s.format()).isEqualTo(RuleSetFormat.HB46PP);
    assertThat(s.rulesSource()).isEqualTo("/tmp/r.json");
  }

  @ParameterizedTest
  @CsvSource({
      "MAPRULE_RULES_FORMAT, yaml",
      "MAPRULE_SHARED_MAX_AGE, -1",
      "MAPRULE_SHARED_MAX_AGE, 31536001",
      "MAPRULE_SHARED_MAX_AGE, 5m",
  })
  void misunderstoodValuesNameTheVariable(String variable, String value) {
    assertThatThrownBy(() -> AwsSettings.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable).hasMessageContaining(value);
  }

  @Test
  void rulesFromAFileOrTheClasspath(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("rules.json");
    Files.writeString(f, "{\"x\":1}", StandardCharsets.UTF_8);
    assertThat(AwsSettings.fromEnvironment(Map.of("MAPRULE_RULES", f.toString()))
        .readRules(getClass().getClassLoader())).isEqualTo("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(AwsSettings.fromEnvironment(Map.of("MAPRULE_RULES", "classpath:/events/rest-api-v1.json"))
        .readRules(getClass().getClassLoader())).startsWith("{".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource({"classpath:no/such.json", "/no/such/file.json"})
  void unreadableRulesNameTheVariable(String source) {
    AwsSettings s = AwsSettings.fromEnvironment(Map.of("MAPRULE_RULES", source));
    assertThatThrownBy(() -> s.readRules(getClass().getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAPRULE_RULES").hasMessageContaining(source);
  }
}
