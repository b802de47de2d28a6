package org.maprule.diff;

import java.util.Objects;

/**
 * A change to a domain's own settings, matched by domain name.
 *
 * @param domain the domain's name
 * @param kind what changed
 * @param oldValue the old value as text (an address, {@code rfc7597}/{@code draft03}, a length),
 *     or null when absent
 * @param newValue the new value as text, or null when absent
 */
public record DomainChange(String domain, Kind kind, String oldValue, String newValue) {
  /** What about a domain changed. */
  public enum Kind {
    /** A domain of this name exists only in the new rule set. */
    ADDED,
    /** A domain of this name exists only in the old rule set. */
    REMOVED,
    /** Its BR IPv6 address. */
    BR,
    /** Its CE interface-id layout. */
    INTERFACE_ID_FORMAT,
    /** Its End-user prefix length (absent or a number of bits). */
    END_USER_PREFIX_LENGTH
  }

  /** Checks the domain and kind. */
  public DomainChange {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(kind, "kind");
  }
}
