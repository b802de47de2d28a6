package org.maprule.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.json.Json;
import org.maprule.json.JsonArray;
import org.maprule.json.JsonFields;
import org.maprule.json.JsonPath;
import org.maprule.json.JsonValue;
import org.maprule.json.JsonWriter;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * The OCN rule API body (docs/domain.md §6.2):
 * {@code {"basicMapRules":[{"brIpv6Address":"2001:380:a120::9","eaBitLength":"18",
 * "ipv4Prefix":"153.240.0.0","ipv4PrefixLength":"20","ipv6Prefix":"2400:4050::",
 * "ipv6PrefixLength":"38","psIdOffset":"6"},…]}}.
 *
 * <p>Reading is as strict as CE firmware: every value a JSON string (a number is
 * {@code WRONG_TYPE}), numbers as decimal strings without sign, space or leading zero, prefix
 * addresses without a length; {@code hostName} (static-IP customers) is accepted if a string and
 * ignored; any other member is {@code UNKNOWN_FIELD}. Rules are grouped into domains by BR
 * address in order of first appearance, named {@code ocn} when there is one BR, else
 * {@code ocn-1}, {@code ocn-2}, …; each domain is draft03 with End-user prefix length n + o when
 * all its rules agree (absent otherwise, which the validator warns about); ttl 86400 and the
 * default names.
 *
 * <p>Writing gives every rule of every domain in order, each with its domain's BR.
 */
final class OcnFormat {
  /** The ttl of a rule set read from OCN JSON, which carries none: one day, seconds. */
  static final int TTL = 86400;

  private OcnFormat() {}

  static ReadResult read(byte[] bytes) {
    return ReadResult.ofJson(bytes, OcnFormat::ruleSet);
  }

  /** The rule set the top-level object holds, or null when some value could not be read. */
  private static RuleSet ruleSet(JsonFields top, Violations out) {
    JsonArray rulesJson = top.array("basicMapRules", true);
    top.rejectUnknown();
    Map<Ipv6Address, List<MapRule>> byBr = new LinkedHashMap<>();
    if (rulesJson != null) {
      for (int i = 0; i < rulesJson.size(); i++) {
        rule(rulesJson.get(i), JsonPath.index("basicMapRules", i), out, byBr);
      }
    }
    if (!out.allValuesRead()) {
      return null;
    }
    List<Domain> domains = new ArrayList<>();
    int i = 1;
    for (Map.Entry<Ipv6Address, List<MapRule>> e : byBr.entrySet()) {
      List<MapRule> rules = e.getValue();
      int n0 = rules.get(0).endUserPrefixLength();
      boolean agree = rules.stream().allMatch(r -> r.endUserPrefixLength() == n0);
      domains.add(new Domain(byBr.size() == 1 ? "ocn" : "ocn-" + i, e.getKey(), InterfaceIdFormat.DRAFT03,
          agree ? OptionalInt.of(n0) : OptionalInt.empty(), rules));
      i++;
    }
    return RuleSet.of(TTL, domains);
  }

  /** Reads one entry into {@code byBr}; on any unreadable value records it and adds nothing. */
  private static void rule(JsonValue v, String path, Violations out, Map<Ipv6Address, List<MapRule>> byBr) {
    JsonFields f = JsonFields.of(v, path, out);
    Ipv6Address br = Fields.ipv6Address(f, "brIpv6Address", true, out);
    Integer ea = f.decimalString("eaBitLength", true);
    Ipv4Address v4 = Fields.ipv4Address(f, "ipv4Prefix", true, out);
    Integer v4len = f.decimalString("ipv4PrefixLength", true);
    Ipv6Address v6 = Fields.ipv6Address(f, "ipv6Prefix", true, out);
    Integer v6len = f.decimalString("ipv6PrefixLength", true);
    Integer offset = f.decimalString("psIdOffset", true);
    f.string("hostName", false);
    f.rejectUnknown();
    Ipv4Prefix ipv4 = v4 == null || !lengthAtMost(f, "ipv4PrefixLength", v4len, 32, out) ? null
        : prefix(() -> Ipv4Prefix.of(v4, v4len, f.path("ipv4Prefix")), f.path("ipv4Prefix"), out);
    Ipv6Prefix ipv6 = v6 == null || !lengthAtMost(f, "ipv6PrefixLength", v6len, 128, out) ? null
        : prefix(() -> Ipv6Prefix.of(v6, v6len, f.path("ipv6Prefix")), f.path("ipv6Prefix"), out);
    if (br != null && ea != null && ipv4 != null && ipv6 != null && offset != null) {
      byBr.computeIfAbsent(br, k -> new ArrayList<>()).add(new MapRule(ipv6, ipv4, ea, offset));
    }
  }

  /** Whether a read length is present and at most {@code max}; records INVALID_PREFIX if longer. */
  private static boolean lengthAtMost(JsonFields f, String name, Integer length, int max, Violations out) {
    if (length == null) {
      return false;
    }
    if (length > max) {
      out.error(ErrorCode.INVALID_PREFIX, f.path(name), length.toString(),
          f.path(name) + " \"" + length + "\" is longer than " + max + " bits");
      return false;
    }
    return true;
  }

  /** The prefix built by {@code of}, or null after recording its error (host bits set) at {@code field}. */
  private static <T> T prefix(Supplier<T> of, String field, Violations out) {
    try {
      return of.get();
    } catch (MapruleException e) {
      out.error(e, field);
      return null;
    }
  }

  /**
   * Every rule of every domain as one OCN body.
   *
   * @throws MapruleException {@code BR_MISSING} for a domain without BR (OCN cannot express it)
   */
  static byte[] write(RuleSet rs) {
    for (int i = 0; i < rs.domains().size(); i++) {
      requireBr(rs.domains().get(i), "domains[" + i + "].brIpv6Address");
    }
    return Json.write(w -> {
      w.beginObject().name("basicMapRules").beginArray();
      for (Domain d : rs.domains()) {
        writeRules(w, d);
      }
      w.endArray().endObject();
    });
  }

  /** One domain's rules as one OCN body. */
  static byte[] write(Domain d) {
    requireBr(d, "brIpv6Address");
    return Json.write(w -> {
      w.beginObject().name("basicMapRules").beginArray();
      writeRules(w, d);
      w.endArray().endObject();
    });
  }

  private static void requireBr(Domain d, String field) {
    if (d.brIpv6Address() == null) {
      throw new MapruleException(ErrorCode.BR_MISSING, field, null,
          "domain '" + d.name() + "' has no BR address, which every OCN rule must carry");
    }
  }

  private static void writeRules(JsonWriter w, Domain d) {
    String br = d.brIpv6Address().toString();
    for (MapRule r : d.rules()) {
      w.beginObject()
          .field("brIpv6Address", br)
          .field("eaBitLength", Integer.toString(r.eaBitLength()))
          .field("ipv4Prefix", r.ipv4Prefix().address().toString())
          .field("ipv4PrefixLength", Integer.toString(r.ipv4Prefix().length()))
          .field("ipv6Prefix", r.ipv6Prefix().address().toString())
          .field("ipv6PrefixLength", Integer.toString(r.ipv6Prefix().length()))
          .field("psIdOffset", Integer.toString(r.psidOffset()))
          .endObject();
    }
  }
}
