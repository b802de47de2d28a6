package org.maprule.rule;

import java.util.List;
import java.util.Objects;

/**
 * A whole rule set as served: every domain plus what HB46PP answers carry.
 *
 * @param ttl seconds a CE may keep the rules before refetching (valid 1..604800, HB46PP v1.1)
 * @param enablerName HB46PP {@code enabler_name}; native field {@code enablerName}, default
 *     {@value #DEFAULT_NAME}
 * @param serviceName HB46PP {@code service_name}; native field {@code serviceName}, default
 *     {@value #DEFAULT_NAME}
 * @param ispName HB46PP {@code isp_name}, or null to omit it
 * @param domains the domains, in file order (immutable copy)
 */
public record RuleSet(int ttl, String enablerName, String serviceName, String ispName, List<Domain> domains) {
  /** Default {@code enablerName} and {@code serviceName}. */
  public static final String DEFAULT_NAME = "maprule";

  /** Copies the domain list; checks non-null names. */
  public RuleSet {
    Objects.requireNonNull(enablerName, "enablerName");
    Objects.requireNonNull(serviceName, "serviceName");
    domains = List.copyOf(domains);
  }

  /**
   * A rule set with default names and no ISP name.
   *
   * @param ttl seconds
   * @param domains the domains
   * @return the rule set
   */
  public static RuleSet of(int ttl, List<Domain> domains) {
    return new RuleSet(ttl, DEFAULT_NAME, DEFAULT_NAME, null, domains);
  }

  /** The number of rules over all domains. */
  public int ruleCount() {
    return domains.stream().mapToInt(d -> d.rules().size()).sum();
  }
}
