package org.maprule.json;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON number, kept as its literal so that readers can insist on integers: {@code 16} is
 * integral, {@code 16.0}, {@code 1e1} and {@code 1E+1} are not (RFC 8259 §6 grammar; the literal
 * has already passed it, so it has no sign other than a leading {@code -} and no leading zero).
 *
 * @param literal the number exactly as written in the document
 * @param integral whether the literal has neither a fraction nor an exponent
 */
public record JsonNumber(String literal, boolean integral) implements JsonValue {
  /** Checks non-null. */
  public JsonNumber {
    Objects.requireNonNull(literal, "literal");
  }

  /**
   * The exact value of an integral literal ({@code -0} is 0).
   *
   * @return the value
   * @throws IllegalStateException when the literal is not {@link #integral()}
   */
  public BigInteger bigIntegerValue() {
    if (!integral) {
      throw new IllegalStateException(literal + " is not an integer literal");
    }
    return new BigInteger(literal);
  }

  /** Whether the literal is integral and its value fits a Java {@code int} (-2^31..2^31-1). */
  public boolean fitsInt() {
    return integral && bigIntegerValue().bitLength() < 32;
  }

  @Override
  public String typeName() {
    return integral ? "an integer" : "a number with a fraction or exponent";
  }

  @Override
  public String toJson() {
    return literal;
  }
}
