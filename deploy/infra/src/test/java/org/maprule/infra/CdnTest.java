package org.maprule.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maprule.infra.Inputs.at;
import static org.maprule.infra.Inputs.ints;
import static org.maprule.infra.Inputs.list;
import static org.maprule.infra.Inputs.map;
import static org.maprule.infra.Inputs.maps;
import static org.maprule.infra.Inputs.num;
import static org.maprule.infra.Inputs.str;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.Function;
import com.pulumi.aws.cloudfront.KeyValueStore;
import com.pulumi.aws.cloudfront.KeyvaluestoreKey;
import com.pulumi.aws.cloudfront.OriginRequestPolicy;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maprule.config.ServiceSettings;
import org.maprule.infra.cdn.Cdn;
import org.maprule.infra.cdn.EdgeFunctionCode;

/** The CloudFront distribution, its policies and the traffic-mode wiring, under Pulumi's mocks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdnTest {

  private static final Path JS = Path.of("../cdn/traffic-mode.js");

  private StackRun run;

  @BeforeAll
  void runStack() {
    run = StackRun.defaults().ok();
  }

  private Map<String, Object> distribution() {
    return run.one(Distribution.class).inputs();
  }

  private Map<String, Object> origin(String id) {
    return maps(distribution(), "origins").stream().filter(o -> id.equals(o.get("originId")))
        .findFirst().orElseThrow(() -> new AssertionError("no origin " + id));
  }

  @Test
  void ipv6IsOnAndHttp3Too() {
    assertThat(at(distribution(), "isIpv6Enabled")).isEqualTo(true);
    assertThat(str(distribution(), "httpVersion")).isEqualTo("http2and3");
    assertThat(at(distribution(), "enabled")).isEqualTo(true);
  }

  @Test
  void bothOriginsAreTheTwoCloudsOverHttps() {
    assertThat(maps(distribution(), "origins")).extracting(o -> o.get("originId"))
        .containsExactly("aws", "azure");
    assertThat(str(origin("aws"), "domainName"))
        .isEqualTo("abcdefghijklmnop.lambda-url.ap-northeast-1.on.aws");
    assertThat(str(origin("azure"), "domainName")).endsWith(".azurewebsites.net")
        .isEqualTo(StackRun.value(run.stack.get().azure().host()));
    for (String id : List.of("aws", "azure")) {
      Map<String, Object> custom = map(origin(id), "customOriginConfig");
      assertThat(str(custom, "originProtocolPolicy")).isEqualTo("https-only");
      assertThat(list(custom, "originSslProtocols")).containsExactly("TLSv1.2");
      assertThat(num(custom, "originReadTimeout")).isEqualTo(10);
      assertThat(num(origin(id), "connectionAttempts")).isEqualTo(Cdn.CONNECTION_ATTEMPTS);
      assertThat(num(origin(id), "connectionTimeout")).isEqualTo(Cdn.CONNECTION_TIMEOUT_SECONDS);
    }
  }

  @Test
  void theOriginVerifySecretIsAddedToBothOriginsAndStaysSecret() {
    for (String id : List.of("aws", "azure")) {
      assertThat(maps(origin(id), "customHeaders")).as(id).singleElement()
          .isEqualTo(Map.of("name", "x-origin-verify", "value", StackRun.SECRET));
    }
    DistributionArgs args = run.one(Distribution.class).args(DistributionArgs.class);
    List<DistributionOriginArgs> origins = StackRun.value(args.origins());
    assertThat(origins).hasSize(2).allSatisfy(o -> {
      var header = StackRun.value(o.customHeaders().orElseThrow()).get(0);
      assertThat(StackRun.isSecret(header.value())).isTrue();
    });
  }

  @Test
  void defaultTargetIsTheAwsFirstOriginGroupWithTheFailoverCodes() {
    List<Map<String, Object>> groups = maps(distribution(), "originGroups");
    assertThat(groups).singleElement().satisfies(g -> {
      assertThat(g).containsEntry("originId", "aws-first");
      assertThat(maps(g, "members")).extracting(m -> m.get("originId")).containsExactly("aws", "azure");
      assertThat(ints(g, "failoverCriteria", "statusCodes")).containsExactly(500, 502, 503, 504);
    });
    assertThat(str(distribution(), "defaultCacheBehavior", "targetOriginId")).isEqualTo("aws-first");
  }

  @Test
  void failoverNeverOnAnswersThatAreCorrect() {
    assertThat(Cdn.FAILOVER_STATUS_CODES).doesNotContain(400, 403, 404, 416)
        // CloudFront accepts only these codes as failover criteria.
        .isSubsetOf(400, 403, 404, 416, 500, 502, 503, 504)
        .contains(503);
  }

  @Test
  void onlyGetHeadAndOptionsAreAllowedAndOnlyGetHeadCached() {
    Map<String, Object> behavior = map(distribution(), "defaultCacheBehavior");
    assertThat(list(behavior, "allowedMethods")).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
    assertThat(list(behavior, "cachedMethods")).containsExactlyInAnyOrder("GET", "HEAD");
    assertThat(str(behavior, "viewerProtocolPolicy")).isEqualTo("redirect-to-https");
    assertThat(at(behavior, "compress")).isEqualTo(true);
  }

  @Test
  void cachingFollowsTheOriginsCacheControl() {
    Map<String, Object> policy = run.one(CachePolicy.class).inputs();
    assertThat(num(policy, "minTtl")).isZero();
    assertThat(num(policy, "defaultTtl")).isZero();
    assertThat(num(policy, "maxTtl")).isEqualTo(86_400);
    Map<String, Object> key = map(policy, "parametersInCacheKeyAndForwardedToOrigin");
    assertThat(str(key, "queryStringsConfig", "queryStringBehavior")).isEqualTo("all");
    assertThat(str(key, "headersConfig", "headerBehavior")).isEqualTo("none");
    assertThat(str(key, "cookiesConfig", "cookieBehavior")).isEqualTo("none");
    assertThat(str(distribution(), "defaultCacheBehavior", "cachePolicyId"))
        .isEqualTo("maprule-test-cache-id");
    // Error answers are cached only as long as the origin says (core sends no-store).
    List<Map<String, Object>> errors = maps(distribution(), "customErrorResponses");
    assertThat(errors).extracting(e -> Inputs.toInt(e.get("errorCode")))
        .containsAll(List.of(404, 500, 502, 503, 504));
    assertThat(errors).allSatisfy(e -> assertThat(Inputs.toInt(e.get("errorCachingMinTtl"))).isZero());
  }

  @Test
  void theViewerAddressReachesTheOriginsButIsNotPartOfTheCacheKey() {
    Map<String, Object> policy = run.one(OriginRequestPolicy.class).inputs();
    assertThat(str(policy, "headersConfig", "headerBehavior")).isEqualTo("whitelist");
    assertThat(list(policy, "headersConfig", "headers", "items")).containsExactly("CloudFront-Viewer-Address");
    assertThat(str(policy, "queryStringsConfig", "queryStringBehavior")).isEqualTo("all");
    assertThat(str(policy, "cookiesConfig", "cookieBehavior")).isEqualTo("none");
    assertThat(str(distribution(), "defaultCacheBehavior", "originRequestPolicyId"))
        .isEqualTo("maprule-test-origin-request-id");
  }

  @Test
  void theTrafficModeFunctionRunsOnEveryViewerRequestWithItsKeyValueStore() {
    Map<String, Object> function = run.one(Function.class).inputs();
    String kvsArn = "arn:aws:cloudfront::123456789012:key-value-store/kvs-maprule-test-traffic";
    assertThat(run.one(KeyValueStore.class).name()).isEqualTo("maprule-test-traffic");
    assertThat(str(function, "runtime")).isEqualTo("cloudfront-js-2.0");
    assertThat(at(function, "publish")).isEqualTo(true);
    assertThat(list(function, "keyValueStoreAssociations")).containsExactly(kvsArn);
    assertThat(maps(distribution(), "defaultCacheBehavior", "functionAssociations")).singleElement()
        .isEqualTo(Map.of("eventType", "viewer-request",
            "functionArn", "arn:aws:cloudfront::123456789012:function/maprule-test-traffic-mode"));

    Map<String, Object> key = run.one(KeyvaluestoreKey.class).inputs();
    assertThat(key).containsEntry("keyValueStoreArn", kvsArn).containsEntry("key", "traffic-mode")
        .containsEntry("value", "aws");
    // The operator owns the value after creation: pulumi up never resets it.
    assertThat(run.one(KeyvaluestoreKey.class).options().getIgnoreChanges()).containsExactly("value");
  }

  @Test
  void theDeployedCodeIsTheNodeTestedFileByteForByte() throws IOException {
    String file = Files.readString(JS, StandardCharsets.UTF_8);
    assertThat(str(run.one(Function.class).inputs(), "code")).isEqualTo(file);
    assertThat(file.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(EdgeFunctionCode.MAX_BYTES);
  }

  @Test
  void theFunctionAgreesWithTheDistributionOnIdsCodesKeyAndModes() {
    String js = EdgeFunctionCode.source();
    assertThat(EdgeFunctionCode.stringConstant(js, "AWS_ORIGIN")).isEqualTo(Cdn.AWS_ORIGIN);
    assertThat(EdgeFunctionCode.stringConstant(js, "AZURE_ORIGIN")).isEqualTo(Cdn.AZURE_ORIGIN);
    assertThat(EdgeFunctionCode.stringConstant(js, "MODE_KEY")).isEqualTo(TrafficMode.KEY);
    assertThat(EdgeFunctionCode.stringConstant(js, "DEFAULT_MODE")).isEqualTo(TrafficMode.DEFAULT.value());
    assertThat(EdgeFunctionCode.intArrayConstant(js, "FAILOVER_STATUS_CODES"))
        .isEqualTo(Cdn.FAILOVER_STATUS_CODES);
    Set<String> modesInJs = new TreeSet<>();
    Matcher m = Pattern.compile("mode === '([a-z-]+)'").matcher(js);
    while (m.find()) {
      modesInJs.add(m.group(1));
    }
    Set<String> modes = new TreeSet<>();
    for (TrafficMode mode : TrafficMode.values()) {
      modes.add(mode.value());
    }
    assertThat(modesInJs).isEqualTo(modes);
  }

  @Test
  void aConfiguredVerifyHeaderIsUsedByBothOriginsBothCloudsAndTheFunction() {
    StackRun custom = StackRun.of(Map.of("originVerifyHeader", "x-maprule-edge")).ok();
    Map<String, Object> dist = custom.one(Distribution.class).inputs();
    assertThat(maps(dist, "origins")).allSatisfy(o ->
        assertThat(maps(o, "customHeaders").get(0)).containsEntry("name", "x-maprule-edge"));
    String code = str(custom.one(Function.class).inputs(), "code");
    assertThat(code).contains("var STRIP_HEADERS = ['x-maprule-edge', 'cloudfront-viewer-address'];")
        .doesNotContain("'x-origin-verify'");
    assertThat(map(custom.one(com.pulumi.aws.lambda.Function.class).inputs(), "environment", "variables"))
        .containsEntry(ServiceSettings.ORIGIN_VERIFY_HEADER, "x-maprule-edge");
    assertThat(AzureOriginTest.appSettings(custom.one(org.maprule.infra.azure.arm.WebApp.class).inputs()))
        .containsEntry(ServiceSettings.ORIGIN_VERIFY_HEADER, "x-maprule-edge");
  }

  @Test
  void theStackExportsWhatOperatorsAndTheCliNeed() {
    assertThat(run.result.outputs()).containsKeys(MapruleStack.OUT_DOMAIN, MapruleStack.OUT_DISTRIBUTION,
        MapruleStack.OUT_KVS_ARN, MapruleStack.OUT_KVS_KEY, MapruleStack.OUT_LAMBDA_URL,
        MapruleStack.OUT_LAMBDA_NAME, MapruleStack.OUT_LAMBDA_ALIAS, MapruleStack.OUT_AZURE_HOST,
        MapruleStack.OUT_AZURE_APP, MapruleStack.OUT_AZURE_GROUP);
    assertThat(StackRun.value(run.result.output(MapruleStack.OUT_DOMAIN)))
        .isEqualTo("d111111abcdef8.cloudfront.net");
    assertThat(StackRun.value(run.result.output(MapruleStack.OUT_KVS_KEY))).isEqualTo("traffic-mode");
  }
}
