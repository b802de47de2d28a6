package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * Reading query parameters: the first value counts when a name repeats, unknown names are
 * ignored (HB46PP requires it; every endpoint does it).
 */
final class QueryParams {
  private QueryParams() {}

  /**
   * The first value of a required parameter (possibly empty: emptiness is the caller's check).
   *
   * @throws MapruleException {@link ErrorCode#MISSING_PARAMETER} naming it when absent
   */
  static String required(HttpRequest request, String name) {
    String v = request.queryFirst(name);
    if (v == null) {
      throw new MapruleException(ErrorCode.MISSING_PARAMETER, name, null,
          "query parameter '" + name + "' is required");
    }
    return v;
  }

  /** The first value of an optional parameter, or null. */
  static String optional(HttpRequest request, String name) {
    return request.queryFirst(name);
  }

  /** An {@link ErrorCode#INVALID_PARAMETER} exception; {@code value} null to not echo it. */
  static MapruleException invalid(String name, String value, String why) {
    return new MapruleException(ErrorCode.INVALID_PARAMETER, name, value,
        "query parameter '" + name + "'" + (value == null ? "" : " value '" + value + "'")
            + " is invalid: " + why);
  }
}
