package org.maprule.validate;

/** How bad a violation is: an error keeps a rule set from being served, a warning does not. */
public enum Severity {
  /** The rule set must not be served. */
  ERROR,
  /** Served, but an operator should look. */
  WARNING
}
