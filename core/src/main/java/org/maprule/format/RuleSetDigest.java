package org.maprule.format;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.maprule.rule.RuleSet;

/**
 * The rule-set digest: SHA-256 (FIPS 180-4) of the canonical native JSON
 * ({@link RuleSetFormat#NATIVE}{@code .write}), as 64 lower-case hex digits. It identifies the
 * rules, not the file: the same rules read from a pretty-printed native file, a compact one or
 * an equivalent OCN table give the same digest, and the {@code /rules} body hashes to its own
 * ETag.
 */
public final class RuleSetDigest {
  private RuleSetDigest() {}

  /**
   * The digest of a rule set.
   *
   * @param ruleSet the rule set
   * @return 64 lower-case hex digits
   */
  public static String of(RuleSet ruleSet) {
    return ofBytes(RuleSetFormat.NATIVE.write(ruleSet));
  }

  /**
   * SHA-256 of {@code bytes} as 64 lower-case hex digits.
   *
   * @param bytes any bytes (for the digest of a rule set: its canonical native JSON)
   * @return the hex digest
   */
  public static String ofBytes(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
