package org.maprule.json;

import java.util.regex.Pattern;

/**
 * Field paths as they appear in violations: {@code domains[0].rules[3].eaBitLength}, with
 * {@code ""} for the document itself. A member name that is not an identifier
 * ({@code [A-Za-z_$][A-Za-z0-9_$]*}) is written bracketed and quoted, {@code a["odd name"]}, so a
 * path never reads ambiguously.
 */
public final class JsonPath {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private JsonPath() {}

  /**
   * The path of member {@code name} of the object at {@code parent}.
   *
   * @param parent the object's path, {@code ""} for the document
   * @param name the member name
   * @return for example {@code domains[0].name}
   */
  public static String member(String parent, String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      return parent + "[" + new JsonString(name).toJson() + "]";
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /**
   * The path of element {@code index} of the array at {@code parent}.
   *
   * @param parent the array's path
   * @param index 0-based
   * @return for example {@code domains[0]}
   */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path for messages: {@code the document} for {@code ""}, else the path itself. */
  public static String describe(String path) {
    return path.isEmpty() ? "the document" : path;
  }
}
