package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.calc.CeParameters;
import org.maprule.format.CeFormats;

/**
 * {@code GET /hb46pp?vendorid=&product=&version=&capability=[&token=][&user=&pass=]}, the HB46PP
 * provisioning API (docs/domain.md §6.1), tailored to the client address.
 *
 * <ol>
 *   <li>The query is checked ({@link Hb46ppQuery}): 400 naming the first bad parameter.
 *   <li>The client address ({@link ClientAddresses#resolve}) must be an IPv6 address inside some
 *       rule ({@link Customers#of}): it is looked up as a /128, which the calculator cuts to the
 *       domain's End-user prefix length. Otherwise 403 {@link ErrorCode#NOT_A_CUSTOMER} (HB46PP
 *       allows 403 or 404), whose {@code field} names where the address came from (the header or {@code peer}); the address
 *       itself is not echoed.
 *   <li>Without {@code map_e} in {@code capability}: {@code "order":[]} ({@link CeFormats#hb46pp}
 *       with {@code mapE} false); with it: the MAP-E answer for the CE's domain and BMR.
 * </ol>
 * Every 200 is {@code private, no-store}: it depends on the client address.
 */
final class Hb46ppEndpoint {
  private Hb46ppEndpoint() {}

  static HttpResponse answer(ServedRuleSet s, ServiceConfig config, HttpRequest request) {
    Hb46ppQuery query = Hb46ppQuery.parse(request);
    CeParameters p = Customers.of(s, config, request);
    return s.tailored(s.hb46ppBody(p.domain(), p.bmr(), query.mapE()));
  }
}
