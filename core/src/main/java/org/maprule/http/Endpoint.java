package org.maprule.http;

/**
 * The endpoints of {@link MapruleService}, by exact path (docs/design.md §5), plus
 * {@link #NONE} for a request that reached none: a small fixed set, so that metrics and logs can
 * name the endpoint without carrying client-chosen paths.
 */
public enum Endpoint {
  /** {@code /}: OCN rules. */
  OCN("ocn"),
  /** {@code /hb46pp}: HB46PP provisioning. */
  HB46PP("hb46pp"),
  /** {@code /{key}/get_rules}: JPNE JSONP. */
  GET_RULES("get_rules"),
  /** {@code /rules}: the rule set, native JSON. */
  RULES("rules"),
  /** {@code /calc}: one CE's parameters. */
  CALC("calc"),
  /** {@code /lookup}: reverse look-up. */
  LOOKUP("lookup"),
  /** {@code /health}: status of the service. */
  HEALTH("health"),
  /**
   * No endpoint: an unknown path (answered 404), or a request the transport could not parse
   * ({@link TransportFault}).
   */
  NONE("none");

  private final String label;

  Endpoint(String label) {
    this.label = label;
  }

  /**
   * The endpoint of a decoded request path: exact matches only (no trailing slash, case
   * sensitive), {@code /{key}/get_rules} with a non-empty key without {@code /}.
   *
   * @param path the decoded path, for example {@code /calc}; null gives {@link #NONE}
   * @return the endpoint, {@link #NONE} for any other path
   */
  public static Endpoint of(String path) {
    if (path == null) {
      return NONE;
    }
    return switch (path) {
      case "/" -> OCN;
      case "/hb46pp" -> HB46PP;
      case "/rules" -> RULES;
      case "/calc" -> CALC;
      case "/lookup" -> LOOKUP;
      case "/health" -> HEALTH;
      default -> JpneEndpoint.key(path) != null ? GET_RULES : NONE;
    };
  }

  /**
   * The lower-case name used in metrics and logs: {@code ocn}, {@code hb46pp},
   * {@code get_rules}, {@code rules}, {@code calc}, {@code lookup}, {@code health} or
   * {@code none}.
   */
  public String label() {
    return label;
  }
}
