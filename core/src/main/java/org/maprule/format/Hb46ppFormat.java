package org.maprule.format;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.json.Json;
import org.maprule.json.JsonArray;
import org.maprule.json.JsonBoolean;
import org.maprule.json.JsonFields;
import org.maprule.json.JsonNumber;
import org.maprule.json.JsonPath;
import org.maprule.json.JsonString;
import org.maprule.json.JsonValue;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * The HB46PP provisioning answer (docs/domain.md §6.1, IPv6 Promotion Council v6mig-prov v1.1):
 * {@code {"enabler_name":…,"service_name":…,"isp_name"?:…,"ttl":n,"order":["map_e",…],
 * "map_e":{"version":0|1,"mesh":0|1|true|false,"br":"IPv6",
 * "rules":[{"ipv6":"addr/len","ipv4":"addr/len","ea_length":n,"psid_offset":n}]}}}.
 *
 * <p>Reading: {@code enabler_name}, {@code service_name}, {@code ttl}, {@code order} (an array of
 * strings that must list {@code map_e}) and {@code map_e.rules} are required; {@code version} is
 * optional (default 0, draft03), {@code mesh} optional (checked, not kept: maprule always answers
 * mesh 1), {@code br} optional (absent: the validator reports {@code BR_MISSING}); every rule
 * field is required; numbers must be integral JSON numbers. Other members ({@code token},
 * {@code auth}, {@code dslite}, extensions) are ignored, as the specification requires of CEs.
 * The result is one domain named {@code hb46pp}, with no End-user prefix length.
 *
 * <p>Writing: see {@link #write(RuleSet, Domain, List, boolean)}.
 */
final class Hb46ppFormat {
  /** The name of the one domain a rule set read from HB46PP JSON has. */
  static final String DOMAIN_NAME = "hb46pp";

  private Hb46ppFormat() {}

  static ReadResult read(byte[] bytes) {
    return ReadResult.ofJson(bytes, Hb46ppFormat::ruleSet);
  }

  /** The rule set the top-level object holds, or null when some value could not be read. */
  private static RuleSet ruleSet(JsonFields top, Violations out) {
    String enablerName = top.string("enabler_name", true);
    String serviceName = top.string("service_name", true);
    String ispName = top.string("isp_name", false);
    Integer ttl = top.integer("ttl", true);
    order(top, out);
    JsonFields mapE = JsonFields.of(top.value("map_e", true), "map_e", out);
    InterfaceIdFormat layout = InterfaceIdFormat.DRAFT03;
    Integer version = mapE.integer("version", false);
    if (version != null) {
      try {
        layout = InterfaceIdFormat.fromHb46ppVersion(version);
      } catch (MapruleException e) {
        out.error(e, mapE.path("version"));
      }
    }
    mesh(mapE, out);
    Ipv6Address br = Fields.ipv6Address(mapE, "br", false, out);
    JsonArray rulesJson = mapE.array("rules", true);
    List<MapRule> rules = new ArrayList<>();
    if (rulesJson != null) {
      for (int i = 0; i < rulesJson.size(); i++) {
        MapRule r = rule(rulesJson.get(i), JsonPath.index("map_e.rules", i), out);
        if (r != null) {
          rules.add(r);
        }
      }
    }
    if (!out.allValuesRead()) {
      return null;
    }
    Domain d = new Domain(DOMAIN_NAME, br, layout, OptionalInt.empty(), rules);
    return new RuleSet(ttl, enablerName, serviceName, ispName, List.of(d));
  }

  private static void order(JsonFields top, Violations out) {
    JsonArray order = top.array("order", true);
    if (order == null) {
      return;
    }
    boolean mapE = false;
    for (int i = 0; i < order.size(); i++) {
      JsonValue v = order.get(i);
      String p = JsonPath.index("order", i);
      if (v instanceof JsonString s) {
        mapE |= s.value().equals("map_e");
      } else {
        out.error(ErrorCode.WRONG_TYPE, p, v.toJson(100), p + " is " + v.typeName() + "; expected a string");
      }
    }
    if (!mapE) {
      out.error(ErrorCode.INVALID_VALUE, "order", order.toJson(100),
          "order " + order.toJson(100) + " does not list map_e: a CE would not use these rules");
    }
  }

  private static void mesh(JsonFields mapE, Violations out) {
    JsonValue v = mapE.value("mesh", false);
    if (v == null || v instanceof JsonBoolean) {
      return;
    }
    if (v instanceof JsonNumber n && n.integral()) {
      if (!n.literal().equals("0") && !n.literal().equals("1")) {
        out.error(ErrorCode.INVALID_VALUE, mapE.path("mesh"), n.literal(),
            "map_e.mesh " + n.toJson(40) + " is not 0 or 1");
      }
      return;
    }
    mapE.wrongType("mesh", v, "0, 1, true or false");
  }

  private static MapRule rule(JsonValue v, String path, Violations out) {
    JsonFields f = JsonFields.of(v, path, out);
    Ipv6Prefix ipv6 = Fields.ipv6Prefix(f, "ipv6", true, out);
    Ipv4Prefix ipv4 = Fields.ipv4Prefix(f, "ipv4", true, out);
    Integer ea = f.integer("ea_length", true);
    Integer offset = f.integer("psid_offset", true);
    if (ipv6 == null || ipv4 == null || ea == null || offset == null) {
      return null;
    }
    return new MapRule(ipv6, ipv4, ea, offset);
  }

  /**
   * An HB46PP answer in this order: {@code enabler_name}, {@code service_name}, {@code isp_name}
   * (when set), {@code ttl}, {@code order}; then, when {@code mapE}, {@code map_e} with
   * {@code version} (the domain's layout), {@code mesh} 1, {@code br} (when set) and
   * {@code rules} (prefixes as {@code addr/len}, lengths as JSON numbers).
   *
   * @param rs names and ttl
   * @param d the domain (ignored when {@code mapE} is false)
   * @param rules the rules to send, in order (ignored when {@code mapE} is false)
   * @param mapE false: {@code "order":[]} and no {@code map_e}
   * @return the body
   */
  static byte[] write(RuleSet rs, Domain d, List<MapRule> rules, boolean mapE) {
    return Json.write(w -> {
      w.beginObject()
          .field("enabler_name", rs.enablerName())
          .field("service_name", rs.serviceName())
          .fieldIfPresent("isp_name", rs.ispName())
          .field("ttl", rs.ttl())
          .name("order").beginArray();
      if (mapE) {
        w.value("map_e");
      }
      w.endArray();
      if (mapE) {
        w.name("map_e").beginObject()
            .field("version", d.interfaceIdFormat().hb46ppVersion())
            .field("mesh", 1);
        if (d.brIpv6Address() != null) {
          w.field("br", d.brIpv6Address().toString());
        }
        w.name("rules").beginArray();
        for (MapRule r : rules) {
          w.beginObject()
              .field("ipv6", r.ipv6Prefix().toString())
              .field("ipv4", r.ipv4Prefix().toString())
              .field("ea_length", r.eaBitLength())
              .field("psid_offset", r.psidOffset())
              .endObject();
        }
        w.endArray().endObject();
      }
      w.endObject();
    });
  }

  /** The rule-set file writer: the first domain with all its rules, or {@code "order":[]} when none. */
  static byte[] write(RuleSet rs) {
    if (rs.domains().isEmpty()) {
      return write(rs, null, List.of(), false);
    }
    Domain d = rs.domains().get(0);
    return write(rs, d, d.rules(), true);
  }
}
