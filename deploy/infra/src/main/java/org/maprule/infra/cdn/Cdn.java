package org.maprule.infra.cdn;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.Function;
import com.pulumi.aws.cloudfront.FunctionArgs;
import com.pulumi.aws.cloudfront.KeyValueStore;
import com.pulumi.aws.cloudfront.KeyValueStoreArgs;
import com.pulumi.aws.cloudfront.KeyvaluestoreKey;
import com.pulumi.aws.cloudfront.KeyvaluestoreKeyArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.OriginRequestPolicy;
import com.pulumi.aws.cloudfront.OriginRequestPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionCustomErrorResponseArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorFunctionAssociationArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupFailoverCriteriaArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupMemberArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.cloudfront.inputs.OriginRequestPolicyCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.OriginRequestPolicyHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.OriginRequestPolicyHeadersConfigHeadersArgs;
import com.pulumi.aws.cloudfront.inputs.OriginRequestPolicyQueryStringsConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maprule.infra.StackSettings;
import org.maprule.infra.TrafficMode;

/**
 * The CDN in front of both clouds: one CloudFront distribution (IPv6 on) with the two origins,
 * the origin group {@value #AWS_FIRST} (AWS primary, Azure on failure) as the default target,
 * a cache policy that follows the origins' {@code Cache-Control}, an origin request policy that
 * adds {@code CloudFront-Viewer-Address}, the origin-verify secret as a custom header on both
 * origins, and the traffic-mode CloudFront Function with its KeyValueStore.
 *
 * @param distribution the distribution
 * @param keyValueStore the store holding {@link TrafficMode#KEY}
 * @param trafficModeKey the key itself, created with {@link TrafficMode#DEFAULT}
 * @param function the viewer-request function
 * @param cachePolicy the cache policy
 * @param originRequestPolicy the origin request policy
 * @param lambdaAccess the origin access control signing requests to the Lambda Function URL,
 *     absent when the URL is public
 */
