package org.maprule.infra.aws;

import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.FunctionUrl;
import com.pulumi.aws.lambda.FunctionUrlArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import org.maprule.infra.AppSettings;
import org.maprule.infra.StackSettings;
import org.maprule.infra.StackSettings.LambdaUrlAuth;

/**
 * The AWS origin: the Lambda function running {@code adapter-aws}'s shaded jar with SnapStart on
 * published versions, the alias {@value #ALIAS} that always points at the newest published
 * version, the Function URL on that alias, its log group, its execution role and the
 * origin-verify secret in Secrets Manager.
 *
 * <p>Why the settings (docs/infrastructure.md has the long form): {@code publish: true} makes
 * every code or configuration change a new version, which SnapStart snapshots after running the
 * handler's priming ({@code org.crac.Resource}, docs/aws.md); the URL sits on the alias, so
 * CloudFront always reaches a snapshotted version, never {@code $LATEST} (SnapStart does not
 * apply there). Memory buys CPU (Lambda allocates CPU in proportion), which the restore and the
 * first requests on a cold JVM need; the timeout is short because an answer takes
 * milliseconds, and an invocation that hangs should become a Lambda error CloudFront fails over
 * on rather than a CloudFront read timeout.
 *
 * @param name the function's name, also the prefix of every resource name here
 * @param function the Lambda function
 * @param alias the alias {@value #ALIAS} on the published version
 * @param url the Function URL on the alias
 * @param urlHost the URL's host name, as CloudFront's origin domain
 * @param logGroup {@code /aws/lambda/<name>} with the configured retention
 * @param secretVersion the Secrets Manager version holding the origin-verify secret
 */
