/**
 * Seeded CE requests over a rule set: the one request generator of maprule, used by
 * {@code maprule parity} at run time, by the cross-cloud parity test and by the failover drill.
 *
 * <ul>
 *   <li>{@link CeSampler}: CEs inside the rules of a rule set (End-user prefixes, their client
 *       addresses and what core derives for them), with the edge values of each rule, and
 *       prefixes and IPv4 addresses outside every rule;
 *   <li>{@link CeRequestGenerator}: requests of every endpoint ({@link Endpoint}) for those CEs,
 *       as raw request targets and headers ({@link CeRequest}), in three mixes ({@link Mix}):
 *       only well-formed requests of CEs inside a rule, the same with CEs outside every rule, and
 *       also deliberately malformed ones.
 * </ul>
 *
 * <p>Everything is deterministic for a seed: the same rule set, options and seed give the same
 * requests on every JVM ({@link java.util.Random}'s algorithm is specified). Percent-encoding is
 * the one URI layer's ({@link org.maprule.uri.PercentCodec}); MAP-E arithmetic is
 * {@link org.maprule.calc.MapCalculator}'s, so every CE said to be inside a rule is one core maps.
 */
package org.maprule.sample;
