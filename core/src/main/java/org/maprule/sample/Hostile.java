package org.maprule.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.maprule.addr.Ipv6Prefix;

/**
 * The deliberate flaws and unusual-but-valid forms of {@link Mix#HOSTILE}, per endpoint: a negative
 * corpus drawn at random, each flaw with the reason core refuses it.
 */
final class Hostile {
  private static final String[] BAD_LENGTHS = {"abc", "056", "", "56.0", "-1", "129", "+56"};
  private static final String[] BAD_IPV6 = {"2001:db8::g", "192.0.2.1", "2001:db8:::1", ""};
  private static final String[][] BAD_HB46PP = {
      {"vendorid", "acde4", "acde48-", "zzzzzz", "acde48-" + "a".repeat(25), ""},
      {"product", "", "bad product", "p".repeat(33), "製品"},
      {"version", "1.0", "", "v1"},
      {"capability", "MAP_E", "map_e,", "", "map-e", ",map_e"},
  };
  private static final String[] BAD_CALLBACKS = {"1cb", "a-b", "", "alert(1)", "x".repeat(65),
      "コールバック"};
  private static final String[] BAD_FORMATS = {"OpenWrt", "yaml", ""};
  private static final String[] BAD_PORTS = {"065", "65536", "", "http", "-1"};
  private static final String NOT_AN_ADDRESS = "not an address";

  private Hostile() {}

  /**
   * Unusual client addresses of HB46PP and JPNE requests: one in twenty an IPv4 address (never a
   * customer), and with a header, one in twenty the {@code [address]:port} form (still served),
   * one in twenty a value that is no address (a flaw).
   */
  static void clientAddress(CeRequestGenerator.Draft d, String header, CeSampler sampler,
      Random random) {
    if (!d.endpoint.tailored()) {
      return;
    }
    int kind = random.nextInt(20);
    if (kind == 0) {
      d.clientAddress = sampler.outsideIpv4(random).toString();
      d.endUserPrefix = null;
    } else if (kind == 1 && header != null && d.clientAddress.indexOf(':') >= 0) {
      d.clientHeaderValue = "[" + d.clientAddress + "]:" + (1024 + random.nextInt(64512));
    } else if (kind == 2 && header != null) {
      d.clientAddress = NOT_AN_ADDRESS;
      d.flaw("client address header value '" + NOT_AN_ADDRESS + "' is no IP address");
    }
  }

  /** One flaw of the request's endpoint ({@link #unusual} for endpoints without parameters). */
  static void flaw(CeRequestGenerator.Draft d, Random random) {
    switch (d.endpoint) {
      case OCN -> ocn(d, random);
      case HB46PP -> hb46pp(d, random);
      case JPNE -> {
        if (random.nextInt(4) == 0) {
          d.query.remove("callback");
          d.flaw("callback missing");
        } else {
          String c = pick(random, BAD_CALLBACKS);
          d.query.put("callback", c);
          d.flaw("callback '" + c + "' is not a JavaScript identifier of 1 to 64 characters");
        }
      }
      case CALC -> calc(d, random);
      case LOOKUP -> lookup(d, random);
      default -> unusual(d, random);
    }
  }

  /** Valid forms core must read alike: upper-case IPv6 text, host bits set where allowed. */
  static void unusual(CeRequestGenerator.Draft d, Random random) {
    if (d.endpoint == Endpoint.OCN && d.ce != null) {
      if (random.nextBoolean()) {
        d.query.put("ipv6Prefix", d.query.get("ipv6Prefix").toUpperCase(Locale.ROOT));
      } else {
        // the CE sends its first 64 bits; bits past the End-user prefix length may be set
        d.query.put("ipv6Prefix", d.ce.address().masked(64).toString());
      }
    } else if (d.endpoint == Endpoint.CALC && d.query.containsKey("prefix")
        && random.nextBoolean()) {
      d.query.put("prefix", d.query.get("prefix").toUpperCase(Locale.ROOT));
    }
  }

  private static void ocn(CeRequestGenerator.Draft d, Random random) {
    int kind = random.nextInt(6);
    int min = d.ce == null ? 0 : d.ce.rule().endUserPrefixLength();
    int max = Math.max(64, min);
    if (kind == 2 && d.ce != null && min > 1) {
      int length = min - 1 - random.nextInt(Math.min(8, min - 1));
      d.query.put("ipv6PrefixLength", Integer.toString(length));
      d.flaw("ipv6PrefixLength " + length + " is shorter than the BMR's n + o (" + min + ")");
    } else if (kind == 5 && d.ce != null && max < 128) {
      int length = max + 1 + random.nextInt(128 - max);
      d.query.put("ipv6PrefixLength", Integer.toString(length));
      d.flaw("ipv6PrefixLength " + length + " is longer than " + max);
    } else if (kind == 0) {
      d.query.remove("ipv6Prefix");
      d.flaw("ipv6Prefix missing");
    } else if (kind == 1) {
      d.query.remove("ipv6PrefixLength");
      d.flaw("ipv6PrefixLength missing");
    } else if (kind == 4) {
      String v = pick(random, BAD_IPV6);
      d.query.put("ipv6Prefix", v);
      d.flaw("ipv6Prefix '" + v + "' is not an IPv6 address");
    } else {
      String v = pick(random, BAD_LENGTHS);
      d.query.put("ipv6PrefixLength", v);
      d.flaw("ipv6PrefixLength '" + v + "' is not a decimal length 0..128 without leading zero");
    }
  }

