package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.format.CeFormats;

/**
 * {@code GET /?ipv6Prefix=&ipv6PrefixLength=&code=}, the OCN rule API (docs/domain.md §6.2).
 *
 * <ul>
 *   <li>{@code code}: when {@link ServiceConfig#ocnCodes()} is not empty it must be one of them
 *       (constant-time compare), else 403 {@link ErrorCode#FORBIDDEN_CODE}; checked first, so an
 *       unauthorised client learns nothing else. Any or no code is accepted when none is
 *       configured. The code is never echoed back.
 *   <li>{@code ipv6Prefix}: an IPv6 address in RFC 4291 §2.2 text, any case (some CEs send upper
 *       case hex); bits past the length may be set (the CE sends its first 64 bits).
 *   <li>{@code ipv6PrefixLength}: required (every OCN CE sends it: 64 or its PD length), 1 to 3
 *       decimal digits without a leading zero, accepted from the BMR's n + o to 64 (to n + o when a
 *       rule's n + o exceeds 64); otherwise 400 {@link ErrorCode#INVALID_PARAMETER} naming it.
 * </ul>
 * The BMR is found from the address (longest match, {@link org.maprule.calc.MapCalculator}); no
 * rule containing it is 404 {@link ErrorCode#NO_MATCHING_RULE}. The answer is
 * {@link CeFormats#ocn} of the BMR's whole domain — every rule of it, whichever the CE's BMR is
 * (clients pick their rule by prefix match) — the same for every client sending the same URL:
 * shared, cacheable.
 *
 * <p>A domain whose interface-id layout is RFC 7597 is never answered here: OCN rules carry no
 * layout and OCN CEs always build the draft-03 address (docs/domain.md §5, §6.2). Once every
 * parameter above is valid, such a domain is 409 {@link ErrorCode#INTERFACE_ID_FORMAT_NOT_CARRIED},
 * field {@code ipv6Prefix} with its value, naming {@code /hb46pp} and {@code /calc?format=openwrt}
 * ({@link LayoutlessFormats}); never 304, whatever {@code If-None-Match} says.
 */
final class OcnEndpoint {
  private OcnEndpoint() {}

  static HttpResponse answer(ServedRuleSet s, ServiceConfig config, HttpRequest request) {
    if (!config.ocnCodes().isEmpty()) {
      String code = QueryParams.optional(request, "code");
      if (!ConstantTime.containsSecret(config.ocnCodes(), code)) {
        throw new MapruleException(ErrorCode.FORBIDDEN_CODE, "code", null, code == null
            ? "query parameter 'code' is required by this service"
            : "query parameter 'code' is not an accepted code");
      }
    }
    String prefixText = QueryParams.required(request, "ipv6Prefix");
    Ipv6Address address;
    try {
      address = Ipv6Address.parse(prefixText, "ipv6Prefix");
    } catch (MapruleException e) {
      throw QueryParams.invalid("ipv6Prefix", prefixText,
          "expected an IPv6 address such as 2001:db8:12:3400::");
    }
    String lengthText = QueryParams.required(request, "ipv6PrefixLength");
    int length = QueryParams.decimal(lengthText, 3, 128);
    if (length < 0) {
      throw QueryParams.invalid("ipv6PrefixLength", lengthText,
          "expected a decimal prefix length without a leading zero");
    }
    CeParameters p;
    try {
      p = s.calculator().calculate(Ipv6Prefix.containing(address, 128));
    } catch (MapruleException e) {
      if (e.code() == ErrorCode.NO_MATCHING_RULE) {
        throw new MapruleException(ErrorCode.NO_MATCHING_RULE, "ipv6Prefix", prefixText,
            "no rule contains ipv6Prefix '" + prefixText + "'");
      }
      throw e;
    }
    int min = p.bmr().endUserPrefixLength();
    int max = Math.max(64, min);
    if (length < min || length > max) {
      throw QueryParams.invalid("ipv6PrefixLength", lengthText, "expected " + min + " to " + max
          + " for the rule " + p.bmr().ipv6Prefix() + " (its n + o is " + min + ")");
    }
    LayoutlessFormats.requireDraft03(p.domain(), "OCN", "ipv6Prefix", prefixText,
        "ipv6Prefix '" + prefixText + "'");
    return s.shared(s.ocnBody(p.domain().name()), request);
  }
}
