package org.maprule.dhcpv6;

import java.util.Objects;
import org.maprule.rule.MapRule;

/**
 * One decoded or to-be-encoded {@code OPTION_S46_RULE} (RFC 7598 §4.1).
 *
 * @param fmr the F flag: the rule is to be used for forwarding (an FMR); a rule without it is a
 *     BMR only (RFC 7598 §4.1, Figure 2)
 * @param rule the rule's IPv6 prefix (prefix6-len, ipv6-prefix), IPv4 prefix (prefix4-len,
 *     ipv4-prefix), EA-bits length (ea-len) and PSID offset (from {@code portParams}, else the
 *     RFC 7597 §5.1 default 6)
 * @param portParams the rule's OPTION_S46_PORTPARAMS, or null when the option carried none
 */
public record S46Rule(boolean fmr, MapRule rule, PortParams portParams) {
  /** Checks the rule is present and, when port parameters are, that their offset is the rule's. */
  public S46Rule {
    Objects.requireNonNull(rule, "rule");
    if (portParams != null && portParams.offset() != rule.psidOffset()) {
      throw new IllegalArgumentException("PORTPARAMS offset " + portParams.offset()
          + " differs from the rule's PSID offset " + rule.psidOffset());
    }
  }
}
