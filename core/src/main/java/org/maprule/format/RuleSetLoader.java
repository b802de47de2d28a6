package org.maprule.format;

/**
 * Read, validate whole, digest: the only way to get a {@link LoadedRuleSet}.
 * STUB: implemented by the format work package.
 */
public final class RuleSetLoader {
  private RuleSetLoader() {}

  /**
   * Reads and validates a rule-set document.
   *
   * @param bytes the document
   * @param format its format
   * @return the loaded rule set (its report holds warnings only)
   * @throws org.maprule.MapruleException {@code RULE_SET_INVALID} listing every parse and
   *     validation violation (warnings included) when there is any error
   */
  public static LoadedRuleSet load(byte[] bytes, RuleSetFormat format) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The built-in example rule set (documentation prefixes, RFC 3849 and RFC 5737): two domains,
   * one per interface-id layout. Read from the classpath resource
   * {@code org/maprule/example-rules.json}.
   *
   * @return the loaded example
   */
  public static LoadedRuleSet example() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The raw bytes of the built-in example file. */
  public static byte[] exampleBytes() {
    throw new UnsupportedOperationException("TODO");
  }
}