public record AwsOrigin(
    String name,
    Function function,
    Alias alias,
    FunctionUrl url,
    Output<String> urlHost,
    LogGroup logGroup,
    SecretVersion secretVersion) {

  /** The handler class and method of {@code adapter-aws} (docs/aws.md). */
  public static final String HANDLER = "org.maprule.aws.MapruleHandler::handleRequest";
  /** The managed runtime. */
  public static final String RUNTIME = "java21";
  /** The alias CloudFront reaches the function through. */
  public static final String ALIAS = "live";
  /** SnapStart mode: snapshots of published versions. */
  public static final String SNAP_START_ON = "PublishedVersions";

  private static final String ASSUME_ROLE = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",\
      "Principal":{"Service":"lambda.amazonaws.com"}}]}""";
  private static final String BASIC_EXECUTION =
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

  /**
   * Declares the AWS origin.
   *
   * @param s the stack settings
   * @param tags tags put on every taggable resource
   * @return the declared resources
   */
  public static AwsOrigin create(StackSettings s, Map<String, String> tags) {
    String name = s.name();
    LogGroup logGroup = new LogGroup(name + "-lambda-logs", LogGroupArgs.builder()
        .name("/aws/lambda/" + name)
        .retentionInDays(s.logRetentionDays())
        .tags(tags)
        .build());

    Role role = new Role(name + "-role", RoleArgs.builder()
        .assumeRolePolicy(ASSUME_ROLE)
        .description("maprule Lambda execution role: CloudWatch Logs only")
        .tags(tags)
        .build());
    RolePolicyAttachment logs = new RolePolicyAttachment(name + "-role-logs",
        RolePolicyAttachmentArgs.builder().role(role.name()).policyArn(BASIC_EXECUTION).build());

    Secret secret = new Secret(name + "-sm-origin-verify", SecretArgs.builder()
        .name(name + "/origin-verify")
        .description("maprule origin-verify secret: CloudFront sends it to both origins in "
            + s.originVerifyHeader() + "; managed by the Pulumi stack")
        .recoveryWindowInDays(7)
        .tags(tags)
        .build());
    SecretVersion secretVersion = new SecretVersion(name + "-sm-origin-verify-value",
        SecretVersionArgs.builder()
            .secretId(secret.id())
            .secretString(s.originVerifySecret())
            .build());
    // The value Lambda gets is the one stored in Secrets Manager (read back from the version).
    Output<String> storedSecret = secretVersion.secretString()
        .applyValue(v -> v.orElseThrow(() -> new IllegalStateException(
            "Secrets Manager returned no secretString for " + name + "/origin-verify")))
        .asSecret();
    Map<String, Output<String>> env = AppSettings.forCloud(s, "aws", storedSecret);

    Function function = new Function(name, FunctionArgs.builder()
        .name(name)
        .description("maprule MAP-E rule distribution (adapter-aws)")
        .runtime(RUNTIME)
        .handler(HANDLER)
        .code(new FileArchive(s.awsJar().toString()))
        .architectures(s.lambdaArchitecture())
        .memorySize(s.lambdaMemoryMb())
        .timeout(s.lambdaTimeoutSeconds())
        .role(role.arn())
        .publish(true)
        .snapStart(FunctionSnapStartArgs.builder().applyOn(SNAP_START_ON).build())
        .environment(FunctionEnvironmentArgs.builder()
            .variables(AppSettings.resolved(env))
            .build())
        .tags(tags)
        .build(),
        CustomResourceOptions.builder().dependsOn(logGroup, logs).build());

    Alias alias = new Alias(name + "-" + ALIAS, AliasArgs.builder()
        .name(ALIAS)
        .functionName(function.name())
        .functionVersion(function.version())
        .description("the published, snapshotted version CloudFront reaches")
        .build());

    String authType = s.lambdaUrlAuth() == LambdaUrlAuth.NONE ? "NONE" : "AWS_IAM";
    FunctionUrl url = new FunctionUrl(name + "-url", FunctionUrlArgs.builder()
        .functionName(function.name())
        .qualifier(alias.name())
        .authorizationType(authType)
        .invokeMode("BUFFERED")
        .build());
    if (s.lambdaUrlAuth() == LambdaUrlAuth.NONE) {
      // Public URL. Only the URL permission: an unconditioned lambda:InvokeFunction for "*"
      // would also open the Invoke API, where a caller writes requestContext.http.sourceIp
      // (the peer address the adapter trusts) itself. See docs/infrastructure.md.
      new Permission(name + "-url-public", PermissionArgs.builder()
          .function(function.name())
          .qualifier(alias.name())
          .action("lambda:InvokeFunctionUrl")
          .principal("*")
          .functionUrlAuthType("NONE")
          .build());
    }
    Output<String> host = url.functionUrl().applyValue(AwsOrigin::hostOf);
    return new AwsOrigin(name, function, alias, url, host, logGroup, secretVersion);
  }

  /**
   * Lets one CloudFront distribution (through its origin access control) invoke the function
   * URL: {@code lambda:InvokeFunctionUrl} and, as Lambda requires for URLs created since
   * October 2025, {@code lambda:InvokeFunction}, both for the service principal
   * {@code cloudfront.amazonaws.com} restricted to the distribution's ARN.
   *
   * @param distributionArn the distribution's ARN
   * @return the two permissions
   */
  public List<Permission> allowCloudFront(Output<String> distributionArn) {
    Permission url = new Permission(name + "-cloudfront-url", PermissionArgs.builder()
        .function(function.name())
        .qualifier(alias.name())
        .action("lambda:InvokeFunctionUrl")
        .principal("cloudfront.amazonaws.com")
        .sourceArn(distributionArn)
        .functionUrlAuthType("AWS_IAM")
        .build());
    Permission invoke = new Permission(name + "-cloudfront-invoke", PermissionArgs.builder()
        .function(function.name())
        .qualifier(alias.name())
        .action("lambda:InvokeFunction")
        .principal("cloudfront.amazonaws.com")
        .sourceArn(distributionArn)
        .build());
    return List.of(url, invoke);
  }

  /**
   * The host of a Function URL.
   *
   * @param functionUrl for example {@code https://abc.lambda-url.ap-northeast-1.on.aws/}
   * @return {@code abc.lambda-url.ap-northeast-1.on.aws}
   */
  static String hostOf(String functionUrl) {
    return functionUrl.replaceFirst("^https://", "").replaceFirst("/+$", "");
  }
}
