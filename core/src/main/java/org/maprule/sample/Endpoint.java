package org.maprule.sample;

import java.util.Locale;

/**
 * The endpoints of the service (docs/design.md §5) that requests are generated for, in the order
 * they are generated and reported.
 */
public enum Endpoint {
  /** OCN rule API, {@code /?ipv6Prefix=&ipv6PrefixLength=&code=}. */
  OCN("ocn", "/"),
  /** HB46PP provisioning, {@code /hb46pp?vendorid=&product=&version=&capability=}. */
  HB46PP("hb46pp", "/hb46pp"),
  /** JPNE rule API, {@code /{key}/get_rules?callback=}. */
  JPNE("jpne", "/{key}/get_rules"),
  /** The {@code maprule calc} object, {@code /calc?prefix=P/LEN[&format=]}. */
  CALC("calc", "/calc"),
  /** Reverse look-up, {@code /lookup?ipv4=[&port=]}. */
  LOOKUP("lookup", "/lookup"),
  /** The whole rule set, {@code /rules}. */
  RULES("rules", "/rules"),
  /** The health probe, {@code /health}. */
  HEALTH("health", "/health");

  private final String label;
  private final String path;

  Endpoint(String label, String path) {
    this.label = label;
    this.path = path;
  }

  /**
   * The short name used in reports and on command lines.
   *
   * @return for example {@code hb46pp}
   */
  public String label() {
    return label;
  }

  /**
   * The path as docs/design.md §5 writes it.
   *
   * @return for example {@code /hb46pp} or {@code /{key}/get_rules}
   */
  public String path() {
    return path;
  }

  /**
   * Whether the answer depends on the client address (HB46PP and JPNE: the CE's own domain and
   * BMR), so that a request of this endpoint stands for exactly one CE.
   *
   * @return true for {@link #HB46PP} and {@link #JPNE}
   */
  public boolean tailored() {
    return this == HB46PP || this == JPNE;
  }

  /**
   * The endpoint of a label.
   *
   * @param label a {@link #label()}, any case
   * @return the endpoint
   * @throws IllegalArgumentException naming the label and the known ones when it is none of them
   */
  public static Endpoint ofLabel(String label) {
    for (Endpoint e : values()) {
      if (e.label.equals(label.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown endpoint '" + label
        + "': expected ocn, hb46pp, jpne, calc, lookup, rules or health");
  }
}
