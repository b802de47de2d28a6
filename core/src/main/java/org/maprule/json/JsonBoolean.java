package org.maprule.json;

/**
 * A JSON {@code true} or {@code false}.
 *
 * @param value the value
 */
public record JsonBoolean(boolean value) implements JsonValue {
  @Override
  public String typeName() {
    return "a boolean";
  }

  @Override
  public String toJson() {
    return Boolean.toString(value);
  }
}
