package org.maprule.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.maprule.ErrorCode;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;

/**
 * The checks of one domain (docs/domain.md §7): its name, its BR (RFC 7597 §7), its End-user prefix
 * length, its rule count and whether the OCN and JPNE endpoints can serve its layout.
 */
final class DomainChecks {
  /** A valid domain name. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** Most rules one HB46PP answer carries (HB46PP v1.1). */
  static final int HB46PP_MAX_RULES = 256;

  private final Map<String, Integer> firstDomainByName = new HashMap<>();
  private final Map<Ipv6Prefix, List<LocatedRule>> rulesByIpv6Prefix = new HashMap<>();
  private final int[] prefixLengthsLongestFirst;

  /**
   * Prepares the checks for one rule set.
   *
   * @param allRules every rule of the set (for the BR-inside-a-rule check)
   */
  DomainChecks(List<LocatedRule> allRules) {
    TreeSet<Integer> lengths = new TreeSet<>();
    for (LocatedRule r : allRules) {
      rulesByIpv6Prefix.computeIfAbsent(r.ipv6(), p -> new ArrayList<>()).add(r);
      lengths.add(r.ipv6().length());
    }
    prefixLengthsLongestFirst = lengths.descendingSet().stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Adds every violation of domain {@code index} to {@code out}. Call once per domain, in file
   * order (duplicate names are reported on the later domain).
   *
   * @param index the domain's index in {@code domains[]}
   * @param domain the domain
   * @param rules its rules with their places
   * @param out where violations go
   */
  void check(int index, Domain domain, List<LocatedRule> rules, List<Violation> out) {
    String path = "domains[" + index + "]";
    checkName(index, path, domain.name(), out);
    checkBr(path, domain.brIpv6Address(), out);
    checkEndUserPrefixLength(path, domain.endUserPrefixLength(), rules, out);
    String rulesPath = path + ".rules";
    if (rules.isEmpty()) {
      out.add(Violation.error(ErrorCode.NO_RULES, rulesPath, "[]",
          rulesPath + " is [] (empty): a domain needs at least one rule"));
    }
    checkMixedEndUserPrefixLengths(rulesPath, rules, out);
    checkLayoutlessFormats(path, domain, out);
    if (rules.size() > HB46PP_MAX_RULES) {
      out.add(Violation.warning(ErrorCode.HB46PP_RULES_TRIMMED, rulesPath,
          String.valueOf(rules.size()), rulesPath + " holds " + rules.size() + " rules, more than"
              + " the " + HB46PP_MAX_RULES + " an HB46PP answer carries: HB46PP answers are trimmed"
              + " to " + HB46PP_MAX_RULES + " rules, the CE's BMR kept"));
    }
  }

  /**
   * Warns about an RFC 7597-layout domain: OCN {@code /} and JPNE {@code /{key}/get_rules} refuse
   * it (their formats carry no layout, their CEs build the draft-03 address). Both endpoints are
   * always served and pick the domain from the CE's own prefix (the OCN {@code ipv6Prefix}, the
   * JPNE client address), and in a valid set a prefix inside a rule has its BMR in that rule's
   * domain (rules of two domains may not overlap), so such CEs always reach the domain; a
   * configured OCN code or JPNE key narrows who may ask, not which domain answers. Hence one
   * warning per such domain, whatever the deployment.
   */
  private static void checkLayoutlessFormats(String path, Domain domain, List<Violation> out) {
    if (domain.interfaceIdFormat() != InterfaceIdFormat.RFC7597) {
      return;
    }
    String field = path + ".interfaceIdFormat";
    out.add(Violation.warning(ErrorCode.RFC7597_DOMAIN_NOT_ON_OCN_JPNE, field,
        InterfaceIdFormat.RFC7597.wireName(), field + " is rfc7597 (domain '" + domain.name()
            + "'): OCN (/) and JPNE (/{key}/get_rules) answers cannot carry that layout, so those"
            + " endpoints refuse its CEs (409 INTERFACE_ID_FORMAT_NOT_CARRIED); they must use"
            + " /hb46pp (map_e.version 1) or /calc?format=openwrt"));
  }

  private void checkName(int index, String path, String name, List<Violation> out) {
    String field = path + ".name";
    if (!NAME.matcher(name).matches()) {
      out.add(Violation.error(ErrorCode.INVALID_DOMAIN_NAME, field, name, field + " '" + name
          + "' is not 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"));
    }
    Integer first = firstDomainByName.putIfAbsent(name, index);
    if (first != null) {
      out.add(Violation.error(ErrorCode.DUPLICATE_DOMAIN_NAME, field, name, field + " '" + name
          + "' is already the name of domains[" + first + "]: domain names must be unique"));
    }
  }

  private void checkBr(String path, Ipv6Address br, List<Violation> out) {
    String field = path + ".brIpv6Address";
    if (br == null) {
      out.add(Violation.error(ErrorCode.BR_MISSING, field, null,
          field + " is missing: every domain needs its BR's IPv6 address (RFC 7597 §7)"));
      return;
    }
    if (!br.isGlobalUnicast()) {
      out.add(Violation.error(ErrorCode.BR_NOT_GLOBAL_UNICAST, field, br.toString(), field + " "
          + br + " is not a global unicast address: it must lie in 2000::/3 (RFC 4291 §2.4)"));
    }
    LocatedRule longest = null;
    int count = 0;
    for (int length : prefixLengthsLongestFirst) {
      List<LocatedRule> hits = rulesByIpv6Prefix.get(Ipv6Prefix.containing(br, length));
      if (hits != null) {
        if (longest == null) {
          longest = hits.get(0);
        }
        count += hits.size();
      }
    }
    if (longest != null) {
      out.add(Violation.error(ErrorCode.BR_INSIDE_RULE_PREFIX, field, br.toString(), field + " "
          + br + " lies inside the rule IPv6 prefix of " + longest.describe()
          + (count > 1 ? " and " + (count - 1) + " other rule(s)" : "")
          + ": the BR must lie outside every rule prefix"));
    }
  }

  private static void checkEndUserPrefixLength(String path, OptionalInt length,
      List<LocatedRule> rules, List<Violation> out) {
    if (length.isEmpty()) {
      return;
    }
    String field = path + ".endUserPrefixLength";
    int eupl = length.getAsInt();
    if (eupl < 1 || eupl > 128) {
      out.add(Violation.error(ErrorCode.END_USER_PREFIX_LENGTH_INVALID, field,
          String.valueOf(eupl), field + " " + eupl + " is outside 1..128 bits"));
      return;
    }
    LocatedRule deepest = null;
    for (LocatedRule r : rules) {
      if (r.eaBitsSound() && (deepest == null
          || r.rule().endUserPrefixLength() > deepest.rule().endUserPrefixLength())) {
        deepest = r;
      }
    }
    if (deepest != null && eupl < deepest.rule().endUserPrefixLength()) {
      out.add(Violation.error(ErrorCode.END_USER_PREFIX_LENGTH_INVALID, field,
          String.valueOf(eupl), field + " " + eupl + " is shorter than n + o = "
              + deepest.rule().endUserPrefixLength() + " of " + deepest.describe()
              + ": the End-user prefix must hold all the rule's EA bits"));
    }
  }

  private static void checkMixedEndUserPrefixLengths(String rulesPath, List<LocatedRule> rules,
      List<Violation> out) {
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (LocatedRule r : rules) {
      if (r.eaBitsSound()) {
        counts.merge(r.rule().endUserPrefixLength(), 1, Integer::sum);
      }
    }
    if (counts.size() > 1) {
      StringBuilder value = new StringBuilder();
      StringBuilder detail = new StringBuilder();
      counts.forEach((len, c) -> {
        value.append(value.isEmpty() ? "" : ",").append(len);
        detail.append(detail.isEmpty() ? "" : ", ").append(c).append(" rule(s) with n + o = ")
            .append(len);
      });
      out.add(Violation.warning(ErrorCode.END_USER_PREFIX_LENGTH_MIXED, rulesPath,
          value.toString(), rulesPath + " mixes End-user prefix lengths " + value + " (" + detail
              + "): every published JP table uses one n + o (56) per domain"));
    }
  }
}
