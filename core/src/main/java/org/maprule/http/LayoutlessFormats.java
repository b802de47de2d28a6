package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;

/**
 * The guard of the two CE formats that carry no interface-id layout: OCN {@code basicMapRules}
 * ({@code /}) and JPNE {@code get_rules} JSONP (docs/domain.md §6.2, §6.3). The CEs that read them
 * (ASUS {@code ocnvcd}, {@code s46map_rptd}, community OpenWrt scripts) always build the draft-03
 * CE address (docs/domain.md §5); given a domain whose layout is RFC 7597 §6 they would build an
 * address its BR drops. Such a domain is therefore never served through these formats: the CE is
 * told, with a 409 problem, which endpoints carry the layout — {@code /hb46pp}
 * ({@code map_e.version} 1) and {@code /calc?format=openwrt} ({@code legacymap} absent).
 * {@code maprule validate} warns about every such domain
 * ({@link ErrorCode#RFC7597_DOMAIN_NOT_ON_OCN_JPNE}).
 */
final class LayoutlessFormats {
  /** The endpoints a CE of an RFC 7597-layout domain should call instead. */
  static final String INSTEAD = "/hb46pp (map_e.version 1) or /calc?format=openwrt";

  private LayoutlessFormats() {}

  /**
   * Refuses a domain whose CEs the format would mislead.
   *
   * @param domain the CE's domain (the BMR's)
   * @param api the format's name in the message, for example {@code OCN}
   * @param field the request input that selected the domain, reported as the problem's
   *     {@code field} (for example {@code ipv6Prefix}, or where the client address came from)
   * @param value its value as received, or null when it must not be echoed (a client address)
   * @param selector that input in words, for example {@code ipv6Prefix '2001:db8:12:3400::'}
   * @throws MapruleException {@link ErrorCode#INTERFACE_ID_FORMAT_NOT_CARRIED} (answered 409)
   *     when the domain's layout is {@link InterfaceIdFormat#RFC7597}; nothing when it is
   *     {@link InterfaceIdFormat#DRAFT03}
   */
  static void requireDraft03(Domain domain, String api, String field, String value,
      String selector) {
    if (domain.interfaceIdFormat() == InterfaceIdFormat.DRAFT03) {
      return;
    }
    throw new MapruleException(ErrorCode.INTERFACE_ID_FORMAT_NOT_CARRIED, field, value,
        selector + " lies in domain '" + domain.name() + "', whose CE addresses use the RFC 7597"
            + " interface identifier: the " + api + " answer cannot say so and its CEs build the"
            + " draft-03 address, which the BR drops; such a CE must use " + INSTEAD);
  }
}
