package org.maprule.dhcpv6;

import java.util.List;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.json.Json;
import org.maprule.json.JsonWriter;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * ISC Kea DHCPv6 {@code option-data} entries that make Kea send the same
 * {@code OPTION_S46_CONT_MAPE} as {@link Rfc7598#encode(Domain)}: to paste into a
 * {@code "Dhcp6"} (or subnet) {@code "option-data": [ … ]} list.
 *
 * <p>Kea's names (Kea ARM, "Common Softwire46 Options"): the container {@code s46-cont-mape} in
 * space {@code dhcp6}; {@code s46-rule} (record: flags, ea-len, prefix4-len, ipv4-prefix,
 * ipv6-prefix) and {@code s46-br} in space {@code s46-cont-mape-options};
 * {@code s46-portparams} (record: offset, PSID/PSID-len) in space {@code s46-rule-options}.
 * The flags value is the raw byte: 1 is the F flag of RFC 7598 §4.1 Figure 2 (its least
 * significant bit), whatever the Kea ARM's "(128)" wording suggests. The container is sent to
 * clients that request option 94 in their Option Request option; add {@code "always-send": true}
 * to the container entry to send it regardless.
 *
 * <p>Kea attaches every option of space {@code s46-rule-options} of a scope to every
 * {@code s46-rule} of that scope (its {@code CfgOption::encapsulate}), so one
 * {@code s46-portparams} serves all rules: a domain whose rules use different PSID offsets cannot
 * be expressed this way.
 */
public final class KeaOptionData {
  private KeaOptionData() {}

  /**
   * The entries for the whole domain: the container, one {@code s46-rule} per rule (flags 1,
   * file order), the {@code s46-br}, and one {@code s46-portparams} {@code "a, 0/0"} (offset a,
   * no explicit PSID).
   *
   * @param domain the domain
   * @return UTF-8 JSON array laid out by {@link Json#writeIndented} (one member per line, two
   *     spaces per level, LF line ends), members {@code name, space, data} in that order, no
   *     trailing newline
   * @throws MapruleException {@link ErrorCode#NO_RULES}, {@link ErrorCode#BR_MISSING},
   *     {@link ErrorCode#DHCPV6_KEA_MIXED_PSID_OFFSETS} when the rules' PSID offsets differ
   */
  public static byte[] mapE(Domain domain) {
    if (domain.rules().isEmpty()) {
      throw new MapruleException(ErrorCode.NO_RULES, "rules", null,
          "domain '" + domain.name() + "' has no rule to send");
    }
    int offset = domain.rules().get(0).psidOffset();
    for (int i = 1; i < domain.rules().size(); i++) {
      MapRule r = domain.rules().get(i);
      if (r.psidOffset() != offset) {
        throw new MapruleException(ErrorCode.DHCPV6_KEA_MIXED_PSID_OFFSETS, "rules[" + i + "].psidOffset",
            String.valueOf(r.psidOffset()), "domain '" + domain.name() + "' mixes PSID offsets "
                + offset + " and " + r.psidOffset() + " (rules[" + i + "]): Kea gives every s46-rule"
                + " of a scope the same s46-portparams");
      }
    }
    return write(domain, domain.rules(), true);
  }

  /**
   * The entries for one CE's BMR only.
   *
   * @param domain the BMR's domain (for the BR)
   * @param bmr the BMR
   * @param fmr whether to set the F flag (flags 1) or not (flags 0)
   * @return UTF-8 JSON array as {@link #mapE(Domain)}
   * @throws MapruleException {@link ErrorCode#BR_MISSING}
   */
  public static byte[] mapEBmr(Domain domain, MapRule bmr, boolean fmr) {
    return write(domain, List.of(bmr), fmr);
  }

  private static byte[] write(Domain domain, List<MapRule> rules, boolean fmr) {
    if (domain.brIpv6Address() == null) {
      throw new MapruleException(ErrorCode.BR_MISSING, "brIpv6Address", null,
          "domain '" + domain.name() + "' has no BR: s46-cont-mape requires an s46-br");
    }
    return Json.writeIndented(w -> {
      w.beginArray();
      entry(w, "s46-cont-mape", "dhcp6", null);
      for (MapRule r : rules) {
        entry(w, "s46-rule", "s46-cont-mape-options", (fmr ? 1 : 0) + ", " + r.eaBitLength() + ", "
            + r.ipv4Prefix().length() + ", " + r.ipv4Prefix().address() + ", " + r.ipv6Prefix());
      }
      entry(w, "s46-br", "s46-cont-mape-options", domain.brIpv6Address().toString());
      entry(w, "s46-portparams", "s46-rule-options", rules.get(0).psidOffset() + ", 0/0");
      w.endArray();
    });
  }

  private static void entry(JsonWriter w, String name, String space, String data) {
    w.beginObject().field("name", name).field("space", space).fieldIfPresent("data", data).endObject();
  }
}
