package org.maprule.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object: its members in document order. {@link Json#read} never produces duplicate names
 * (a duplicate is reported and the first occurrence kept).
 *
 * @param members name to value, in document order (unmodifiable)
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  /** Copies the members, keeping their order. */
  public JsonObject {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** The member named {@code name}, or null when absent. */
  public JsonValue get(String name) {
    return members.get(name);
  }

  @Override
  public String typeName() {
    return "an object";
  }

  @Override
  public String toJson() {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, JsonValue> e : members.entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      JsonString.quote(e.getKey(), b);
      b.append(':').append(e.getValue().toJson());
    }
    return b.append('}').toString();
  }
}
