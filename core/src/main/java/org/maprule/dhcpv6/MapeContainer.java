package org.maprule.dhcpv6;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv6Address;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;

/**
 * A decoded {@code OPTION_S46_CONT_MAPE} (RFC 7598 §5.1): the rules and BRs of one MAP-E domain.
 *
 * @param rules the OPTION_S46_RULE options in wire order, at least one (immutable copy)
 * @param brs the OPTION_S46_BR addresses in wire order, at least one (immutable copy)
 * @param skippedOptionCodes codes of unknown options that were skipped, in wire order, inside the
 *     container or inside a rule (immutable copy; empty for everything maprule encodes)
 */
public record MapeContainer(List<S46Rule> rules, List<Ipv6Address> brs, List<Integer> skippedOptionCodes) {
  /** Copies the lists. */
  public MapeContainer {
    rules = List.copyOf(rules);
    brs = List.copyOf(brs);
    skippedOptionCodes = List.copyOf(skippedOptionCodes);
  }

  /** The rules as plain {@link MapRule}s, wire order (the F flag dropped). */
  public List<MapRule> mapRules() {
    List<MapRule> out = new ArrayList<>(rules.size());
    for (S46Rule r : rules) {
      out.add(r.rule());
    }
    return out;
  }

  /**
   * The container as a rule-set domain. DHCPv6 carries neither the domain's name, its
   * interface-id layout nor an End-user prefix length, so the caller gives them. The F flags are
   * dropped: a rule-set domain's rules serve as BMR and FMR alike.
   *
   * @param name the domain name
   * @param interfaceIdFormat the CE interface-id layout the BR expects
   * @param endUserPrefixLength bits, or empty
   * @return the domain (not validated: run {@link org.maprule.validate.Validator} on the rule set)
   * @throws MapruleException {@link ErrorCode#DHCPV6_MULTIPLE_BR} when more than one BR was sent,
   *     {@link ErrorCode#DHCPV6_EXPLICIT_PSID_UNSUPPORTED} when a rule carries an explicit PSID
   *     (only possible for o + r = 32; a shared rule cannot hold a per-CE PSID)
   */
  public Domain toDomain(String name, InterfaceIdFormat interfaceIdFormat, OptionalInt endUserPrefixLength) {
    Objects.requireNonNull(name, "name");
    if (brs.size() > 1) {
      throw new MapruleException(ErrorCode.DHCPV6_MULTIPLE_BR, "OPTION_S46_BR", brs.toString(),
          "the container has " + brs.size() + " OPTION_S46_BR options " + brs
              + ": a maprule domain has exactly one BR");
    }
    for (int i = 0; i < rules.size(); i++) {
      PortParams pp = rules.get(i).portParams();
      if (pp != null && pp.hasExplicitPsid()) {
        throw new MapruleException(ErrorCode.DHCPV6_EXPLICIT_PSID_UNSUPPORTED,
            "OPTION_S46_RULE[" + i + "].OPTION_S46_PORTPARAMS.PSID", pp.psidLength() + "/" + pp.psid(),
            "OPTION_S46_RULE[" + i + "] carries the explicit PSID " + pp.psid() + " (PSID-len "
                + pp.psidLength() + "): that is one CE's port set, not a rule a rule set can share");
      }
    }
    return new Domain(name, brs.get(0), interfaceIdFormat, endUserPrefixLength, mapRules());
  }
}
