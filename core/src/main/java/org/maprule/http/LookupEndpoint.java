package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.format.LookupFormat;
import org.maprule.lookup.ReverseLookup;

/**
 * {@code GET /lookup?ipv4=A[&port=N]}, reverse look-up for abuse handling
 * ({@link ReverseLookup}, RFC 7597 §5.1 and §5.2 inverted).
 *
 * <ul>
 *   <li>{@code ipv4}: required, a dotted-quad address (strict: four decimal parts 0..255 without
 *       leading zeros), else 400 {@link ErrorCode#MISSING_PARAMETER} /
 *       {@link ErrorCode#INVALID_PARAMETER} naming it.
 *   <li>{@code port}: optional; when present 1 to 5 ASCII digits without a leading zero (but
 *       {@code 0}), 0..65535, else 400 {@link ErrorCode#INVALID_PARAMETER} naming it (an empty
 *       {@code port=} too: it is not read as "no port").
 * </ul>
 * With a port: the owner ({@link LookupFormat#owner}); 404 {@link ErrorCode#NO_OWNER} with field
 * {@code ipv4} when the address lies in no Rule IPv4 prefix, with field {@code port} for port 0
 * and for a port in the excluded range 0..2^(16 - a) - 1 of a shared address (the message says
 * which). Without: every End-user prefix sharing the address ({@link LookupFormat#owners}); 404
 * for the address as above. Parameters are checked before anything is looked up. The answer
 * depends only on the URL and the rule set: shared, cacheable.
 */
final class LookupEndpoint {
  private LookupEndpoint() {}

  static HttpResponse answer(ServedRuleSet s, HttpRequest request) {
    String ipv4Text = QueryParams.required(request, "ipv4");
    Ipv4Address address;
    try {
      address = Ipv4Address.parse(ipv4Text, "ipv4");
    } catch (MapruleException e) {
      throw QueryParams.invalid("ipv4", ipv4Text, "expected a dotted-quad IPv4 address such as "
          + "192.0.2.18 (four decimal parts 0..255 without leading zeros)");
    }
    String portText = QueryParams.optional(request, "port");
    if (portText == null) {
      return s.shared(LookupFormat.owners(s.reverseLookup().lookup(address)), request);
    }
    int port = QueryParams.decimal(portText, 5, 65535);
    if (port < 0) {
      throw QueryParams.invalid("port", portText,
          "expected a decimal port 0..65535 without a leading zero");
    }
    return s.shared(LookupFormat.owner(s.reverseLookup().lookup(address, port)), request);
  }

}
