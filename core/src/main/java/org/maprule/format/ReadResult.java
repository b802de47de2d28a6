package org.maprule.format;

import java.util.List;
import org.maprule.json.Json;
import org.maprule.json.JsonFields;
import org.maprule.json.JsonValue;
import org.maprule.rule.RuleSet;
import org.maprule.validate.Violation;

/**
 * What a reader found in one document.
 *
 * @param ruleSet the rule set, or null when some value could not be read; present (and worth
 *     validating) when the only problems leave every value readable (unknown fields, duplicate
 *     names)
 * @param violations every parse problem, all errors, in document order
 */
record ReadResult(RuleSet ruleSet, List<Violation> violations) {
  ReadResult {
    violations = List.copyOf(violations);
  }

  /** The format-specific part of a JSON reader: the top-level value's members to a rule set. */
  @FunctionalInterface
  interface JsonBody {
    /**
     * Reads the rule set from the document's top-level value.
     *
     * @param top the members of the top-level value (path {@code ""})
     * @param out where every problem goes, in document order
     * @return the rule set, or null when some value could not be read
     */
    RuleSet ruleSet(JsonFields top, Violations out);
  }

  /**
   * Reads one JSON document (RFC 8259): parses {@code bytes}, then lets {@code body} read the
   * top-level value. A document that does not parse gives a null rule set and the parse
   * violations, and {@code body} is not called.
   *
   * @param bytes the document, UTF-8
   * @param body the format's reader of the top-level value
   * @return the rule set {@code body} returned (or null) with every violation found
   */
  static ReadResult ofJson(byte[] bytes, JsonBody body) {
    Violations out = new Violations();
    JsonValue root = Json.read(bytes, out);
    if (root == null) {
      return new ReadResult(null, out.list());
    }
    return new ReadResult(body.ruleSet(JsonFields.of(root, "", out), out), out.list());
  }
}
