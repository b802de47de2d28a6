package org.maprule.json;

/** The JSON {@code null} literal. Readers treat it as a wrong type, never as "absent". */
public record JsonNull() implements JsonValue {
  /** The one instance {@link Json#read} uses. */
  public static final JsonNull INSTANCE = new JsonNull();

  @Override
  public String typeName() {
    return "null";
  }

  @Override
  public String toJson() {
    return "null";
  }
}
