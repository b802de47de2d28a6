package org.maprule.http;

import java.nio.charset.StandardCharsets;
import org.maprule.ErrorCode;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.dhcpv6.Hex;
import org.maprule.dhcpv6.Rfc7598;
import org.maprule.format.CeFormats;
import org.maprule.format.OpenWrtFormat;

/**
 * {@code GET /calc?prefix=P/LEN[&format=json|openwrt|dhcpv6]}: for one End-user prefix, the
 * {@code maprule calc} object (docs/design.md §4, {@link CeFormats#calc}; {@code format=json}, the
 * default), the OpenWrt {@code /etc/config/network} MAP interface section
 * ({@code format=openwrt}, {@link OpenWrtFormat#network(CeParameters)}) or the RFC 7598
 * {@code OPTION_S46_CONT_MAPE} with the CE's BMR (F flag set) and the BR as lower-case hex and a
 * newline ({@code format=dhcpv6}, {@link Rfc7598#encodeBmr}, the bytes of
 * {@code maprule encode --format dhcpv6 --prefix P/LEN}); both text forms
 * {@code text/plain; charset=utf-8}.
 *
 * <p>{@code format} is checked first: anything but {@code json}, {@code openwrt} or
 * {@code dhcpv6} (exact, lower case) is 400 {@link ErrorCode#INVALID_PARAMETER} naming it. The prefix is parsed strictly
 * ({@link Ipv6Prefix#parse(String, String)}: 400 with the parse error's own code, field
 * {@code prefix}); calculation errors are 404 {@link ErrorCode#NO_MATCHING_RULE} and 400
 * {@link ErrorCode#END_USER_PREFIX_TOO_SHORT}. The answer depends only on the URL and the rule
 * set: shared, cacheable.
 */
final class CalcEndpoint {
  private CalcEndpoint() {}

  static HttpResponse answer(ServedRuleSet s, HttpRequest request) {
    String format = QueryParams.optional(request, "format");
    boolean openWrt = "openwrt".equals(format);
    boolean dhcpv6 = "dhcpv6".equals(format);
    if (format != null && !openWrt && !dhcpv6 && !format.equals("json")) {
      throw QueryParams.invalid("format", format, "expected json (the default), openwrt or dhcpv6");
    }
    String text = QueryParams.required(request, "prefix");
    Ipv6Prefix prefix = Ipv6Prefix.parse(text, "prefix");
    CeParameters ce = s.calculator().calculate(prefix);
    if (dhcpv6) {
      String hex = Hex.format(Rfc7598.encodeBmr(ce.domain(), ce.bmr(), true)) + "\n";
      return s.sharedText(hex.getBytes(StandardCharsets.US_ASCII), request);
    }
    if (openWrt) {
      return s.sharedText(OpenWrtFormat.network(ce).getBytes(StandardCharsets.UTF_8), request);
    }
    return s.shared(CeFormats.calc(ce), request);
  }
}
