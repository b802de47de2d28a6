package org.maprule.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.ServiceConfig;

class ServiceSettingsTest {
  private static final Path BASE = Path.of("/srv/app");
  private static final ClassLoader LOADER = ServiceSettingsTest.class.getClassLoader();

  private static ServiceSettings read(Map<String, String> env) {
    return ServiceSettings.read(env::get, "somecloud", BASE);
  }

  @Test
  void anEmptyEnvironmentServesTheExampleWithTheCallersCloud() {
    ServiceSettings s = read(Map.of());
    assertThat(s.rules()).isEqualTo(RulesSource.builtinExample());
    assertThat(s.format()).isEqualTo(RuleSetFormat.NATIVE);
    assertThat(s.config()).isEqualTo(ServiceConfig.defaults().withCloud("somecloud"));
    assertThat(s.readRules(LOADER)).isEqualTo(RuleSetLoader.exampleBytes());
    assertThat(s.service(LOADER).isServing()).isTrue();
  }

  @Test
  void everyVariableStrippedAndHeaderNamesLowerCased() {
    ServiceSettings s = read(Map.of(
        "MAPRULE_RULES", " rules/jp.json ",
        "MAPRULE_RULES_FORMAT", "OCN",
        "MAPRULE_CLIENT_ADDRESS_HEADER", "CloudFront-Viewer-Address",
        "MAPRULE_ORIGIN_VERIFY_HEADER", "X-Secret",
        "MAPRULE_ORIGIN_VERIFY_SECRET", " s3cr3t ",
        "MAPRULE_OCN_CODES", " a, b ,,c ",
        "MAPRULE_JPNE_KEYS", "k1,, k2 ,k1",
        "MAPRULE_CLOUD", "aws-tokyo",
        "MAPRULE_SHARED_MAX_AGE", "60"));
    assertThat(s.rules().value()).isEqualTo("rules/jp.json");
    assertThat(s.rules().file()).isEqualTo(BASE.resolve("rules/jp.json"));
    assertThat(s.format()).isEqualTo(RuleSetFormat.OCN);
    assertThat(s.config()).isEqualTo(new ServiceConfig(Set.of("a", "b", "c"),
        "cloudfront-viewer-address", "x-secret", "s3cr3t", "aws-tokyo", 60, Set.of("k1", "k2")));
  }

  @Test
  void ocnCodesAndJpneKeysAreSeparate() {
    ServiceConfig c = read(Map.of("MAPRULE_OCN_CODES", "c")).config();
    assertThat(c.ocnCodes()).containsExactly("c");
    assertThat(c.jpneKeys()).isEmpty();
    ServiceConfig k = read(Map.of("MAPRULE_JPNE_KEYS", "k")).config();
    assertThat(k.ocnCodes()).isEmpty();
    assertThat(k.jpneKeys()).containsExactly("k");
  }

