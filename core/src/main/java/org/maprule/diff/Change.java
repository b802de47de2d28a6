package org.maprule.diff;

/**
 * What changes for a CE between two rule sets, judged on what the CE derives from its End-user
 * prefix (RFC 7597 §5.2, §6), not on how the rules are written: an equivalent rewrite of a rule
 * (a nested form, a split, a PSID offset of a rule without PSID) changes nothing.
 */
public enum Change {
  /** The End-user prefix had no BMR and now has one. */
  ADDED,
  /** The End-user prefix had a BMR and now has none. */
  REMOVED,
  /** The CE's IPv4 address (for o + r &lt; 32: its IPv4 prefix, address or length) changes. */
  IPV4_ADDRESS,
  /** The CE's PSID or PSID length k changes. */
  PSID,
  /**
   * The CE's port set changes, compared by its parameters: PSID offset a, PSID length k and PSID
   * when either side restricts ports (k &gt; 0); two unrestricted sets (k = 0) are equal whatever
   * a. (A set with a = 1 can equal one with a = 0 and k + 1; that rare coincidence is reported
   * as a change.)
   */
  PORT_SET,
  /**
   * The CE's MAP IPv6 address changes: its IPv4 field or 16-bit PSID field, the domain's
   * interface-id layout, or the domain's End-user prefix length (which decides how the CE cuts
   * its prefix; reported for every CE of the domain even where the cut happens to agree).
   */
  CE_ADDRESS,
  /** The BR address of the CE's domain changes. */
  BR
}
