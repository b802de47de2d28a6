package org.maprule.format;

import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.json.JsonFields;

/** The address-typed getters every reader shares: a strict parse, or a violation and null. */
final class Fields {
  private Fields() {}

  /** Member {@code name} as {@code addr/len} (RFC 4291 §2.3), or null after a violation. */
  static Ipv6Prefix ipv6Prefix(JsonFields f, String name, boolean required, Violations out) {
    String s = f.string(name, required);
    if (s == null) {
      return null;
    }
    try {
      return Ipv6Prefix.parse(s, f.path(name));
    } catch (MapruleException e) {
      out.error(e, f.path(name));
      return null;
    }
  }

  /** Member {@code name} as {@code a.b.c.d/len} (RFC 4632 §3.1), or null after a violation. */
  static Ipv4Prefix ipv4Prefix(JsonFields f, String name, boolean required, Violations out) {
    String s = f.string(name, required);
    if (s == null) {
      return null;
    }
    try {
      return Ipv4Prefix.parse(s, f.path(name));
    } catch (MapruleException e) {
      out.error(e, f.path(name));
      return null;
    }
  }

  /** Member {@code name} as an IPv6 address (RFC 4291 §2.2), or null after a violation. */
  static Ipv6Address ipv6Address(JsonFields f, String name, boolean required, Violations out) {
    String s = f.string(name, required);
    if (s == null) {
      return null;
    }
    try {
      return Ipv6Address.parse(s, f.path(name));
    } catch (MapruleException e) {
      out.error(e, f.path(name));
      return null;
    }
  }

  /** Member {@code name} as a dotted-quad IPv4 address, or null after a violation. */
  static Ipv4Address ipv4Address(JsonFields f, String name, boolean required, Violations out) {
    String s = f.string(name, required);
    if (s == null) {
      return null;
    }
    try {
      return Ipv4Address.parse(s, f.path(name));
    } catch (MapruleException e) {
      out.error(e, f.path(name));
      return null;
    }
  }
}