  @Test
  void aJpneKeyWithASlashIsRefusedWithoutEchoingTheKeys() {
    assertThatThrownBy(() -> read(Map.of("MAPRULE_JPNE_KEYS", "good,bad/key")))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.field()).isEqualTo("MAPRULE_JPNE_KEYS");
          assertThat(e.value()).isNull();
        })
        .hasMessageContaining("MAPRULE_JPNE_KEYS").hasMessageNotContaining("bad/key");
  }

  @Test
  void blankValuesCountAsAbsent() {
    Map<String, String> env = new HashMap<>();
    for (String v : ServiceSettings.VARIABLES) {
      env.put(v, " \t ");
    }
    assertThat(read(env)).isEqualTo(read(Map.of()));
    env.replaceAll((k, v) -> "");
    assertThat(read(env)).isEqualTo(read(Map.of()));
  }

  @Test
  void onlyTheMapruleVariablesAreRead() {
    List<String> asked = new ArrayList<>();
    ServiceSettings.read(name -> {
      asked.add(name);
      return null;
    }, "x", BASE);
    assertThat(asked).containsExactlyInAnyOrderElementsOf(ServiceSettings.VARIABLES);
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0",
      "300, 300",
      "0060, 60",
      "31536000, 31536000",
  })
  void maxAgeInRange(String text, int seconds) {
    assertThat(read(Map.of("MAPRULE_SHARED_MAX_AGE", text)).config().sharedMaxAgeSeconds())
        .isEqualTo(seconds);
  }

  /** Refused values: variable, value, why. Each names the variable and the value. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      MAPRULE_RULES_FORMAT          | yaml                  | not one of the three formats
      MAPRULE_RULES_FORMAT          | native,ocn            | one format, not a list
      MAPRULE_SHARED_MAX_AGE        | -1                    | negative
      MAPRULE_SHARED_MAX_AGE        | 31536001              | more than a year
      MAPRULE_SHARED_MAX_AGE        | 99999999999           | would overflow an int
      MAPRULE_SHARED_MAX_AGE        | 5m                    | units are not understood
      MAPRULE_SHARED_MAX_AGE        | 1.5                   | whole seconds only
      MAPRULE_SHARED_MAX_AGE        | +60                   | a sign is not a digit
      MAPRULE_CLIENT_ADDRESS_HEADER | cloudfront viewer     | a space cannot be in a header name
      MAPRULE_CLIENT_ADDRESS_HEADER | x-client:             | a colon ends a header name
      MAPRULE_ORIGIN_VERIFY_HEADER  | x-origin-verify: k    | the secret belongs in its own variable
      MAPRULE_RULES                 | builtin:jp            | the only built-in set is builtin:example
      MAPRULE_RULES                 | classpath:            | no resource named
      MAPRULE_RULES                 | classpath:/           | no resource named
      """)
  void refusedValuesNameTheVariableAndTheValue(String variable, String value, String why) {
    assertThatThrownBy(() -> read(Map.of(variable, value)))
        .as(why)
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
          assertThat(e.field()).isEqualTo(variable);
          assertThat(e.value()).isEqualTo(value);
        })
        .hasMessageContaining(variable).hasMessageContaining("'" + value + "'");
  }

  @Test
  void theFirstRefusedVariableIsReported() {
    assertThatThrownBy(() -> read(Map.of("MAPRULE_SHARED_MAX_AGE", "x", "MAPRULE_RULES_FORMAT", "y")))
        .isInstanceOfSatisfying(MapruleException.class,
            e -> assertThat(e.field()).isEqualTo("MAPRULE_RULES_FORMAT"));
  }

  @Test
  void theSecretIsNeverEchoedInAnError() {
    assertThatThrownBy(() -> read(Map.of("MAPRULE_ORIGIN_VERIFY_SECRET", "hunter2",
        "MAPRULE_SHARED_MAX_AGE", "never")))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aMissingRulesFileIsFoundWhenTheRulesAreRead() {
    ServiceSettings s = read(Map.of("MAPRULE_RULES", "absent.json"));
    assertThatThrownBy(() -> s.readRules(LOADER))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.field()).isEqualTo("MAPRULE_RULES");
          assertThat(e.value()).isEqualTo("absent.json");
        })
        .hasMessageContaining("MAPRULE_RULES").hasMessageContaining("absent.json")
        .hasMessageContaining(BASE.resolve("absent.json").toString());
    assertThatThrownBy(() -> s.service(LOADER)).isInstanceOf(MapruleException.class);
  }

  @Test
  void aDirectoryVariableOrTheWorkingDirectory() {
    assertThat(ServiceSettings.directory(Map.of("ROOT", " /var/task ")::get, "ROOT"))
        .isEqualTo(Path.of("/var/task"));
    assertThat(ServiceSettings.directory(Map.of("ROOT", "  ")::get, "ROOT")).isEqualTo(Path.of(""));
    assertThat(ServiceSettings.directory(Map.<String, String>of()::get, "ROOT"))
        .isEqualTo(Path.of(""));
    assertThatThrownBy(() -> ServiceSettings.directory(Map.of("ROOT", "a\0b")::get, "ROOT"))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.field()).isEqualTo("ROOT");
          assertThat(e.value()).isEqualTo("a\0b");
        });
  }

  /** environment() is read's inverse, for seeded random configurations. */
  @ParameterizedTest
  @MethodSource("randomSettings")
  void environmentReadsBackAsTheSameSettings(ServiceSettings settings) {
    Map<String, String> env = settings.environment();
    assertThat(env.keySet()).isSubsetOf(ServiceSettings.VARIABLES);
    assertThat(ServiceSettings.read(env::get, "other-cloud", BASE)).isEqualTo(settings);
  }

  static Stream<Arguments> randomSettings() {
    Random random = new Random(7597);
    String[] sources = {"builtin:example", "classpath:rules/jp.json", "/opt/rules.json",
        "rules/ocn.json"};
    String[] headers = {null, "cloudfront-viewer-address", "x-azure-socketip", "x-test-client"};
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Set<String> codes = new LinkedHashSet<>();
      for (int c = random.nextInt(4); c > 0; c--) {
        codes.add("code" + random.nextInt(100));
      }
      Set<String> keys = new LinkedHashSet<>();
      for (int c = random.nextInt(3); c > 0; c--) {
        keys.add("key-" + Integer.toHexString(random.nextInt()));
      }
      ServiceConfig config = new ServiceConfig(codes, headers[random.nextInt(headers.length)],
          random.nextBoolean() ? ServiceConfig.DEFAULT_ORIGIN_VERIFY_HEADER : "x-fd-secret",
          random.nextBoolean() ? null : "secret-" + random.nextInt(1000),
          random.nextBoolean() ? "aws" : "azure-" + i,
          random.nextInt(ServiceSettings.MAX_SHARED_MAX_AGE + 1), keys);
      RuleSetFormat format = RuleSetFormat.values()[random.nextInt(RuleSetFormat.values().length)];
      out.add(Arguments.of(new ServiceSettings(
          RulesSource.parse(sources[random.nextInt(sources.length)], BASE), format, config)));
    }
    return out.stream();
  }

  /** Azure hands over the reference text itself when it cannot resolve it: never a secret. */
  @Test
  void anUnresolvedKeyVaultReferenceIsRefusedWithoutEchoingIt() {
    String reference = "@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/s/)";
    assertThatThrownBy(() -> read(Map.of("MAPRULE_ORIGIN_VERIFY_SECRET", reference)))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
          assertThat(e.field()).isEqualTo("MAPRULE_ORIGIN_VERIFY_SECRET");
          assertThat(e.value()).isNull();
          assertThat(e.getMessage()).contains("Key Vault").doesNotContain("vault.azure.net");
        });
  }
}
