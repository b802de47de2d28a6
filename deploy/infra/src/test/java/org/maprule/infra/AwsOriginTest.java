package org.maprule.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maprule.infra.Inputs.at;
import static org.maprule.infra.Inputs.list;
import static org.maprule.infra.Inputs.map;
import static org.maprule.infra.Inputs.num;
import static org.maprule.infra.Inputs.str;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionUrl;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maprule.config.ServiceSettings;
import org.maprule.infra.StackRun.Registered;
import org.maprule.infra.aws.AwsOrigin;

/** The AWS origin as the engine receives it, under Pulumi's mocks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsOriginTest {

  private StackRun run;
  private StackRun publicUrl;

  @BeforeAll
  void runStacks() {
    run = StackRun.defaults().ok();
    publicUrl = StackRun.of(Map.of("lambdaUrlAuth", "NONE")).ok();
  }

  private Map<String, Object> function() {
    return run.one(Function.class).inputs();
  }

  @Test
  void lambdaRunsTheShadedJarOnJava21WithTheAdapterHandler() {
    Map<String, Object> f = function();
    assertThat(str(f, "runtime")).isEqualTo("java21");
    assertThat(str(f, "handler")).isEqualTo("org.maprule.aws.MapruleHandler::handleRequest");
    var code = com.pulumi.asset.AssetOrArchive.AssetOrArchiveInternal.from(
        (com.pulumi.asset.Archive) at(f, "code"));
    assertThat(code.getPropName()).isEqualTo("path");
    assertThat((String) code.getValue()).endsWith("adapter-aws.jar");
    assertThat(list(f, "architectures")).containsExactly("x86_64");
    assertThat(str(f, "name")).isEqualTo("maprule-test");
  }

  @Test
  void memoryAndTimeoutAreTheJustifiedDefaults() {
    assertThat(num(function(), "memorySize")).isEqualTo(1024);
    assertThat(num(function(), "timeout")).isEqualTo(5);
  }

  @Test
  void snapStartOnPublishedVersionsAndEveryChangeIsPublished() {
    assertThat(str(function(), "snapStart", "applyOn")).isEqualTo("PublishedVersions");
    assertThat(at(function(), "publish")).isEqualTo(true);
  }

  @Test
  void aliasPointsAtThePublishedVersionAndTheUrlSitsOnTheAlias() {
    Map<String, Object> alias = run.one(Alias.class).inputs();
    assertThat(str(alias, "name")).isEqualTo(AwsOrigin.ALIAS);
    assertThat(str(alias, "functionName")).isEqualTo("maprule-test");
    // The version the function resource reports after publishing, not $LATEST.
    assertThat(str(alias, "functionVersion")).isEqualTo(StackRun.LAMBDA_VERSION);
    Map<String, Object> url = run.one(FunctionUrl.class).inputs();
    assertThat(str(url, "functionName")).isEqualTo("maprule-test");
    assertThat(str(url, "qualifier")).isEqualTo(AwsOrigin.ALIAS);
    assertThat(str(url, "invokeMode")).isEqualTo("BUFFERED");
  }

  @Test
  void environmentCarriesEverySettingWithTheCdnHeaderAndTheStoredSecret() {
    Map<String, Object> env = map(function(), "environment", "variables");
    assertThat(env).containsOnlyKeys(ServiceSettings.VARIABLES.stream()
        .filter(n -> !n.equals(ServiceSettings.OCN_CODES) && !n.equals(ServiceSettings.JPNE_KEYS)).toList());
    assertThat(env).containsEntry(ServiceSettings.CLIENT_ADDRESS_HEADER, "cloudfront-viewer-address")
        .containsEntry(ServiceSettings.ORIGIN_VERIFY_HEADER, "x-origin-verify")
        .containsEntry(ServiceSettings.ORIGIN_VERIFY_SECRET, StackRun.SECRET)
        .containsEntry(ServiceSettings.CLOUD, "aws")
        .containsEntry(ServiceSettings.RULES, "builtin:example")
        .containsEntry(ServiceSettings.RULES_FORMAT, "native")
        .containsEntry(ServiceSettings.SHARED_MAX_AGE, "300");
  }

  @Test
  void theSecretIsStoredInSecretsManagerAndKeptSecretInTheState() {
    Map<String, Object> version = run.one(SecretVersion.class).inputs();
    assertThat(str(version, "secretString")).isEqualTo(StackRun.SECRET);
    // Secret inputs stay encrypted in the Pulumi state: checked on the program's own args.
    var versionArgs = run.one(SecretVersion.class).args(com.pulumi.aws.secretsmanager.SecretVersionArgs.class);
    assertThat(StackRun.isSecret(versionArgs.secretString().orElseThrow())).isTrue();
    var functionArgs = run.one(Function.class).args(com.pulumi.aws.lambda.FunctionArgs.class);
    var variables = StackRun.value(functionArgs.environment().orElseThrow()).variables().orElseThrow();
    assertThat(StackRun.isSecret(variables)).isTrue();
  }

  @Test
  void logGroupHasTheLambdaNameAndRetentionAndExistsBeforeTheFunction() {
    Map<String, Object> logs = run.one(LogGroup.class).inputs();
    assertThat(str(logs, "name")).isEqualTo("/aws/lambda/maprule-test");
    assertThat(num(logs, "retentionInDays")).isEqualTo(30);
    Registered fn = run.one(Function.class);
    List<Resource> deps = StackRun.value(fn.options().getDependsOn());
    assertThat(deps).contains(run.stack.get().aws().logGroup());
  }

  @Test
  void executionRoleMayOnlyWriteLogs() {
    assertThat(run.all(RolePolicyAttachment.class)).singleElement()
        .satisfies(r -> assertThat(str(r.inputs(), "policyArn"))
            .isEqualTo("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
  }

  @Test
  void byDefaultOnlyThisDistributionMayInvokeTheUrl() {
    assertThat(str(run.one(FunctionUrl.class).inputs(), "authorizationType")).isEqualTo("AWS_IAM");
    Map<String, Object> oac = run.one(OriginAccessControl.class).inputs();
    assertThat(oac).containsEntry("originAccessControlOriginType", "lambda")
        .containsEntry("signingBehavior", "always").containsEntry("signingProtocol", "sigv4");
    String distributionArn = "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE";
    List<Map<String, Object>> permissions =
        run.all(Permission.class).stream().map(Registered::inputs).toList();
    assertThat(permissions).hasSize(2).allSatisfy(p -> {
      assertThat(p).containsEntry("principal", "cloudfront.amazonaws.com")
          .containsEntry("sourceArn", distributionArn)
          .containsEntry("qualifier", AwsOrigin.ALIAS)
          .containsEntry("function", "maprule-test");
    });
    assertThat(permissions).extracting(p -> p.get("action"))
        .containsExactlyInAnyOrder("lambda:InvokeFunctionUrl", "lambda:InvokeFunction");
    assertThat(permissions).filteredOn(p -> p.get("action").equals("lambda:InvokeFunctionUrl"))
        .singleElement().satisfies(p -> assertThat(p).containsEntry("functionUrlAuthType", "AWS_IAM"));
    Map<String, Object> awsOrigin = Inputs.maps(run.one(Distribution.class).inputs(), "origins").get(0);
    assertThat(awsOrigin).containsEntry("originId", "aws")
        .containsEntry("originAccessControlId", run.named("maprule-test-lambda-oac").name() + "-id");
  }

  @Test
  void aPublicUrlGrantsOnlyTheUrlNeverTheInvokeApi() {
    assertThat(str(publicUrl.one(FunctionUrl.class).inputs(), "authorizationType")).isEqualTo("NONE");
    assertThat(publicUrl.all(OriginAccessControl.class)).isEmpty();
    List<Map<String, Object>> permissions =
        publicUrl.all(Permission.class).stream().map(Registered::inputs).toList();
    assertThat(permissions).singleElement().satisfies(p -> assertThat(p)
        .containsEntry("action", "lambda:InvokeFunctionUrl")
        .containsEntry("principal", "*")
        .containsEntry("functionUrlAuthType", "NONE")
        .containsEntry("qualifier", AwsOrigin.ALIAS));
    Map<String, Object> awsOrigin =
        Inputs.maps(publicUrl.one(Distribution.class).inputs(), "origins").get(0);
    assertThat(awsOrigin).doesNotContainKey("originAccessControlId");
  }

  @Test
  void functionUrlHostIsTheOriginDomain() {
    assertThat(StackRun.value(run.stack.get().aws().urlHost()))
        .isEqualTo("abcdefghijklmnop.lambda-url.ap-northeast-1.on.aws");
  }
}
