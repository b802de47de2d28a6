package org.maprule.http;

import org.maprule.format.RuleSetFormat;

/**
 * The whole HTTP behaviour of maprule on neutral types: routing, status codes, headers, bodies,
 * errors, auth checks and the trusted client address (DESIGN.md §1, §5). Every transport calls
 * {@link #handle}. Thread-safe. STUB: implemented by the http work package.
 */
public final class MapruleService {
  private MapruleService() {}

  /**
   * A service for a rule-set document, validated whole now. When it fails to read or validate,
   * the service still starts, answers 503 on every CE endpoint and says why on {@code /health}.
   *
   * @param config the deployment's configuration
   * @param rules the rule-set document
   * @param format its format
   * @return the service
   */
  public static MapruleService load(ServiceConfig config, byte[] rules, RuleSetFormat format) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Answers one request. Never throws for anything a client sends: bad input is a 4xx
   * problem+json answer, an unservable rule set a 503.
   *
   * @param request the neutral request
   * @return the neutral response
   */
  public HttpResponse handle(HttpRequest request) {
    throw new UnsupportedOperationException("TODO");
  }
}
