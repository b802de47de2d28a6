package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.format.CeFormats;

/**
 * {@code GET /calc?prefix=P/LEN}: the {@code maprule calc} object (DESIGN.md §4) for one
 * End-user prefix. The prefix is parsed strictly ({@link Ipv6Prefix#parse(String, String)}: 400
 * with the parse error's own code, field {@code prefix}); calculation errors are 404
 * {@link ErrorCode#NO_MATCHING_RULE} and 400 {@link ErrorCode#END_USER_PREFIX_TOO_SHORT}. The
 * answer depends only on the URL and the rule set: shared, cacheable.
 */
final class CalcEndpoint {
  private CalcEndpoint() {}

  static HttpResponse answer(ServedRuleSet s, HttpRequest request) {
    String text = QueryParams.required(request, "prefix");
    Ipv6Prefix prefix = Ipv6Prefix.parse(text, "prefix");
    return s.shared(CeFormats.calc(s.calculator().calculate(prefix)), request);
  }
}
