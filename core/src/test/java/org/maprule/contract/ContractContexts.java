package org.maprule.contract;

import java.util.Set;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.ServiceConfig;

/**
 * The named contexts (configuration + rule document) golden cases run in. Every context reports
 * cloud {@code contract} on {@code /health} and uses the default max-age (300 s).
 *
 * <ul>
 *   <li>{@code example}: the built-in example rules ({@link RuleSetLoader#exampleBytes()}), client
 *       address from header {@code x-test-client} (no secret), no OCN codes (any code accepted);
 *   <li>{@code example-codes}: as {@code example} with OCN codes {@code {"test-code"}} and JPNE
 *       keys {@code {"test-key"}};
 *   <li>{@code secret}: the example rules behind a CDN: client address from
 *       {@code cloudfront-viewer-address}, trusted only with {@code x-origin-verify:
 *       contract-secret}; without it the transport's peer (never a customer) is used;
 *   <li>{@code invalid}: {@code contract/rules/invalid.json}, which fails validation (one error,
 *       one warning), so every CE endpoint answers 503.
 * </ul>
 */
final class ContractContexts {
  /** The secret of the {@code secret} context. */
  static final String SECRET = "contract-secret";

  private ContractContexts() {}

  /** A context: what {@link ContractSuite#start} receives. */
  record Context(String name, ServiceConfig config, byte[] rules, RuleSetFormat format) {}

  /**
   * The context named {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  static Context named(String name) {
    ServiceConfig base = ServiceConfig.defaults().withCloud("contract");
    switch (name) {
      case "example":
        return new Context(name, base.withClientAddressHeader("x-test-client"),
            RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
      case "example-codes":
        return new Context(name, base.withClientAddressHeader("x-test-client")
            .withOcnCodes(Set.of("test-code")).withJpneKeys(Set.of("test-key")),
            RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
      case "secret":
        return new Context(name, base.withClientAddressHeader("cloudfront-viewer-address")
            .withOriginVerify("x-origin-verify", SECRET), RuleSetLoader.exampleBytes(),
            RuleSetFormat.NATIVE);
      case "invalid":
        return new Context(name, base.withClientAddressHeader("x-test-client"),
            ContractCase.readBytes("contract/rules/invalid.json"), RuleSetFormat.NATIVE);
      default:
        throw new IllegalArgumentException("unknown contract context " + name);
    }
  }
}
