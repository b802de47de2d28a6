package org.maprule.validate;

import java.util.ArrayList;
import java.util.List;
import org.maprule.ErrorCode;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * Checks a whole rule set against RFC 7597 §5 and docs/domain.md §7 and reports every violation at
 * once, each with a stable {@link ErrorCode}, the field path in the native file's terms (for
 * example {@code domains[0].rules[3].eaBitLength}), the offending value and a message.
 *
 * <ul>
 *   <li>Rule set: {@code TTL_OUT_OF_RANGE} (outside 1..604800 s, HB46PP v1.1),
 *       {@code NO_DOMAINS}.
 *   <li>Domain: {@code INVALID_DOMAIN_NAME}, {@code DUPLICATE_DOMAIN_NAME}, {@code BR_MISSING},
 *       {@code BR_NOT_GLOBAL_UNICAST}, {@code BR_INSIDE_RULE_PREFIX} (inside any rule prefix of
 *       the whole set), {@code END_USER_PREFIX_LENGTH_INVALID}, {@code NO_RULES}; warnings
 *       {@code END_USER_PREFIX_LENGTH_MIXED}, {@code HB46PP_RULES_TRIMMED},
 *       {@code RFC7597_DOMAIN_NOT_ON_OCN_JPNE} (every RFC 7597-layout domain: the OCN and JPNE
 *       endpoints refuse it).
 *   <li>Rule: {@code EA_BITS_OUT_OF_RANGE}, {@code EA_BITS_EXCEED_IPV6},
 *       {@code PSID_OFFSET_OUT_OF_RANGE}, {@code PSID_LENGTH_TOO_LONG},
 *       {@code PSID_EXCEEDS_PORT_BITS}; warnings {@code EA_BITS_BEYOND_64},
 *       {@code IPV4_PREFIX_PER_CE}, {@code ONE_TO_ONE_PREFIX}, {@code PSID_ZERO_SYSTEM_PORTS}.
 *   <li>Rule pairs, over all domains: {@code IPV6_RULE_OVERLAP} (overlapping IPv6 prefixes with
 *       different mappings; rules of different domains always map differently), warning
 *       {@code REDUNDANT_RULE} instead when, in one domain, the two rules are equal or the longer
 *       is a nested equivalent of the shorter; {@code IPV4_RULE_OVERLAP} for overlapping IPv4
 *       prefixes except redundant pairs. A pair is reported once, on the later rule in file
 *       order, naming the earlier. O(n log n) in the number of rules plus the pairs reported.
 * </ul>
 *
 * <p>Violations come in file order: the set's own first, then each domain's, then each of its
 * rules' (field checks, then pair checks). Never throws on odd values: a value out of range is
 * reported and the checks that would derive from it are skipped.
 */
public final class Validator {
  /** Longest TTL an HB46PP answer may carry, seconds (HB46PP v1.1). */
  public static final int MAX_TTL_SECONDS = 604_800;

  private Validator() {}

  /**
   * Validates every rule, every domain and the set as a whole.
   *
   * @param ruleSet the rule set as read, not null
   * @return every violation, errors and warnings; {@link ValidationReport#isValid()} when there is
   *     no error
   */
  public static ValidationReport validate(RuleSet ruleSet) {
    List<Violation> out = new ArrayList<>();
    int ttl = ruleSet.ttl();
    if (ttl < 1 || ttl > MAX_TTL_SECONDS) {
      out.add(Violation.error(ErrorCode.TTL_OUT_OF_RANGE, "ttl", String.valueOf(ttl),
          "ttl " + ttl + " is outside 1.." + MAX_TTL_SECONDS + " seconds (HB46PP v1.1)"));
    }
    List<Domain> domains = ruleSet.domains();
    if (domains.isEmpty()) {
      out.add(Violation.error(ErrorCode.NO_DOMAINS, "domains", "[]",
          "domains is [] (empty): a rule set needs at least one domain"));
    }

    List<LocatedRule> all = new ArrayList<>();
    List<List<LocatedRule>> byDomain = new ArrayList<>();
    for (int d = 0; d < domains.size(); d++) {
      List<LocatedRule> located = new ArrayList<>();
      List<MapRule> rules = domains.get(d).rules();
      for (int i = 0; i < rules.size(); i++) {
        LocatedRule r = new LocatedRule(d, i, all.size(), rules.get(i));
        located.add(r);
        all.add(r);
      }
      byDomain.add(located);
    }
    List<List<Violation>> pairViolations = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      pairViolations.add(new ArrayList<>(0));
    }
    OverlapChecks.check(all, pairViolations);

    DomainChecks domainChecks = new DomainChecks(all);
    for (int d = 0; d < domains.size(); d++) {
      domainChecks.check(d, domains.get(d), byDomain.get(d), out);
      for (LocatedRule r : byDomain.get(d)) {
        RuleChecks.check(r, out);
        out.addAll(pairViolations.get(r.order()));
      }
    }
    return new ValidationReport(out);
  }
}