  private static void hb46pp(CeRequestGenerator.Draft d, Random random) {
    int kind = random.nextInt(BAD_HB46PP.length + 3);
    if (kind < BAD_HB46PP.length) {
      String[] bad = BAD_HB46PP[kind];
      String name = bad[0];
      if (random.nextInt(3) == 0) {
        d.query.remove(name);
        d.flaw(name + " missing");
      } else {
        String v = bad[1 + random.nextInt(bad.length - 1)];
        d.query.put(name, v);
        d.flaw(name + " '" + v + "' does not match the HB46PP syntax");
      }
    } else if (kind == BAD_HB46PP.length) {
      String token = random.nextBoolean() ? CeRequestGenerator.hex(random, 32).substring(1)
          : CeRequestGenerator.hex(random, 32).toUpperCase(Locale.ROOT);
      d.query.put("token", token);
      d.flaw("token is not 64 lower-case hex digits");
    } else if (kind == BAD_HB46PP.length + 1) {
      String alone = random.nextBoolean() ? "user" : "pass";
      d.query.remove("user");
      d.query.remove("pass");
      d.query.put(alone, "user1");
      d.flaw(alone + " without " + (alone.equals("user") ? "pass" : "user"));
    } else {
      String user = random.nextBoolean() ? "y".repeat(33) : "";
      d.query.put("user", user);
      d.query.put("pass", "pass1");
      d.flaw("user of " + user.length() + " characters, not 1 to 32");
    }
  }

  private static void calc(CeRequestGenerator.Draft d, Random random) {
    String prefix = d.query.get("prefix");
    Ipv6Prefix p = d.ce != null ? d.ce.endUserPrefix() : Ipv6Prefix.parse(prefix);
    int kind = random.nextInt(6);
    if (kind == 0) {
      d.query.remove("prefix");
      d.flaw("prefix missing");
    } else if (kind == 1) {
      d.query.put("prefix", p.address().toString());
      d.flaw("prefix without a length");
    } else if (kind == 2) {
      d.query.put("prefix", "192.0.2.0/24");
      d.flaw("prefix is IPv4");
    } else if (kind == 3 && d.ce != null && d.ce.rule().endUserPrefixLength() > 1) {
      int min = d.ce.rule().endUserPrefixLength();
      int length = min - 1 - random.nextInt(Math.min(8, min - 1));
      d.query.put("prefix", p.truncate(length).toString());
      d.flaw("prefix /" + length + " is shorter than the BMR's n + o (" + min + ")");
    } else if (kind == 4 && p.length() < 128) {
      d.query.put("prefix", p.address().withBits(127, 1, 1) + "/" + p.length());
      d.flaw("prefix has host bits set");
    } else {
      String f = pick(random, BAD_FORMATS);
      d.query.put("format", f);
      d.flaw("format '" + f + "' is not json, openwrt or dhcpv6");
    }
  }

  private static void lookup(CeRequestGenerator.Draft d, Random random) {
    int kind = random.nextInt(4);
    String ipv4 = d.query.get("ipv4");
    if (kind == 0) {
      d.query.remove("ipv4");
      d.flaw("ipv4 missing");
    } else if (kind == 1) {
      String v = switch (random.nextInt(4)) {
        case 0 -> ipv4 + ".0";
        case 1 -> "256.1.1.1";
        case 2 -> ipv4.replaceFirst("\\.(\\d+)$", ".0$1");
        default -> "";
      };
      d.query.put("ipv4", v);
      d.flaw("ipv4 '" + v + "' is not a dotted quad without leading zeros");
    } else if (kind == 2) {
      d.query.put("port", "0");
      d.flaw("port 0 is never offered to a CE");
    } else {
      String v = pick(random, BAD_PORTS);
      d.query.put("port", v);
      d.flaw("port '" + v + "' is not a decimal 0..65535 without leading zero");
    }
  }

  /**
   * The path with one ASCII letter or digit percent-encoded (hex digits in a random case), which
   * decodes to the same path; escapes already in the path are left alone, and a path without such
   * a character is returned unchanged.
   */
  static String encodeOneCharacter(String path, Random random) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        i += 2;
      } else if (c < 0x80 && Character.isLetterOrDigit(c)) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return path;
    }
    int at = candidates.get(random.nextInt(candidates.size()));
    String hex = String.format("%02X", (int) path.charAt(at));
    if (random.nextBoolean()) {
      hex = hex.toLowerCase(Locale.ROOT);
    }
    return path.substring(0, at) + "%" + hex + path.substring(at + 1);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
