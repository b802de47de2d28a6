package org.maprule.format;

import org.maprule.rule.RuleSet;

/**
 * The rule-set file formats maprule reads and writes. STUB: implemented by the format work package.
 */
public enum RuleSetFormat {
  /** The native file (DESIGN.md §3). */
  NATIVE,
  /**
   * The OCN {@code {"basicMapRules":[…]}} JSON (DOMAIN.md §6.2): every value a string, rules
   * grouped into domains by {@code brIpv6Address}, draft03 layout, End-user prefix length n + o.
   */
  OCN,
  /** An HB46PP response JSON (DOMAIN.md §6.1): one domain from {@code map_e}. */
  HB46PP;

  /**
   * Reads a document of this format, reporting every parse problem at once.
   *
   * @param bytes the UTF-8 document
   * @return the rule set as read (not yet validated)
   * @throws org.maprule.MapruleException {@code RULE_SET_INVALID} with one violation per problem
   *     (MALFORMED_JSON, MISSING_FIELD, WRONG_TYPE, INVALID_VALUE, prefix errors), each naming
   *     the field path and value
   */
  public RuleSet read(byte[] bytes) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Writes a rule set in this format, UTF-8 JSON with a fixed field order and no trailing newline.
   *
   * @param ruleSet the rule set (HB46PP: its first domain only)
   * @return the bytes
   */
  public byte[] write(RuleSet ruleSet) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The format named on the command line.
   *
   * @param name {@code native}, {@code ocn} or {@code hb46pp} (case-insensitive)
   * @return the format
   * @throws org.maprule.MapruleException {@code INVALID_VALUE} (field {@code format}) otherwise
   */
  public static RuleSetFormat fromName(String name) {
    throw new UnsupportedOperationException("TODO");
  }
}
