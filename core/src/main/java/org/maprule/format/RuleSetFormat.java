package org.maprule.format;

import java.util.Locale;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.rule.RuleSet;

/**
 * The rule-set file formats maprule reads and writes. Reading is strict and reports every parse
 * problem of a document at once; it does not check RFC ranges (that is
 * {@link org.maprule.validate.Validator}'s job, which {@link RuleSetLoader} runs). Parse
 * violations name fields by their path in the document read ({@code domains[0].rules[3].eaBitLength},
 * {@code basicMapRules[7].psIdOffset}, {@code map_e.rules[2].ea_length}); validation violations
 * name them in native terms.
 */
public enum RuleSetFormat {
  /** The native file (docs/design.md §3); see {@code NativeFormat} for the exact shape. */
  NATIVE,
  /**
   * The OCN {@code {"basicMapRules":[…]}} JSON (docs/domain.md §6.2): every value a string, rules
   * grouped into domains by {@code brIpv6Address} (named {@code ocn}, or {@code ocn-1},
   * {@code ocn-2}, … for several BRs), draft03 layout, End-user prefix length n + o when all
   * rules of the domain agree, ttl 86400, default names.
   */
  OCN,
  /**
   * An HB46PP response JSON (docs/domain.md §6.1): one domain named {@code hb46pp} from
   * {@code map_e}, layout from {@code map_e.version}, no End-user prefix length.
   */
  HB46PP;

  /**
   * Reads a document of this format, reporting every parse problem at once.
   *
   * @param bytes the UTF-8 document
   * @return the rule set as read (not yet validated)
   * @throws MapruleException {@code RULE_SET_INVALID} with one violation per problem
   *     (MALFORMED_JSON, MISSING_FIELD, WRONG_TYPE, INVALID_VALUE, UNKNOWN_FIELD, prefix and
   *     address errors), each naming the field path and value
   */
  public RuleSet read(byte[] bytes) {
    ReadResult r = readAll(bytes);
    if (!r.violations().isEmpty()) {
      throw MapruleException.invalidRuleSet(r.violations());
    }
    return r.ruleSet();
  }

  /** Reads, returning the rule set when every value was readable, and every problem. */
  ReadResult readAll(byte[] bytes) {
    return switch (this) {
      case NATIVE -> NativeFormat.read(bytes);
      case OCN -> OcnFormat.read(bytes);
      case HB46PP -> Hb46ppFormat.read(bytes);
    };
  }

  /**
   * Writes a rule set in this format, UTF-8 JSON with a fixed field order and no trailing newline.
   * NATIVE: the canonical form (the digest's input). OCN: every rule of every domain, in order.
   * HB46PP: the first domain with all its rules (not cut to 256; a file, not a CE answer) and
   * {@code "order":["map_e"]}, or {@code "order":[]} when there is no domain.
   *
   * @param ruleSet the rule set
   * @return the bytes
   * @throws MapruleException {@code BR_MISSING} when writing OCN and a domain has no BR
   */
  public byte[] write(RuleSet ruleSet) {
    return switch (this) {
      case NATIVE -> NativeFormat.write(ruleSet);
      case OCN -> OcnFormat.write(ruleSet);
      case HB46PP -> Hb46ppFormat.write(ruleSet);
    };
  }

  /** The name on the command line: {@code native}, {@code ocn} or {@code hb46pp}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named on the command line.
   *
   * @param name {@code native}, {@code ocn} or {@code hb46pp} (case-insensitive)
   * @return the format
   * @throws MapruleException {@code INVALID_VALUE} (field {@code format}) otherwise
   */
  public static RuleSetFormat fromName(String name) {
    for (RuleSetFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new MapruleException(ErrorCode.INVALID_VALUE, "format", name,
        "format '" + name + "' is not native, ocn or hb46pp");
  }
}
