package org.maprule.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.maprule.addr.Ipv6Prefix;

/**
 * One generated request, ready to send: method, raw request target and headers, and what it
 * stands for.
 *
 * @param endpoint the endpoint it is for
 * @param method {@code GET} or {@code HEAD}
 * @param target the raw request target in origin-form (RFC 9112 §3.2.1): path and query as
 *     sent, every component percent-encoded by {@link org.maprule.uri.PercentCodec} where it
 *     needs to be, for example {@code /calc?prefix=2001:db8:112:3400::/56}; ASCII only, so it can
 *     be appended to a base URL as is
 * @param headers the request headers to send, lower-case name to value, in order
 *     (unmodifiable): the client-address header when one is configured and the request has a
 *     client address, {@code if-none-match} when the request is conditional
 * @param clientAddress the client address the request comes from, as text: in the
 *     client-address header when one is configured, else the address to send from (the
 *     transport's peer); null when the request stands for no particular client (then any peer
 *     will do). In {@link Mix#HOSTILE} it may be no address at all (a malformed header value)
 * @param endUserPrefix the End-user prefix of the CE inside a rule that the request is for; null
 *     when the request is for a CE outside every rule, or for no CE ({@code /rules},
 *     {@code /health})
 * @param flaw what is wrong with the request on purpose (for example
 *     {@code ipv6PrefixLength 'abc' is not a number}), or null when it is well-formed. A
 *     well-formed request with an End-user prefix is served (200, 304 with the served entity
 *     tag); every other one is refused with a 4xx, by a service that accepts the generator's
 *     OCN code and JPNE key
 */
public record CeRequest(Endpoint endpoint, String method, String target,
    Map<String, String> headers, String clientAddress, Ipv6Prefix endUserPrefix, String flaw) {

  /** Checks non-null fields and copies the headers. */
  public CeRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * Whether core serves this request: well-formed, and for a CE inside a rule or for no CE at
   * all ({@code /rules}, {@code /health}).
   *
   * @return true when the answer is 200 (or 304 to a matching {@code if-none-match})
   */
  public boolean served() {
    return flaw == null
        && (endUserPrefix != null || endpoint == Endpoint.RULES || endpoint == Endpoint.HEALTH);
  }
}
