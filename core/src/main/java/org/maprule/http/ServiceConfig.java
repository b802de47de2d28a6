package org.maprule.http;

import java.util.Objects;
import java.util.Set;

/**
 * How one deployment of the service behaves. Every transport builds one from its own settings
 * (CLI flags, Lambda environment, Azure app settings) with the same meanings.
 *
 * @param ocnCodes accepted OCN {@code code} values; empty means open: any code accepted
 * @param clientAddressHeader lower-case name of the one CDN header that carries the CE's address
 *     (for example {@code cloudfront-viewer-address}), or null to use the transport's peer address
 * @param originVerifyHeader lower-case name of the header the CDN adds with the origin-verify
 *     secret
 * @param originVerifySecret the secret; when non-null, {@code clientAddressHeader} is trusted only
 *     on requests carrying it; when null the header is trusted as is (laptops, tests)
 * @param cloud name reported on {@code /health}: {@code local}, {@code aws} or {@code azure}
 * @param sharedMaxAgeSeconds {@code max-age} of answers that are the same for every CE, seconds
 * @param jpneKeys accepted JPNE device keys (the {@code {key}} of {@code /{key}/get_rules});
 *     empty means open: any key accepted (as for OCN codes). Compared in constant time and never
 *     echoed.
 */
public record ServiceConfig(
    Set<String> ocnCodes,
    String clientAddressHeader,
    String originVerifyHeader,
    String originVerifySecret,
    String cloud,
    int sharedMaxAgeSeconds,
    Set<String> jpneKeys) {

  /** Default origin-verify header name. */
  public static final String DEFAULT_ORIGIN_VERIFY_HEADER = "x-origin-verify";
  /** Default {@code max-age} of shared answers, seconds. */
  public static final int DEFAULT_SHARED_MAX_AGE = 300;

  /** Copies the code and key sets; checks non-null fields. */
  public ServiceConfig {
    ocnCodes = Set.copyOf(ocnCodes);
    jpneKeys = Set.copyOf(jpneKeys);
    Objects.requireNonNull(originVerifyHeader, "originVerifyHeader");
    Objects.requireNonNull(cloud, "cloud");
  }

  /**
   * A configuration without JPNE keys (any key accepted): the six-argument form from before JPNE
   * keys existed, kept for callers that do not configure them.
   *
   * @param ocnCodes as the canonical constructor
   * @param clientAddressHeader as the canonical constructor
   * @param originVerifyHeader as the canonical constructor
   * @param originVerifySecret as the canonical constructor
   * @param cloud as the canonical constructor
   * @param sharedMaxAgeSeconds as the canonical constructor
   */
  public ServiceConfig(Set<String> ocnCodes, String clientAddressHeader, String originVerifyHeader,
      String originVerifySecret, String cloud, int sharedMaxAgeSeconds) {
    this(ocnCodes, clientAddressHeader, originVerifyHeader, originVerifySecret, cloud,
        sharedMaxAgeSeconds, Set.of());
  }

  /** Open codes and keys, peer address only, cloud {@code local}, default max-age. */
  public static ServiceConfig defaults() {
    return new ServiceConfig(Set.of(), null, DEFAULT_ORIGIN_VERIFY_HEADER, null, "local",
        DEFAULT_SHARED_MAX_AGE, Set.of());
  }

  /** This config with other accepted codes. */
  public ServiceConfig withOcnCodes(Set<String> codes) {
    return new ServiceConfig(codes, clientAddressHeader, originVerifyHeader, originVerifySecret,
        cloud, sharedMaxAgeSeconds, jpneKeys);
  }

  /**
   * This config with other accepted JPNE keys.
   *
   * @param keys the keys; empty to accept any key
   * @return the new config
   */
  public ServiceConfig withJpneKeys(Set<String> keys) {
    return new ServiceConfig(ocnCodes, clientAddressHeader, originVerifyHeader, originVerifySecret,
        cloud, sharedMaxAgeSeconds, keys);
  }

  /** This config trusting {@code header} (lower-cased) as the client address. */
  public ServiceConfig withClientAddressHeader(String header) {
    return new ServiceConfig(ocnCodes, header == null ? null : header.toLowerCase(java.util.Locale.ROOT),
        originVerifyHeader, originVerifySecret, cloud, sharedMaxAgeSeconds, jpneKeys);
  }

  /** This config with an origin-verify header name and secret. */
  public ServiceConfig withOriginVerify(String header, String secret) {
    return new ServiceConfig(ocnCodes, clientAddressHeader, header.toLowerCase(java.util.Locale.ROOT),
        secret, cloud, sharedMaxAgeSeconds, jpneKeys);
  }

  /** This config with another cloud name. */
  public ServiceConfig withCloud(String cloudName) {
    return new ServiceConfig(ocnCodes, clientAddressHeader, originVerifyHeader, originVerifySecret,
        cloudName, sharedMaxAgeSeconds, jpneKeys);
  }
}
