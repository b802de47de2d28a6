package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.calc.CeParameters;
import org.maprule.format.JpneFormat;

/**
 * {@code GET /{key}/get_rules?callback=NAME}, the JPNE v6プラス rule API (docs/domain.md §6.3): JSONP
 * {@code NAME({"dmr":…,"id":<digest>,"ipv6_fixlen":…,"fmr":[…]})} ({@link JpneFormat}).
 *
 * <ol>
 *   <li>{@code key} (the path segment): when {@link ServiceConfig#jpneKeys()} is not empty it must
 *       be one of them (constant-time compare), else 403 {@link ErrorCode#FORBIDDEN_CODE}, field
 *       {@code key}, the key never echoed; checked first, so an unauthorised client learns
 *       nothing else. Any key is accepted when none is configured.
 *   <li>{@code callback}: required, a JavaScript identifier
 *       {@code [A-Za-z_$][A-Za-z0-9_$]{0,63}} ({@link JpneFormat#validateCallback}), else 400
 *       {@link ErrorCode#MISSING_PARAMETER} / {@link ErrorCode#INVALID_PARAMETER} naming it.
 *   <li>Which domain: a JPNE CE calls this API over IPv6 from its own prefix, so the answer is
 *       the domain of the BMR of the trusted client address ({@link Customers#of}, the same rule
 *       as HB46PP): every rule of that domain as {@code fmr}, its BR as {@code dmr}, its
 *       {@link JpneFormat#ipv6FixLength} as {@code ipv6_fixlen}. An IPv4 client or an address in
 *       no rule is 403 {@link ErrorCode#NOT_A_CUSTOMER}.
 *   <li>Which layout: {@code get_rules} carries no interface-id layout and JPNE CEs always build
 *       the draft-03 address (docs/domain.md §5, §6.3), so a domain whose layout is RFC 7597 is
 *       409 {@link ErrorCode#INTERFACE_ID_FORMAT_NOT_CARRIED}, its field where the client address
 *       came from (the address not echoed), naming {@code /hb46pp} and
 *       {@code /calc?format=openwrt} ({@link LayoutlessFormats}).
 * </ol>
 * The answer depends on the client address and the callback: {@code private, no-store}, no
 * entity-tag, with {@code content-type: application/javascript; charset=utf-8} and
 * {@code x-content-type-options: nosniff}.
 */
final class JpneEndpoint {
  /** The path's last segment. */
  static final String GET_RULES = "get_rules";

  private JpneEndpoint() {}

  /**
   * The key of a {@code /{key}/get_rules} path: exactly two non-empty segments, the second
   * {@value #GET_RULES}.
   *
   * @param path the decoded request path
   * @return the key, or null when the path is not of that form
   */
  static String key(String path) {
    int suffix = GET_RULES.length() + 1;
    if (path.length() <= suffix + 1 || path.charAt(0) != '/' || !path.endsWith("/" + GET_RULES)) {
      return null;
    }
    String key = path.substring(1, path.length() - suffix);
    return key.indexOf('/') >= 0 ? null : key;
  }

  static HttpResponse answer(ServedRuleSet s, ServiceConfig config, HttpRequest request,
      String key) {
    if (!config.jpneKeys().isEmpty() && !ConstantTime.containsSecret(config.jpneKeys(), key)) {
      throw new MapruleException(ErrorCode.FORBIDDEN_CODE, "key", null,
          "the key in the path is not an accepted key of this service");
    }
    String callback = JpneFormat.validateCallback(QueryParams.optional(request, "callback"));
    ClientAddress client = ClientAddresses.resolve(config, request);
    CeParameters p = Customers.of(s, client);
    LayoutlessFormats.requireDraft03(p.domain(), "get_rules", client.source(), null,
        "the client address (from " + Customers.origin(client) + ")");
    return s.tailoredJavascript(s.jpneBody(p.domain(), callback));
  }
}
