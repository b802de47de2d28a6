package org.maprule.format;

import org.maprule.calc.CeParameters;
import org.maprule.calc.PortRange;
import org.maprule.json.Json;
import org.maprule.json.JsonWriter;
import org.maprule.lookup.AddressOwners;
import org.maprule.lookup.PortOwner;
import org.maprule.rule.MapRule;

/**
 * The reverse look-up answers ({@code GET /lookup}, {@code maprule lookup}), byte-exact like
 * {@link CeFormats}: UTF-8 JSON through the shared codec ({@link Json}), this member order, no
 * floats, compact, no trailing newline, prefixes and addresses in RFC 5952 / dotted-quad form.
 * Names follow {@link CeFormats#calc}: {@code rule} has the members of its {@code bmr}, and the
 * owner's CE addresses, port set and BR are the ones {@code /calc} gives for its End-user prefix.
 */
public final class LookupFormat {
  private LookupFormat() {}

  /**
   * The owner of one IPv4 address and port, in exactly this order: {@code ipv4} (the address
   * asked about), {@code port} (the port asked about), {@code domain} (its name), {@code
   * rule{ipv6Prefix, ipv4Prefix, eaBitLength, psidOffset}} (the rule whose Rule IPv4 prefix is the
   * longest match), {@code ceIpv4Prefix} (the owner's IPv4 space as {@code a.b.c.d/len}: /32 for
   * a shared or whole address, /(r + o) when each CE gets a prefix), {@code psid} (0..2^k - 1),
   * {@code psidLength} (k, bits, 0 when the address is not shared), {@code endUserPrefix} (Rule
   * IPv6 prefix ++ EA bits, length n + o), {@code ceAddress} (the domain's interface-id layout),
   * {@code ceAddressRfc7597}, {@code ceAddressDraft03}, {@code portRanges} (the owner's whole port
   * set, {@code [[first,last],…]} inclusive, or {@code null} when unrestricted), {@code portCount}
   * and {@code brIpv6Address} (null when the domain has none).
   *
   * @param o the owner
   * @return the JSON object
   */
  public static byte[] owner(PortOwner o) {
    CeParameters ce = o.ce();
    return Json.write(w -> {
      w.beginObject()
          .field("ipv4", o.ipv4Address().toString())
          .field("port", o.port())
          .field("domain", o.domain().name());
      rule(w, o.rule());
      w.field("ceIpv4Prefix", o.ceIpv4Prefix().toString())
          .field("psid", o.psid())
          .field("psidLength", o.psidLength())
          .field("endUserPrefix", o.endUserPrefix().toString())
          .field("ceAddress", ce.ceAddress().toString())
          .field("ceAddressRfc7597", ce.ceAddressRfc7597().toString())
          .field("ceAddressDraft03", ce.ceAddressDraft03().toString())
          .name("portRanges");
      if (ce.portSet().isUnrestricted()) {
        w.nullValue();
      } else {
        w.beginArray();
        for (PortRange r : ce.portSet().ranges()) {
          w.beginArray().value(r.first()).value(r.last()).endArray();
        }
        w.endArray();
      }
      w.field("portCount", ce.portSet().portCount())
          .field("brIpv6Address", ce.brIpv6Address() == null ? null : ce.brIpv6Address().toString())
          .endObject();
    });
  }

  /**
   * Every End-user prefix sharing one IPv4 address (one per PSID), in exactly this order:
   * {@code ipv4}, {@code domain}, {@code rule{ipv6Prefix, ipv4Prefix, eaBitLength, psidOffset}},
   * {@code ceIpv4Prefix}, {@code psidLength} (k, bits, 0 when not shared), and
   * {@code endUserPrefixes{count, first, last, block}}: the number of End-user prefixes (CEs),
   * 2^k (1 when not shared); the End-user prefix of PSID 0 and of PSID 2^k - 1, each of length
   * n + o; and the one prefix holding exactly them (length n + 32 - r; {@code first} itself when
   * the address is not shared).
   *
   * @param o the owners
   * @return the JSON object
   */
  public static byte[] owners(AddressOwners o) {
    return Json.write(w -> {
      w.beginObject()
          .field("ipv4", o.ipv4Address().toString())
          .field("domain", o.domain().name());
      rule(w, o.rule());
      w.field("ceIpv4Prefix", o.ceIpv4Prefix().toString())
          .field("psidLength", o.psidLength())
          .name("endUserPrefixes").beginObject()
          .field("count", o.count())
          .field("first", o.first().toString())
          .field("last", o.last().toString())
          .field("block", o.block().toString())
          .endObject()
          .endObject();
    });
  }

  private static void rule(JsonWriter w, MapRule r) {
    w.name("rule").beginObject()
        .field("ipv6Prefix", r.ipv6Prefix().toString())
        .field("ipv4Prefix", r.ipv4Prefix().toString())
        .field("eaBitLength", r.eaBitLength())
        .field("psidOffset", r.psidOffset())
        .endObject();
  }
}
