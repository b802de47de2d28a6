package org.maprule.json;

import java.util.List;

/**
 * A JSON array.
 *
 * @param elements the elements in document order (immutable copy)
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
  /** Copies the elements. */
  public JsonArray {
    elements = List.copyOf(elements);
  }

  /** The number of elements. */
  public int size() {
    return elements.size();
  }

  /** The element at {@code index}, 0-based. */
  public JsonValue get(int index) {
    return elements.get(index);
  }

  @Override
  public String typeName() {
    return "an array";
  }

  @Override
  public String toJson() {
    StringBuilder b = new StringBuilder("[");
    for (JsonValue v : elements) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(v.toJson());
    }
    return b.append(']').toString();
  }
}
