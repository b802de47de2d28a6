package org.maprule.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.format.RuleSetFormat;

class StackSettingsTest {

  private static StackSettings load(String stack, Map<String, String> config, Path workDir) {
    Map<String, String> cfg = new HashMap<>(config);
    if (!cfg.containsKey("awsJar")) {
      cfg.put("awsJar", "adapter-aws.jar");
    }
    return StackSettings.load("maprule", stack, k -> Optional.ofNullable(cfg.get(k)),
        Output.of(StackRun.SECRET), workDir);
  }

  private static StackSettings load(Map<String, String> config) {
    return load("prod", config, Path.of("."));
  }

  @Test
  void defaults() {
    StackSettings s = load(Map.of());
    assertThat(s.name()).isEqualTo("maprule-prod");
    assertThat(s.app().rules().value()).isEqualTo("builtin:example");
    assertThat(s.app().format()).isEqualTo(RuleSetFormat.NATIVE);
    assertThat(s.app().config().ocnCodes()).isEmpty();
    assertThat(s.app().config().jpneKeys()).isEmpty();
    assertThat(s.app().config().sharedMaxAgeSeconds()).isEqualTo(300);
    assertThat(s.app().config().clientAddressHeader()).isEqualTo("cloudfront-viewer-address");
    assertThat(s.app().config().originVerifySecret()).isNull();
    assertThat(s.originVerifyHeader()).isEqualTo("x-origin-verify");
    assertThat(s.lambdaMemoryMb()).isEqualTo(1024);
    assertThat(s.lambdaTimeoutSeconds()).isEqualTo(5);
    assertThat(s.lambdaArchitecture()).isEqualTo("x86_64");
    assertThat(s.lambdaUrlAuth()).isEqualTo(StackSettings.LambdaUrlAuth.CLOUDFRONT_OAC);
    assertThat(s.logRetentionDays()).isEqualTo(30);
    assertThat(s.azureLocation()).isEqualTo("japaneast");
    assertThat(s.azureAlwaysReady()).isEqualTo(2);
    assertThat(s.azureInstanceMemoryMb()).isEqualTo(2048);
    assertThat(s.azureMaximumInstances()).isEqualTo(100);
    assertThat(s.priceClass()).isEqualTo("PriceClass_200");
    assertThat(s.viewerProtocolPolicy()).isEqualTo("redirect-to-https");
    assertThat(s.maxTtlSeconds()).isEqualTo(86_400);
    assertThat(s.originReadTimeoutSeconds()).isEqualTo(10);
    assertThat(s.awsJar()).isEqualTo(Path.of("adapter-aws.jar"));
  }

  @Test
  void everyKeyIsRead() {
    StackSettings s = load(Map.ofEntries(Map.entry("name", "mr-edge"), Map.entry("lambdaMemoryMb", "2048"),
        Map.entry("lambdaTimeoutSeconds", "8"), Map.entry("originReadTimeoutSeconds", "20"),
        Map.entry("lambdaArchitecture", "arm64"), Map.entry("lambdaUrlAuth", "NONE"),
        Map.entry("azureAlwaysReady", "0"), Map.entry("azureInstanceMemoryMb", "512"),
        Map.entry("priceClass", "PriceClass_All"), Map.entry("viewerProtocolPolicy", "allow-all"),
        Map.entry("azureFunctionAppName", "mr-func"), Map.entry("azureStorageAccount", "mrstore1"),
        Map.entry("azureKeyVault", "mr-vault"), Map.entry("azureLocation", "japanwest")));
    assertThat(s.name()).isEqualTo("mr-edge");
    assertThat(s.lambdaMemoryMb()).isEqualTo(2048);
    assertThat(s.lambdaTimeoutSeconds()).isEqualTo(8);
    assertThat(s.originReadTimeoutSeconds()).isEqualTo(20);
    assertThat(s.lambdaArchitecture()).isEqualTo("arm64");
    assertThat(s.lambdaUrlAuth()).isEqualTo(StackSettings.LambdaUrlAuth.NONE);
    assertThat(s.azureAlwaysReady()).isZero();
    assertThat(s.azureInstanceMemoryMb()).isEqualTo(512);
    assertThat(s.priceClass()).isEqualTo("PriceClass_All");
    assertThat(s.viewerProtocolPolicy()).isEqualTo("allow-all");
    assertThat(s.azureFunctionAppName()).isEqualTo("mr-func");
    assertThat(s.azureStorageAccount()).isEqualTo("mrstore1");
    assertThat(s.azureKeyVault()).isEqualTo("mr-vault");
    assertThat(s.azureLocation()).isEqualTo("japanwest");
  }

