package org.maprule.infra;

import java.util.List;
import java.util.Map;

/** Navigation in serialized resource inputs (maps, lists, strings, doubles, booleans). */
final class Inputs {

  private Inputs() {}

  /** The value at a path of map keys; fails when a step is missing or not a map. */
  static Object at(Map<String, Object> inputs, String... path) {
    Object current = inputs;
    StringBuilder where = new StringBuilder();
    for (String key : path) {
      where.append('.').append(key);
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
        throw new AssertionError("no input " + where + " in " + inputs);
      }
      current = m.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> inputs, String... path) {
    return (Map<String, Object>) at(inputs, path);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> inputs, String... path) {
    return (List<Object>) at(inputs, path);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Map<String, Object> inputs, String... path) {
    return (List<Map<String, Object>>) at(inputs, path);
  }

  static String str(Map<String, Object> inputs, String... path) {
    return (String) at(inputs, path);
  }

  /** A number input as an int (the engine carries every number as a double). */
  static int num(Map<String, Object> inputs, String... path) {
    return toInt(at(inputs, path));
  }

  static int toInt(Object value) {
    double d = ((Number) value).doubleValue();
    if (d != Math.rint(d)) {
      throw new AssertionError("not an integer: " + value);
    }
    return (int) d;
  }

  static List<Integer> ints(Map<String, Object> inputs, String... path) {
    return list(inputs, path).stream().map(Inputs::toInt).toList();
  }
}
