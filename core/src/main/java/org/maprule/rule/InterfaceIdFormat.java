package org.maprule.rule;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * Layout of the interface identifier of the CE's MAP IPv6 address: a property of the domain,
 * because the BR only answers a CE that uses the layout it expects.
 */
public enum InterfaceIdFormat {
  /**
   * RFC 7597 §6: {@code 16 bits 0 | IPv4 address (32) | PSID (16, right-aligned)}. HB46PP
   * {@code map_e.version} 1. Example: {@code 2001:db8:12:3400:0:c000:212:34}.
   */
  RFC7597("rfc7597", 1),
  /**
   * draft-ietf-softwire-map-03 ("legacy", OpenWrt {@code legacymap}): {@code 8 bits 0 | IPv4 (32)
   * | PSID (16) | 8 bits 0}. HB46PP {@code map_e.version} 0; every Japanese VNE expects it.
   * Example: {@code 2001:db8:12:3400:c0:2:1200:3400}.
   */
  DRAFT03("draft03", 0);

  private final String wireName;
  private final int hb46ppVersion;

  InterfaceIdFormat(String wireName, int hb46ppVersion) {
    this.wireName = wireName;
    this.hb46ppVersion = hb46ppVersion;
  }

  /** The name in the native rule-set file: {@code rfc7597} or {@code draft03}. */
  public String wireName() {
    return wireName;
  }

  /** The HB46PP {@code map_e.version} value: 1 for RFC 7597, 0 for draft-03. */
  public int hb46ppVersion() {
    return hb46ppVersion;
  }

  /**
   * The format named {@code name} in the native file.
   *
   * @param name {@code rfc7597} or {@code draft03} (exact, lower case)
   * @param field the field name to report on error
   * @return the format
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} for any other name
   */
  public static InterfaceIdFormat fromWireName(String name, String field) {
    for (InterfaceIdFormat f : values()) {
      if (f.wireName.equals(name)) {
        return f;
      }
    }
    throw new MapruleException(ErrorCode.INVALID_VALUE, field, name,
        field + " '" + name + "' is not an interface-id format: expected rfc7597 or draft03");
  }

  /**
   * The format of an HB46PP {@code map_e.version}.
   *
   * @param version 0 (draft-03) or 1 (RFC 7597)
   * @return the format
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} (field {@code map_e.version}) otherwise
   */
  public static InterfaceIdFormat fromHb46ppVersion(int version) {
    for (InterfaceIdFormat f : values()) {
      if (f.hb46ppVersion == version) {
        return f;
      }
    }
    throw new MapruleException(ErrorCode.INVALID_VALUE, "map_e.version", String.valueOf(version),
        "map_e.version '" + version + "' is not 0 (draft-03) or 1 (RFC 7597)");
  }
}