public record Cdn(
    Distribution distribution,
    KeyValueStore keyValueStore,
    KeyvaluestoreKey trafficModeKey,
    Function function,
    CachePolicy cachePolicy,
    OriginRequestPolicy originRequestPolicy,
    Optional<OriginAccessControl> lambdaAccess) {

  /** Origin ID of the Lambda Function URL. */
  public static final String AWS_ORIGIN = "aws";
  /** Origin ID of the Azure function app. */
  public static final String AZURE_ORIGIN = "azure";
  /** The default target: AWS primary, Azure secondary. */
  public static final String AWS_FIRST = "aws-first";

  /**
   * The origin status codes CloudFront retries on the other origin (GET, HEAD and OPTIONS only;
   * also on connection failures and timeouts). 500: the Azure host when an invocation fails;
   * 502: the Function URL when the function errors or its init fails; 503: an origin whose rule
   * set does not validate (core answers 503 rather than serve bad rules), or a platform that is
   * out of capacity; 504: an origin gateway timeout. Never 400/403/404/416: those are correct
   * answers (a bad query, a forbidden code, an unknown prefix) the other cloud would repeat.
   */
  public static final List<Integer> FAILOVER_STATUS_CODES = List.of(500, 502, 503, 504);

  /** Codes whose error answers CloudFront must not cache beyond what the origin says. */
  public static final List<Integer> ERROR_CODES_NOT_CACHED =
      List.of(400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504);

  /** Methods CloudFront accepts; every CE call is a GET (docs/design.md §7). */
  public static final List<String> ALLOWED_METHODS = List.of("GET", "HEAD", "OPTIONS");
  /** Methods whose answers CloudFront may cache. */
  public static final List<String> CACHED_METHODS = List.of("GET", "HEAD");

  /** Connection attempts per origin before CloudFront gives up on it (1..3). */
  public static final int CONNECTION_ATTEMPTS = 2;
  /** Seconds per connection attempt (1..10). */
  public static final int CONNECTION_TIMEOUT_SECONDS = 3;

  /** The header CloudFront adds with the viewer's address and port. */
  public static final String VIEWER_ADDRESS_HEADER = "CloudFront-Viewer-Address";

  /** The CloudFront Functions runtime with KeyValueStore and origin selection. */
  public static final String FUNCTION_RUNTIME = "cloudfront-js-2.0";

  /**
   * Declares the CDN.
   *
   * @param s the stack settings
   * @param awsHost the Lambda Function URL's host
   * @param azureHost the function app's host
   * @param tags tags put on the distribution
   * @return the declared resources
   */
  public static Cdn create(
      StackSettings s, Output<String> awsHost, Output<String> azureHost, Map<String, String> tags) {
    String name = s.name();

    KeyValueStore kvs = new KeyValueStore(name + "-traffic", KeyValueStoreArgs.builder()
        .name(name + "-traffic")
        .comment("maprule traffic mode: key " + TrafficMode.KEY + " = aws | azure | aws-only | azure-only")
        .build());
    // Written once; afterwards the operator owns the value (maprule traffic set), so a later
    // `pulumi up` must not put it back.
    KeyvaluestoreKey key = new KeyvaluestoreKey(name + "-traffic-mode-key", KeyvaluestoreKeyArgs.builder()
        .keyValueStoreArn(kvs.arn())
        .key(TrafficMode.KEY)
        .value(TrafficMode.DEFAULT.value())
        .build(),
        CustomResourceOptions.builder().ignoreChanges("value").build());

    Function function = new Function(name + "-traffic-mode", FunctionArgs.builder()
        .name(name + "-traffic-mode")
        .runtime(FUNCTION_RUNTIME)
        .comment("maprule: picks the origin from the traffic-mode key")
        .code(EdgeFunctionCode.render(s.originVerifyHeader()))
        .keyValueStoreAssociations(kvs.arn().applyValue(List::of))
        .publish(true)
        .build());

    CachePolicy cache = new CachePolicy(name + "-cache", CachePolicyArgs.builder()
        .name(name + "-cache")
        .comment("follow the origin's Cache-Control; never cache what it does not mark cacheable")
        .minTtl(0)
        .defaultTtl(0)
        .maxTtl(s.maxTtlSeconds())
        .parametersInCacheKeyAndForwardedToOrigin(
            CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                .queryStringsConfig(
                    CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs.builder()
                        .queryStringBehavior("all").build())
                .headersConfig(
                    CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs.builder()
                        .headerBehavior("none").build())
                .cookiesConfig(
                    CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs.builder()
                        .cookieBehavior("none").build())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build())
        .build());

    OriginRequestPolicy originRequest = new OriginRequestPolicy(name + "-origin-request",
        OriginRequestPolicyArgs.builder()
            .name(name + "-origin-request")
            .comment("the viewer's address for HB46PP; every query string; no cookies")
            .headersConfig(OriginRequestPolicyHeadersConfigArgs.builder()
                .headerBehavior("whitelist")
                .headers(OriginRequestPolicyHeadersConfigHeadersArgs.builder()
                    .items(VIEWER_ADDRESS_HEADER).build())
                .build())
            .queryStringsConfig(OriginRequestPolicyQueryStringsConfigArgs.builder()
                .queryStringBehavior("all").build())
            .cookiesConfig(OriginRequestPolicyCookiesConfigArgs.builder()
                .cookieBehavior("none").build())
            .build());

    Optional<OriginAccessControl> oac = Optional.empty();
    if (s.lambdaUrlAuth() == StackSettings.LambdaUrlAuth.CLOUDFRONT_OAC) {
      oac = Optional.of(new OriginAccessControl(name + "-lambda-oac", OriginAccessControlArgs.builder()
          .name(name + "-lambda")
          .description("CloudFront signs requests to the maprule Function URL (AWS_IAM)")
          .originAccessControlOriginType("lambda")
          .signingBehavior("always")
          .signingProtocol("sigv4")
          .build()));
    }

    List<DistributionOriginArgs> origins = new ArrayList<>();
    origins.add(origin(s, AWS_ORIGIN, awsHost, oac.map(OriginAccessControl::id)));
    origins.add(origin(s, AZURE_ORIGIN, azureHost, Optional.empty()));

    List<DistributionCustomErrorResponseArgs> errors = new ArrayList<>();
    for (int code : ERROR_CODES_NOT_CACHED) {
      errors.add(DistributionCustomErrorResponseArgs.builder()
          .errorCode(code).errorCachingMinTtl(0).build());
    }

    Distribution distribution = new Distribution(name + "-cdn", DistributionArgs.builder()
        .comment("maprule: MAP-E rules from AWS and Azure")
        .enabled(true)
        .isIpv6Enabled(true)
        .httpVersion("http2and3")
        .priceClass(s.priceClass())
        .origins(origins)
        .originGroups(DistributionOriginGroupArgs.builder()
            .originId(AWS_FIRST)
            .failoverCriteria(DistributionOriginGroupFailoverCriteriaArgs.builder()
                .statusCodes(FAILOVER_STATUS_CODES).build())
            .members(
                DistributionOriginGroupMemberArgs.builder().originId(AWS_ORIGIN).build(),
                DistributionOriginGroupMemberArgs.builder().originId(AZURE_ORIGIN).build())
            .build())
        .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
            .targetOriginId(AWS_FIRST)
            .viewerProtocolPolicy(s.viewerProtocolPolicy())
            .allowedMethods(ALLOWED_METHODS)
            .cachedMethods(CACHED_METHODS)
            .cachePolicyId(cache.id())
            .originRequestPolicyId(originRequest.id())
            .compress(true)
            .functionAssociations(DistributionDefaultCacheBehaviorFunctionAssociationArgs.builder()
                .eventType("viewer-request")
                .functionArn(function.arn())
                .build())
            .build())
        .customErrorResponses(errors)
        .restrictions(DistributionRestrictionsArgs.builder()
            .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                .restrictionType("none").build())
            .build())
        .viewerCertificate(DistributionViewerCertificateArgs.builder()
            .cloudfrontDefaultCertificate(true).build())
        .tags(tags)
        .build(),
        CustomResourceOptions.builder().dependsOn(key).build());

    return new Cdn(distribution, kvs, key, function, cache, originRequest, oac);
  }

  private static DistributionOriginArgs origin(StackSettings s, String id, Output<String> host,
      Optional<Output<String>> accessControlId) {
    DistributionOriginArgs.Builder b = DistributionOriginArgs.builder()
        .originId(id)
        .domainName(host)
        .connectionAttempts(CONNECTION_ATTEMPTS)
        .connectionTimeout(CONNECTION_TIMEOUT_SECONDS)
        .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
            .httpPort(80)
            .httpsPort(443)
            .originProtocolPolicy("https-only")
            .originSslProtocols("TLSv1.2")
            .originReadTimeout(s.originReadTimeoutSeconds())
            .originKeepaliveTimeout(5)
            .build())
        .customHeaders(DistributionOriginCustomHeaderArgs.builder()
            .name(s.originVerifyHeader())
            .value(s.originVerifySecret())
            .build());
    accessControlId.ifPresent(b::originAccessControlId);
    return b.build();
  }
}
