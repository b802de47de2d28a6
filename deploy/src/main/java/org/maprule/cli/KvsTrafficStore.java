package org.maprule.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfrontkeyvaluestore.CloudFrontKeyValueStoreClient;
import software.amazon.awssdk.services.cloudfrontkeyvaluestore.CloudFrontKeyValueStoreClientBuilder;
import software.amazon.awssdk.services.cloudfrontkeyvaluestore.endpoints.CloudFrontKeyValueStoreEndpointProvider;
import software.amazon.awssdk.services.cloudfrontkeyvaluestore.model.ConflictException;
import software.amazon.awssdk.services.cloudfrontkeyvaluestore.model.ResourceNotFoundException;

/**
 * The traffic mode in a CloudFront KeyValueStore, through the AWS SDK for Java v2 (the calls of
 * {@code aws cloudfront-keyvaluestore describe-key-value-store / get-key / put-key}):
 * DescribeKeyValueStore for the store's ETag, GetKey for the value, PutKey with
 * {@code If-Match: ETag}.
 *
 * <p>Credentials come from the SDK's default chain (environment, system properties, the
 * {@code ~/.aws} profile named by {@code AWS_PROFILE} with roles and SSO, container and instance
 * credentials), as for the AWS CLI. The service is global and signs with SigV4A (any region), which
 * the SDK does through the AWS CRT's native library; the client is pinned to {@code us-east-1} so
 * that no region lookup (instance metadata) slows a laptop down. {@code endpointUrl} replaces the
 * URL the SDK's endpoint rules give (every call goes to exactly that URL, signed as for AWS), for
 * a test double such as the fake store of the tests.
 */
final class KvsTrafficStore implements TrafficStore, AutoCloseable {
  private final String arn;
  private final String key;
  private final CloudFrontKeyValueStoreClient client;

  /**
   * A store client. Nothing is sent before {@link #read()}.
   *
   * @param arn the KeyValueStore's ARN (stack output {@code trafficModeKvsArn})
   * @param key the key (stack output {@code trafficModeKey})
   * @param endpointUrl the service endpoint to use instead of AWS's, or null
   */
  KvsTrafficStore(String arn, String key, URI endpointUrl) {
    this.arn = Objects.requireNonNull(arn, "arn");
    this.key = Objects.requireNonNull(key, "key");
    CloudFrontKeyValueStoreClientBuilder b = CloudFrontKeyValueStoreClient.builder()
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(30))
            .build())
        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)));
    if (endpointUrl != null) {
      // Not endpointOverride: for this service the SDK's endpoint rules put the account ID in
      // front of the host name (https://ACCOUNT.cloudfront-kvs.global.api.aws), which turns
      // http://127.0.0.1:PORT into a host that does not exist. The rules still choose how to
      // sign (SigV4A, signing name, region set); only the URL is replaced.
      CloudFrontKeyValueStoreEndpointProvider rules =
          CloudFrontKeyValueStoreEndpointProvider.defaultProvider();
      b.endpointProvider(params -> rules.resolveEndpoint(params)
          .thenApply(e -> e.toBuilder().url(endpointUrl).build()));
    }
    this.client = b.build();
  }

  @Override
  public State read() {
    String etag = call("DescribeKeyValueStore",
        () -> client.describeKeyValueStore(r -> r.kvsARN(arn)).eTag());
    String value = call("GetKey", () -> {
      try {
        return client.getKey(r -> r.kvsARN(arn).key(key)).value();
      } catch (ResourceNotFoundException absent) {
        return null; // the store exists (DescribeKeyValueStore answered): the key does not
      }
    });
    return new State(etag, value);
  }

  @Override
  public String write(String value, String ifMatch) {
    try {
      return call("PutKey",
          () -> client.putKey(r -> r.kvsARN(arn).key(key).value(value).ifMatch(ifMatch)).eTag());
    } catch (CliIoException e) {
      if (e.getCause() instanceof ConflictException) {
        throw new CliIoException("the store " + arn + " changed after it was read (ETag " + ifMatch
            + " is no longer current): nothing was written; run 'maprule traffic show' and decide "
            + "again", e.getCause());
      }
      throw e;
    }
  }

  @Override
  public String name() {
    return arn;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public void close() {
    client.close();
  }

  /** Runs one SDK call; every failure becomes a one-line {@link CliIoException}. */
  private <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (ResourceNotFoundException e) {
      throw new CliIoException(operation + " " + arn + ": no such KeyValueStore ("
          + serviceReason(e) + ")", e);
    } catch (AwsServiceException e) {
      throw new CliIoException(operation + " " + arn + " refused: " + serviceReason(e), e);
    } catch (SdkException e) {
      throw new CliIoException(operation + " " + arn + " failed: " + oneLine(e.getMessage()), e);
    } catch (LinkageError e) {
      // the CRT's native library (SigV4A signing) is not in the jar for this platform
      throw new CliIoException(operation + " needs the AWS CRT native library for SigV4A signing, "
          + "which cannot be loaded on " + System.getProperty("os.name") + " "
          + System.getProperty("os.arch").toLowerCase(Locale.ROOT) + " (" + oneLine(e.toString())
          + "); use the aws cloudfront-keyvaluestore commands of docs/infrastructure.md", null);
    }
  }

  private static String serviceReason(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return (code == null ? "HTTP " + e.statusCode() : code + " (HTTP " + e.statusCode() + ")")
        + (message == null || message.isBlank() ? "" : ": " + oneLine(message));
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
