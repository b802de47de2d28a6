package org.maprule.infra;

import com.pulumi.Context;
import com.pulumi.aws.lambda.Permission;
import java.util.List;
import java.util.Map;
import org.maprule.infra.aws.AwsOrigin;
import org.maprule.infra.azure.AzureOrigin;
import org.maprule.infra.cdn.Cdn;

/**
 * The whole maprule deployment as one Pulumi program: the AWS origin, the Azure origin and the
 * CloudFront distribution in front of both (docs/infrastructure.md).
 *
 * @param aws the AWS origin
 * @param azure the Azure origin
 * @param cdn the CDN
 * @param cloudFrontPermissions the Lambda permissions that let the distribution call the
 *     Function URL (empty when the URL is public)
 */
public record MapruleStack(
    AwsOrigin aws, AzureOrigin azure, Cdn cdn, List<Permission> cloudFrontPermissions) {

  /** Stack output: the distribution's host name, where CEs are pointed (CNAME target). */
  public static final String OUT_DOMAIN = "cdnDomainName";
  /** Stack output: the distribution ID. */
  public static final String OUT_DISTRIBUTION = "cdnDistributionId";
  /** Stack output: the KeyValueStore ARN (what {@code maprule traffic set} writes to). */
  public static final String OUT_KVS_ARN = "trafficModeKvsArn";
  /** Stack output: the key name in that store. */
  public static final String OUT_KVS_KEY = "trafficModeKey";
  /** Stack output: the Lambda Function URL (on the alias). */
  public static final String OUT_LAMBDA_URL = "awsFunctionUrl";
  /** Stack output: the Lambda function name. */
  public static final String OUT_LAMBDA_NAME = "awsFunctionName";
  /** Stack output: the alias CloudFront reaches. */
  public static final String OUT_LAMBDA_ALIAS = "awsFunctionAlias";
  /** Stack output: the function app's host name. */
  public static final String OUT_AZURE_HOST = "azureHost";
  /** Stack output: the function app name. */
  public static final String OUT_AZURE_APP = "azureFunctionApp";
  /** Stack output: the Azure resource group. */
  public static final String OUT_AZURE_GROUP = "azureResourceGroup";

  /**
   * Declares every resource and exports the outputs operators and the CLI need.
   *
   * @param ctx the Pulumi context
   * @param settings the checked stack settings
   * @return the declared resources
   */
  public static MapruleStack define(Context ctx, StackSettings settings) {
    Map<String, String> tags = Map.of("app", "maprule", "stack", ctx.stackName());
    AwsOrigin aws = AwsOrigin.create(settings, tags);
    AzureOrigin azure = AzureOrigin.create(settings, tags);
    Cdn cdn = Cdn.create(settings, aws.urlHost(), azure.host(), tags);
    List<Permission> permissions = cdn.lambdaAccess().isPresent()
        ? aws.allowCloudFront(cdn.distribution().arn())
        : List.of();

    ctx.export(OUT_DOMAIN, cdn.distribution().domainName());
    ctx.export(OUT_DISTRIBUTION, cdn.distribution().id());
    ctx.export(OUT_KVS_ARN, cdn.keyValueStore().arn());
    ctx.export(OUT_KVS_KEY, TrafficMode.KEY);
    ctx.export(OUT_LAMBDA_URL, aws.url().functionUrl());
    ctx.export(OUT_LAMBDA_NAME, aws.function().name());
    ctx.export(OUT_LAMBDA_ALIAS, aws.alias().name());
    ctx.export(OUT_AZURE_HOST, azure.host());
    ctx.export(OUT_AZURE_APP, azure.app().name());
    ctx.export(OUT_AZURE_GROUP, azure.resourceGroup().name());
    return new MapruleStack(aws, azure, cdn, permissions);
  }
}