  /** key, value, why it is refused. */
  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("name", "Maprule", "upper case is not allowed in AWS/Azure names here"),
        Arguments.of("name", "mr", "shorter than 3"),
        Arguments.of("name", "9maprule", "must start with a letter"),
        Arguments.of("rulesFormat", "yaml", "not a format the adapters read"),
        Arguments.of("rules", "builtin:jp", "core knows only builtin:example"),
        Arguments.of("rules", "classpath:", "classpath: names no resource"),
        Arguments.of("sharedMaxAge", "-1", "negative seconds"),
        Arguments.of("sharedMaxAge", "31536001", "over a year, the adapters refuse it"),
        Arguments.of("sharedMaxAge", "5m", "not an integer"),
        Arguments.of("originVerifyHeader", "X-Origin-Verify", "must be lower case (CloudFront Functions see lower-case names)"),
        Arguments.of("originVerifyHeader", "x origin", "not a header token"),
        Arguments.of("lambdaMemoryMb", "64", "below Lambda's 128 MB"),
        Arguments.of("lambdaMemoryMb", "20480", "above Lambda's 10240 MB"),
        Arguments.of("lambdaTimeoutSeconds", "0", "zero seconds"),
        Arguments.of("lambdaTimeoutSeconds", "10", "not shorter than the origin read timeout (10)"),
        Arguments.of("lambdaArchitecture", "amd64", "Lambda says x86_64"),
        Arguments.of("lambdaUrlAuth", "IAM", "only AWS_IAM or NONE"),
        Arguments.of("logRetentionDays", "0", "zero days"),
        Arguments.of("azureAlwaysReady", "-1", "negative instances"),
        Arguments.of("azureInstanceMemoryMb", "1024", "Flex offers 512, 2048, 4096"),
        Arguments.of("azureMaximumInstances", "10", "Flex minimum is 40"),
        Arguments.of("azureStorageAccount", "my-store", "hyphens not allowed in storage names"),
        Arguments.of("azureStorageAccount", "abcdefghijklmnopqrstuvwxy", "25 characters"),
        Arguments.of("azureKeyVault", "kv", "shorter than 3"),
        Arguments.of("azureKeyVault", "vault-", "must end with a letter or digit"),
        Arguments.of("azureKeyVault", "my--vault", "Key Vault refuses consecutive hyphens"),
        Arguments.of("azureFunctionAppName", "-app", "must start with a letter or digit"),
        Arguments.of("priceClass", "PriceClass_300", "no such price class"),
        Arguments.of("viewerProtocolPolicy", "http-only", "no such policy"),
        Arguments.of("maxTtlSeconds", "forever", "not an integer"),
        Arguments.of("originReadTimeoutSeconds", "61", "CloudFront's default quota is 60"));
  }

  @ParameterizedTest(name = "{0}={1}: {2}")
  @MethodSource("invalid")
  void invalidValuesAreRefusedNamingTheKey(String key, String value, String why) {
    assertThatThrownBy(() -> load(Map.of(key, value)))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
          assertThat(e.field()).isEqualTo("maprule:" + key);
          assertThat(e.value()).isEqualTo(value);
          assertThat(e.getMessage()).contains("maprule:" + key);
        });
  }

  @Test
  void jpneKeysCoreWouldRefuseAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> load(Map.of("jpneKeys", "isp1,secret/key")))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
          assertThat(e.field()).isEqualTo("maprule:jpneKeys");
          assertThat(e.value()).isNull();
          assertThat(e.getMessage()).doesNotContain("secret/key");
        });
    assertThat(load(Map.of("jpneKeys", "isp1, isp2")).app().config().jpneKeys())
        .containsExactlyInAnyOrder("isp1", "isp2");
  }

  @Test
  void blankValuesCountAsUnset() {
    assertThat(load(Map.of("lambdaMemoryMb", "  ", "rules", "")).lambdaMemoryMb()).isEqualTo(1024);
    assertThat(load(Map.of("rules", " ")).app().rules().value()).isEqualTo("builtin:example");
  }

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,39}");
  private static final Pattern STORAGE = Pattern.compile("[a-z0-9]{3,24}");
  private static final Pattern VAULT = Pattern.compile("[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]");
  private static final Pattern APP = Pattern.compile("[a-z0-9][a-z0-9-]{0,58}[a-z0-9]");

  static Stream<String> stackNames() {
    Random random = new Random(20261121L);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    Stream<String> generated = IntStream.range(0, 200).mapToObj(i -> {
      int length = 1 + random.nextInt(60);
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < length; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return b.toString();
    });
    return Stream.concat(Stream.of("prod", "dev", "Prod_EU", "a", "---", "x".repeat(80), "stack--2"), generated);
  }

  @ParameterizedTest
  @MethodSource("stackNames")
  void derivedNamesFitAzureAndAwsRulesForAnyStackName(String stack) {
    StackSettings s = load(stack, Map.of(), Path.of("."));
    assertThat(s.name()).matches(NAME);
    assertThat(s.azureStorageAccount()).matches(STORAGE);
    assertThat(s.azureKeyVault()).matches(VAULT);
    assertThat(s.azureFunctionAppName()).matches(APP);
  }

  @Test
  void derivedGlobalNamesDifferBetweenStacks() {
    StackSettings a = load("prod", Map.of(), Path.of("."));
    StackSettings b = load("staging", Map.of(), Path.of("."));
    assertThat(a.azureStorageAccount()).isNotEqualTo(b.azureStorageAccount());
    assertThat(a.azureKeyVault()).isNotEqualTo(b.azureKeyVault());
    assertThat(a.azureFunctionAppName()).isNotEqualTo(b.azureFunctionAppName());
    assertThat(load("prod", Map.of(), Path.of(".")).azureStorageAccount())
        .as("stable across runs").isEqualTo(a.azureStorageAccount());
  }

  @Test
  void theAdapterJarIsFoundWhenThereIsExactlyOne(@TempDir Path root) throws IOException {
    Path workDir = Files.createDirectories(root.resolve("deploy/infra"));
    Path target = Files.createDirectories(root.resolve("adapter-aws/target"));
    Map<String, String> noJar = new HashMap<>();
    noJar.put("awsJar", null);
    assertThatThrownBy(() -> load("prod", noJar, workDir))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD);
          assertThat(e.field()).isEqualTo("maprule:awsJar");
          assertThat(e.getMessage()).contains("holds 0");
        });
    Path jar = Files.createFile(target.resolve("maprule-adapter-aws-0.1.0-SNAPSHOT-aws.jar"));
    Files.createFile(target.resolve("maprule-adapter-aws-0.1.0-SNAPSHOT.jar")); // the thin jar: not it
    assertThat(load("prod", noJar, workDir).awsJar()).isEqualTo(jar.normalize());
    Files.createFile(target.resolve("maprule-adapter-aws-0.2.0-aws.jar"));
    assertThatThrownBy(() -> load("prod", noJar, workDir))
        .isInstanceOfSatisfying(MapruleException.class, e -> assertThat(e.getMessage()).contains("holds 2"));
    assertThat(load("prod", Map.of("awsJar", "../../adapter-aws/target/maprule-adapter-aws-0.2.0-aws.jar"),
        workDir).awsJar()).isEqualTo(target.resolve("maprule-adapter-aws-0.2.0-aws.jar"));
  }

  /** secret, why it is refused. */
  static Stream<Arguments> badSecrets() {
    return Stream.of(
        Arguments.of("short-secret", "fewer than 32 characters"),
        Arguments.of("0123456789abcdef 0123456789abcdef", "a space: it is an HTTP header value"),
        Arguments.of("0123456789abcdef0123456789abcdef\u00e9", "not ASCII"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badSecrets")
  void aWeakOrMalformedSecretFailsTheDeployment(String secret, String why) {
    StackRun run = StackRun.of(Map.of("originVerifySecret", secret));
    assertThat(run.result.exceptions()).isNotEmpty();
    assertThat(run.result.exceptions().get(0)).hasRootCauseInstanceOf(MapruleException.class)
        .rootCause().hasMessageContaining("maprule:originVerifySecret")
        .hasMessageNotContaining(secret);
  }
}
