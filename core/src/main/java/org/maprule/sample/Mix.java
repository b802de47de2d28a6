package org.maprule.sample;

/**
 * What kind of requests a {@link CeRequestGenerator} makes. In every mix each request says what
 * it is ({@link CeRequest#endUserPrefix()}, {@link CeRequest#flaw()}), and core answers
 * accordingly: a well-formed request of a CE inside a rule is served (200, or 304 when it carries
 * the served entity tag), every other request is refused with a 4xx — given a service that
 * accepts the generator's OCN code and JPNE key.
 */
public enum Mix {
  /**
   * Only well-formed GET requests of CEs inside a rule, without conditional headers: core answers
   * every one 200. OCN and JPNE requests come from CEs of {@code draft03} domains when the rule
   * set has any, because the CEs that use those formats always build the draft-03 interface
   * identifier (docs/domain.md §5). For load, the failover drill, post-deployment checks.
   */
  VALID,
  /**
   * As {@link #VALID}, but one request in ten is for a CE outside every rule (an End-user prefix
   * or client address in no Rule IPv6 prefix, an IPv4 address in no Rule IPv4 prefix), so that
   * the refusals are compared too; {@code /rules} is asked with GET, GET with
   * {@code If-None-Match} (304) and HEAD in turn. What {@code maprule parity} sends.
   */
  TYPICAL,
  /**
   * As {@link #TYPICAL}, plus on every endpoint: about three requests in ten with one thing wrong
   * on purpose (a parameter missing, malformed, too long or out of range, an unparseable client
   * address; {@link CeRequest#flaw()} says which), one in ten HEAD, one in five with
   * {@code If-None-Match}, values that are valid but unusual (upper-case IPv6, non-ASCII and
   * reserved characters in credentials, {@code +} for a space, percent-encoded unreserved
   * characters in paths and queries), and OCN and JPNE requests from CEs of every domain. For
   * comparing transports and deployments on more than the happy path.
   */
  HOSTILE
}
