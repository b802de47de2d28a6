package org.maprule.format;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.maprule.MapruleException;
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
 * The native rule-set file (docs/design.md §3).
 *
 * <pre>
 * { "ttl": int, "enablerName"?: string, "serviceName"?: string, "ispName"?: string,
 *   "comment"?: string, "description"?: string,
 *   "domains": [ { "name": string, "brIpv6Address"?: "IPv6", "interfaceIdFormat": "rfc7597"|"draft03",
 *                  "endUserPrefixLength"?: int,
 *                  "rules": [ { "ipv6Prefix": "addr/len", "ipv4Prefix": "addr/len",
 *                               "eaBitLength": int, "psidOffset": int } ] } ] }
 * </pre>
 *
 * <p>Reading: every other member is {@code UNKNOWN_FIELD}; {@code comment}/{@code description}
 * are read (must be strings) and dropped. An absent {@code brIpv6Address} gives a null BR, which
 * the validator reports as {@code BR_MISSING}. {@code psidOffset} is required (RFC 7597's default
 * 6 is not assumed). Absent names default to {@link RuleSet#DEFAULT_NAME}.
 *
 * <p>Writing (canonical form, the digest's input): compact, fields in the order above
 * ({@code enablerName} and {@code serviceName} always, {@code ispName}, {@code brIpv6Address}
 * and {@code endUserPrefixLength} only when set, no comment), prefixes and addresses in
 * RFC 5952 form.
 */
final class NativeFormat {
  private NativeFormat() {}

  static ReadResult read(byte[] bytes) {
    return ReadResult.ofJson(bytes, NativeFormat::ruleSet);
  }

  /** The rule set the top-level object holds, or null when some value could not be read. */
  private static RuleSet ruleSet(JsonFields top, Violations out) {
    Integer ttl = top.integer("ttl", true);
    String enablerName = top.string("enablerName", false);
    String serviceName = top.string("serviceName", false);
    String ispName = top.string("ispName", false);
    top.string("comment", false);
    top.string("description", false);
    JsonArray domainsJson = top.array("domains", true);
    top.rejectUnknown();
    List<Domain> domains = new ArrayList<>();
    if (domainsJson != null) {
      for (int i = 0; i < domainsJson.size(); i++) {
        domains.add(domain(domainsJson.get(i), JsonPath.index("domains", i), out));
      }
    }
    if (!out.allValuesRead() || !top.isObject()) {
      return null;
    }
    RuleSet rs = new RuleSet(ttl,
        enablerName == null ? RuleSet.DEFAULT_NAME : enablerName,
        serviceName == null ? RuleSet.DEFAULT_NAME : serviceName, ispName, domains);
    return rs;
  }

  /** One domain, or null when some value of it could not be read. */
  private static Domain domain(JsonValue v, String path, Violations out) {
    JsonFields f = JsonFields.of(v, path, out);
    String name = f.string("name", true);
    Ipv6Address br = Fields.ipv6Address(f, "brIpv6Address", false, out);
    String layoutName = f.string("interfaceIdFormat", true);
    InterfaceIdFormat layout = null;
    if (layoutName != null) {
      try {
        layout = InterfaceIdFormat.fromWireName(layoutName, f.path("interfaceIdFormat"));
      } catch (MapruleException e) {
        out.error(e, f.path("interfaceIdFormat"));
      }
    }
    Integer endUserPrefixLength = f.integer("endUserPrefixLength", false);
    JsonArray rulesJson = f.array("rules", true);
    f.rejectUnknown();
    List<MapRule> rules = new ArrayList<>();
    boolean complete = name != null && layout != null && rulesJson != null;
    if (rulesJson != null) {
      for (int i = 0; i < rulesJson.size(); i++) {
        MapRule r = rule(rulesJson.get(i), JsonPath.index(JsonPath.member(path, "rules"), i), out);
        complete &= r != null;
        rules.add(r);
      }
    }
    if (!complete) {
      return null;
    }
    return new Domain(name, br, layout,
        endUserPrefixLength == null ? OptionalInt.empty() : OptionalInt.of(endUserPrefixLength), rules);
  }

  /** One rule, or null when some value of it could not be read. */
  private static MapRule rule(JsonValue v, String path, Violations out) {
    JsonFields f = JsonFields.of(v, path, out);
    Ipv6Prefix ipv6 = Fields.ipv6Prefix(f, "ipv6Prefix", true, out);
    Ipv4Prefix ipv4 = Fields.ipv4Prefix(f, "ipv4Prefix", true, out);
    Integer ea = f.integer("eaBitLength", true);
    Integer offset = f.integer("psidOffset", true);
    f.rejectUnknown();
    if (ipv6 == null || ipv4 == null || ea == null || offset == null) {
      return null;
    }
    return new MapRule(ipv6, ipv4, ea, offset);
  }

  static byte[] write(RuleSet rs) {
    return Json.write(w -> {
      w.beginObject()
          .field("ttl", rs.ttl())
          .field("enablerName", rs.enablerName())
          .field("serviceName", rs.serviceName())
          .fieldIfPresent("ispName", rs.ispName())
          .name("domains").beginArray();
      for (Domain d : rs.domains()) {
        w.beginObject().field("name", d.name());
        if (d.brIpv6Address() != null) {
          w.field("brIpv6Address", d.brIpv6Address().toString());
        }
        w.field("interfaceIdFormat", d.interfaceIdFormat().wireName());
        if (d.endUserPrefixLength().isPresent()) {
          w.field("endUserPrefixLength", d.endUserPrefixLength().getAsInt());
        }
        w.name("rules").beginArray();
        for (MapRule r : d.rules()) {
          writeRule(w, r);
        }
        w.endArray().endObject();
      }
      w.endArray().endObject();
    });
  }

  private static void writeRule(JsonWriter w, MapRule r) {
    w.beginObject()
        .field("ipv6Prefix", r.ipv6Prefix().toString())
        .field("ipv4Prefix", r.ipv4Prefix().toString())
        .field("eaBitLength", r.eaBitLength())
        .field("psidOffset", r.psidOffset())
        .endObject();
  }
}
