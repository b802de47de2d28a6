package org.maprule.infra;

import java.util.Optional;

/**
 * The four traffic modes an operator switches between by writing the key {@link #KEY} of the
 * CloudFront KeyValueStore (no redeploy). The CloudFront Function {@code deploy/cdn/traffic-mode.js}
 * reads the key on every viewer request and picks the origin accordingly.
 */
public enum TrafficMode {
  /** AWS primary, Azure when AWS fails (the distribution's default origin group). */
  AWS("aws"),
  /** Azure primary, AWS when Azure fails (an origin group made per request by the function). */
  AZURE("azure"),
  /** AWS alone, no failover. */
  AWS_ONLY("aws-only"),
  /** Azure alone, no failover. */
  AZURE_ONLY("azure-only");

  /** The KeyValueStore key holding the mode. */
  public static final String KEY = "traffic-mode";

  /** The mode the stack writes when it creates the key, and the function's fallback. */
  public static final TrafficMode DEFAULT = AWS;

  private final String value;

  TrafficMode(String value) {
    this.value = value;
  }

  /** The value stored in the KeyValueStore, for example {@code aws-only}. */
  public String value() {
    return value;
  }

  /**
   * The mode a stored value names, read as the function reads it (trimmed, any case).
   *
   * @param stored the stored value, may be null
   * @return the mode, empty for an unknown value (the function then uses {@link #DEFAULT})
   */
  public static Optional<TrafficMode> parse(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    String v = stored.strip().toLowerCase(java.util.Locale.ROOT);
    for (TrafficMode m : values()) {
      if (m.value.equals(v)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
