package org.maprule.format;

import org.maprule.rule.RuleSet;
import org.maprule.validate.ValidationReport;

/**
 * A rule set that was read and validated with no error, ready to serve.
 *
 * @param ruleSet the rule set
 * @param report its validation report (warnings only)
 * @param digest the rule-set digest: 64 lower-case hex digits, SHA-256 of the canonical native
 *     JSON of {@code ruleSet} (so the same rules read from any format give the same digest)
 */
public record LoadedRuleSet(RuleSet ruleSet, ValidationReport report, String digest) {}
