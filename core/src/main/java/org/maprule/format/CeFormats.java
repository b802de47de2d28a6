package org.maprule.format;

import java.util.ArrayList;
import java.util.List;
import org.maprule.ErrorCode;
import org.maprule.calc.CeParameters;
import org.maprule.calc.PortRange;
import org.maprule.json.Json;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * The CE-facing bodies, byte-exact: every one UTF-8 JSON, fixed field order, no floats, no
 * trailing newline, compact (no space), prefixes and addresses in RFC 5952 form.
 */
public final class CeFormats {
  /** Most rules one HB46PP answer may carry (v6mig-prov v1.1). */
  public static final int HB46PP_MAX_RULES = 256;

  private CeFormats() {}

  /**
   * OCN answer (docs/domain.md §6.2): {@code {"basicMapRules":[{"brIpv6Address":…,"eaBitLength":…,
   * "ipv4Prefix":…,"ipv4PrefixLength":…,"ipv6Prefix":…,"ipv6PrefixLength":…,"psIdOffset":…},…]}}
   * with every value a JSON string, one entry per rule of the domain in file order. Prefix
   * addresses are written without length ({@code "2400:4050::"}), numbers as decimal strings.
   *
   * @param domain the domain whose rules are sent
   * @return the body
   * @throws org.maprule.MapruleException {@code BR_MISSING} when the domain has no BR (never for
   *     a validated rule set)
   */
  public static byte[] ocn(Domain domain) {
    return OcnFormat.write(domain);
  }

  /**
   * HB46PP answer (docs/domain.md §6.1): {@code enabler_name}, {@code service_name}, {@code isp_name}
   * (when set), {@code ttl}, {@code order}, and when {@code mapE} is true {@code map_e} with
   * {@code version} (0 draft03, 1 RFC 7597), {@code mesh} 1 (the rules double as FMRs, as JP VNEs
   * send them), {@code br} and at most 256 rules: all of the domain's rules in file order when
   * there are at most 256, else the BMR and the first 255 others, kept in file order.
   *
   * @param ruleSet for names and ttl
   * @param domain the CE's domain, ignored when {@code mapE} is false
   * @param bmr the CE's BMR, one of the domain's rules; ignored when {@code mapE} is false
   * @param mapE whether the CE can do MAP-E; false gives {@code "order":[]} and no {@code map_e}
   * @return the body
   * @throws IllegalArgumentException when {@code mapE} and {@code bmr} is not a rule of
   *     {@code domain}
   */
  public static byte[] hb46pp(RuleSet ruleSet, Domain domain, MapRule bmr, boolean mapE) {
    if (!mapE) {
      return Hb46ppFormat.write(ruleSet, domain, List.of(), false);
    }
    return Hb46ppFormat.write(ruleSet, domain, hb46ppRules(domain, bmr), true);
  }

  /** At most 256 rules of the domain, the BMR always among them, in file order. */
  static List<MapRule> hb46ppRules(Domain domain, MapRule bmr) {
    List<MapRule> rules = domain.rules();
    int bmrIndex = rules.indexOf(bmr);
    if (bmrIndex < 0) {
      throw new IllegalArgumentException("BMR " + bmr + " is not a rule of domain " + domain.name());
    }
    if (rules.size() <= HB46PP_MAX_RULES) {
      return rules;
    }
    List<MapRule> out = new ArrayList<>(HB46PP_MAX_RULES);
    int others = 0;
    for (int i = 0; i < rules.size() && out.size() < HB46PP_MAX_RULES; i++) {
      if (i == bmrIndex) {
        out.add(rules.get(i));
      } else if (others < HB46PP_MAX_RULES - 1) {
        out.add(rules.get(i));
        others++;
      }
    }
    return out;
  }

  /**
   * One {@code maprule calc} object (docs/design.md §4), also the {@code /calc} body, in exactly this
   * order: {@code prefix}, {@code domain} (its name), {@code bmr{ipv6Prefix, ipv4Prefix,
   * eaBitLength, psidOffset}}, {@code ipv4Address}, {@code ipv4PrefixLength}, {@code psid},
   * {@code psidLength}, {@code psidOffset}, {@code portRanges} ({@code [[first,last],…]}
   * inclusive, or {@code null} when unrestricted), {@code portCount}, {@code ceAddress},
   * {@code ceAddressRfc7597}, {@code ceAddressDraft03}, {@code brIpv6Address}, and
   * {@code endUserPrefix} (the prefix the CE address was built from: {@code prefix} cut to the
   * domain's End-user prefix length, docs/domain.md §5; always present).
   *
   * @param p the calculation
   * @return the JSON object, no trailing newline
   */
  public static byte[] calc(CeParameters p) {
    return Json.write(w -> {
      MapRule bmr = p.bmr();
      w.beginObject()
          .field("prefix", p.prefix().toString())
          .field("domain", p.domain().name())
          .name("bmr").beginObject()
          .field("ipv6Prefix", bmr.ipv6Prefix().toString())
          .field("ipv4Prefix", bmr.ipv4Prefix().toString())
          .field("eaBitLength", bmr.eaBitLength())
          .field("psidOffset", bmr.psidOffset())
          .endObject()
          .field("ipv4Address", p.ipv4Address().toString())
          .field("ipv4PrefixLength", p.ipv4PrefixLength())
          .field("psid", p.psid())
          .field("psidLength", p.psidLength())
          .field("psidOffset", p.psidOffset())
          .name("portRanges");
      if (p.portSet().isUnrestricted()) {
        w.nullValue();
      } else {
        w.beginArray();
        for (PortRange r : p.portSet().ranges()) {
          w.beginArray().value(r.first()).value(r.last()).endArray();
        }
        w.endArray();
      }
      w.field("portCount", p.portSet().portCount())
          .field("ceAddress", p.ceAddress().toString())
          .field("ceAddressRfc7597", p.ceAddressRfc7597().toString())
          .field("ceAddressDraft03", p.ceAddressDraft03().toString())
          .field("brIpv6Address", p.brIpv6Address() == null ? null : p.brIpv6Address().toString())
          .field("endUserPrefix", p.endUserPrefix().toString())
          .endObject();
    });
  }

  /**
   * The {@code maprule calc} line for a prefix that cannot be mapped:
   * {@code {"prefix":…,"error":{"code":…,"message":…}}}.
   *
   * @param prefix the prefix as given (any text; escaped as JSON requires)
   * @param code the stable code, written as its name
   * @param message the message
   * @return the JSON object, no trailing newline
   */
  public static byte[] calcError(String prefix, ErrorCode code, String message) {
    return Json.write(w -> w.beginObject()
        .field("prefix", prefix)
        .name("error").beginObject()
        .field("code", code.name())
        .field("message", message)
        .endObject()
        .endObject());
  }
}
