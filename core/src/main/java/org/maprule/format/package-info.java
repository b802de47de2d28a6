/**
 * Rule-set files and CE-facing bodies.
 *
 * <ul>
 *   <li>{@link org.maprule.format.RuleSetFormat}: read and write the native file (docs/design.md §3),
 *       the OCN {@code basicMapRules} JSON (docs/domain.md §6.2) and the HB46PP answer (§6.1). Reading
 *       reports every parse problem of a document at once, with field paths; it checks types
 *       and syntax, not RFC ranges.
 *   <li>{@link org.maprule.format.RuleSetLoader}: read, validate whole
 *       ({@link org.maprule.validate.Validator}), digest ({@link org.maprule.format.RuleSetDigest}:
 *       SHA-256 of the canonical native JSON): the only way to a servable
 *       {@link org.maprule.format.LoadedRuleSet}.
 *   <li>{@link org.maprule.format.CeFormats}: the exact bytes CEs and operators receive (OCN,
 *       HB46PP, {@code maprule calc}).
 * </ul>
 */
package org.maprule.format;
