package org.maprule.contract;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * Seeded CE requests over a rule set, for cross-transport parity (no expected answers: the
 * transports are compared with each other). Each request is one of
 *
 * <ul>
 *   <li>OCN {@code /?ipv6Prefix=&ipv6PrefixLength=&code=}: an End-user prefix inside a random rule
 *       (or, one time in ten, outside every rule), its length mostly the rule's n + o or 56, 64,
 *       sometimes too short, out of range or not a number, host bits sometimes left set, the
 *       address sometimes upper-case, parameters sometimes missing, a {@code code} or not;
 *   <li>HB46PP {@code /hb46pp}: combinations of valid and invalid {@code vendorid},
 *       {@code product}, {@code version}, {@code capability}, {@code token}, {@code user} /
 *       {@code pass} (including non-ASCII and reserved URL characters), each parameter sometimes
 *       missing; the client address a random CE address inside a rule (or outside, or IPv4,
 *       or garbage) sent in the configured client-address header, or as the transport's peer when
 *       none is configured;
 *   <li>{@code /calc?prefix=P/LEN[&format=]} with prefixes chosen as for OCN, sometimes malformed
 *       or missing, {@code format} absent, {@code json}, {@code openwrt} or unknown;
 *   <li>JPNE {@code /{key}/get_rules?callback=}: the accepted key or others (one with a space),
 *       valid and invalid callback names, the client address as for HB46PP;
 *   <li>{@code /lookup?ipv4=&port=}: an address inside a random Rule IPv4 prefix (or outside),
 *       a random port, no port, or a malformed one;
 * </ul>
 *
 * with GET, one in ten HEAD, and one in ten carrying {@code if-none-match} with the served
 * digest (shared answers then give 304).
 */
final class CeRequestGenerator {
  /** The HB46PP parameters: name, valid values, invalid values. */
  private static final String[][][] HB46PP = {
      {{"vendorid"}, {"acde48", "ACDE48-router_1", "0a0b0c-x"},
          {"acde4", "acde48-", "zzzzzz", "acde48-" + "a".repeat(25), ""}},
      {{"product"}, {"maprule-test", "X_1", "RT-500KI"}, {"", "bad product", "p".repeat(33), "製品"}},
      {{"version"}, {"1_0", "2", "1_00_15"}, {"1.0", "", "v1"}},
      {{"capability"}, {"map_e", "map_e,dslite", "dslite,map_e", "ipip,map_e,464xlat",
          "future_tech,map_e", "dslite"}, {"MAP_E", "map_e,", "", "map-e", ",map_e"}},
  };
  private static final String[] CREDENTIALS = {"user1", "ユーザー", "p&ss=w0rd+%", "a b",
      "x".repeat(32)};
  private static final String[] BAD_CREDENTIALS = {"y".repeat(33), ""};

  private final List<Domain> domainOfRule = new ArrayList<>();
  private final List<MapRule> allRules = new ArrayList<>();
  private final String clientHeader;
  private final String fixedPeer;
  private final String digest;

  /**
   * A generator.
   *
   * @param rules the served rule set
   * @param clientHeader the configured client-address header, or null when the peer is trusted
   * @param fixedPeer the peer address used when {@code clientHeader} carries the client
   * @param digest the served rule set's digest (for {@code if-none-match})
   */
  CeRequestGenerator(RuleSet rules, String clientHeader, String fixedPeer, String digest) {
    for (Domain d : rules.domains()) {
      for (MapRule r : d.rules()) {
        allRules.add(r);
        domainOfRule.add(d);
      }
    }
    this.clientHeader = clientHeader;
    this.fixedPeer = fixedPeer;
    this.digest = digest;
  }

  /**
   * {@code count} requests from {@code seed}: the same seed, rules and count give the same list.
   *
   * @param seed the seed
   * @param count how many
   * @return the requests, in order
   */
  List<HttpRequest> generate(long seed, int count) {
    Random random = new Random(seed);
    List<HttpRequest> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(10);
      out.add(kind < 3 ? ocn(random) : kind < 6 ? hb46pp(random) : kind < 8 ? calc(random)
          : kind < 9 ? jpne(random) : lookup(random));
    }
    return out;
  }

  private HttpRequest ocn(Random random) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    String[] prefix = endUserPrefix(random);
    if (random.nextInt(20) != 0) {
      q.put("ipv6Prefix", List.of(prefix[0]));
    }
    if (random.nextInt(20) != 0) {
      q.put("ipv6PrefixLength", List.of(prefix[1]));
    }
    int code = random.nextInt(12);
    if (code > 1) {
      q.put("code", List.of(code < 8 ? "test-code" : "other-" + random.nextInt(99)));
    } else if (code == 1) {
      q.put("code", List.of(""));
    }
    if (random.nextInt(10) == 0) {
      q.put("callback", List.of("cb" + random.nextInt(9)));
    }
    return request(random, "/", q, null);
  }

  /**
   * Six in ten valid (every required parameter, optional token and credentials), the rest with
   * one thing wrong: a required parameter missing or invalid, a bad token, a credential alone or
   * of a bad length.
   */
  private HttpRequest hb46pp(Random random) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    int broken = random.nextInt(10) < 6 ? -1 : random.nextInt(HB46PP.length + 2);
    for (int i = 0; i < HB46PP.length; i++) {
      String[][] p = HB46PP[i];
      if (i != broken) {
        q.put(p[0][0], List.of(pick(random, p[1])));
      } else if (random.nextBoolean()) {
        q.put(p[0][0], List.of(pick(random, p[2])));
      }
    }
    int token = random.nextInt(4);
    if (broken == HB46PP.length) {
      q.put("token", List.of(random.nextBoolean() ? hex(random, 32).substring(1)
          : hex(random, 32).toUpperCase(Locale.ROOT)));
    } else if (token == 0) {
      q.put("token", List.of(hex(random, 32)));
    }
    if (broken == HB46PP.length + 1) {
      int how = random.nextInt(3);
      if (how == 0) {
        q.put("user", List.of(pick(random, CREDENTIALS)));
      } else if (how == 1) {
        q.put("pass", List.of(pick(random, CREDENTIALS)));
      } else {
        q.put("user", List.of(pick(random, BAD_CREDENTIALS)));
        q.put("pass", List.of(pick(random, CREDENTIALS)));
      }
    } else if (random.nextInt(3) == 0) {
      q.put("user", List.of(pick(random, CREDENTIALS)));
      q.put("pass", List.of(pick(random, CREDENTIALS)));
    }
    if (random.nextInt(10) == 0) {
      q.put("unknown", List.of("ignored"));
    }
    return request(random, "/hb46pp", q, client(random));
  }

  private HttpRequest calc(Random random) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    String[] prefix = endUserPrefix(random);
    int form = random.nextInt(20);
    if (form == 0) {
      q.put("prefix", List.of(prefix[0]));
    } else if (form == 1) {
      q.put("prefix", List.of("192.0.2.0/24"));
    } else if (form != 2) {
      q.put("prefix", List.of(prefix[0] + "/" + prefix[1]));
    }
    int format = random.nextInt(8);
    if (format < 3) {
      q.put("format", List.of(format == 0 ? "json" : format == 1 ? "openwrt" : "OpenWrt"));
    }
    return request(random, "/calc", q, null);
  }

  private HttpRequest jpne(Random random) {
    int k = random.nextInt(8);
    String key = k < 5 ? "test-key" : k < 6 ? "other-key" : k < 7 ? "JPNE key" : "キー";
    Map<String, List<String>> q = new LinkedHashMap<>();
    int c = random.nextInt(10);
    if (c < 7) {
      q.put("callback", List.of(pick(random, new String[] {"cb", "$_jpne1", "getRules", "_"})));
    } else if (c < 9) {
      q.put("callback", List.of(pick(random,
          new String[] {"1cb", "a-b", "", "alert(1)", "x".repeat(65), "コールバック"})));
    }
    return request(random, "/" + key + "/get_rules", q, client(random));
  }

  private HttpRequest lookup(Random random) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (random.nextInt(12) != 0) {
      int index = random.nextInt(allRules.size());
      long base = allRules.get(index).ipv4Prefix().address().toLong();
      int hostBits = 32 - allRules.get(index).ipv4Prefix().length();
      long address = random.nextInt(10) == 0 ? random.nextInt() & 0xffffffffL
          : base | (random.nextLong() & ((1L << hostBits) - 1));
      String text = (address >>> 24) + "." + ((address >>> 16) & 255) + "."
          + ((address >>> 8) & 255) + "." + (address & 255);
      q.put("ipv4", List.of(random.nextInt(20) == 0 ? text + ".0" : text));
    }
    int port = random.nextInt(10);
    if (port < 7) {
      q.put("port", List.of(Integer.toString(random.nextInt(65536))));
    } else if (port == 7) {
      q.put("port", List.of(pick(random, new String[] {"065", "65536", "", "http", "-1"})));
    }
    return request(random, "/lookup", q, null);
  }

  private HttpRequest request(Random random, String path, Map<String, List<String>> query,
      String client) {
    Headers.Builder h = Headers.builder().add("user-agent", "maprule-parity");
    if (random.nextInt(10) == 0) {
      h.add("if-none-match", "\"" + digest + "\"");
    }
    String peer = fixedPeer;
    if (client != null) {
      if (clientHeader != null) {
        h.add(clientHeader, client);
      } else if (client.indexOf('[') < 0 && client.indexOf(' ') < 0) {
        peer = client;
      }
    }
    String method = random.nextInt(10) == 0 ? "HEAD" : "GET";
    return new HttpRequest(method, path, query, h.build(), new byte[0], peer);
  }

  /** An End-user prefix as text: {address, length}. */
  private String[] endUserPrefix(Random random) {
    boolean inside = random.nextInt(10) != 0;
    int index = random.nextInt(allRules.size());
    MapRule rule = allRules.get(index);
    Domain domain = domainOfRule.get(index);
    Ipv6Address address = inside ? randomIn(rule.ipv6Prefix(), random)
        : randomIn(Ipv6Prefix.parse("3fff::/20"), random);
    int lengthKind = random.nextInt(20);
    String length;
    int bits;
    if (lengthKind < 8) {
      bits = domain.endUserPrefixLength().orElse(rule.endUserPrefixLength());
    } else if (lengthKind < 11) {
      bits = rule.endUserPrefixLength();
    } else if (lengthKind < 13) {
      bits = 64;
    } else if (lengthKind < 15) {
      bits = Math.max(0, rule.endUserPrefixLength() - 1 - random.nextInt(8));
    } else if (lengthKind < 18) {
      bits = random.nextInt(129);
    } else {
      bits = -1;
    }
    if (bits >= 0) {
      length = Integer.toString(bits);
      if (random.nextInt(8) != 0) {
        address = address.masked(bits);
      }
    } else {
      length = pick(random, new String[] {"129", "-1", "abc", "056", "", "56.0"});
    }
    String text = address.toString();
    if (random.nextInt(10) == 0) {
      text = text.toUpperCase(Locale.ROOT);
    }
    return new String[] {text, length};
  }

  /** A client address: a CE inside a rule, outside, IPv4, with a port, or garbage. */
  private String client(Random random) {
    int kind = random.nextInt(20);
    if (kind < 14) {
      MapRule rule = allRules.get(random.nextInt(allRules.size()));
      return randomIn(rule.ipv6Prefix(), random).toString();
    }
    if (kind < 16) {
      return randomIn(Ipv6Prefix.parse("3fff::/20"), random).toString();
    }
    if (kind == 16) {
      return "198.51.100." + random.nextInt(256);
    }
    if (kind == 17 && clientHeader != null) {
      return "[" + randomIn(allRules.get(0).ipv6Prefix(), random) + "]:" + random.nextInt(65536);
    }
    return clientHeader != null ? "not an address" : null;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String hex(Random random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A uniformly random address inside {@code p}. */
  static Ipv6Address randomIn(Ipv6Prefix p, Random random) {
    int n = p.length();
    long maskHigh = n == 0 ? 0 : n >= 64 ? -1L : -1L << (64 - n);
    long maskLow = n <= 64 ? 0 : n == 128 ? -1L : -1L << (128 - n);
    return Ipv6Address.of((p.address().high() & maskHigh) | (random.nextLong() & ~maskHigh),
        (p.address().low() & maskLow) | (random.nextLong() & ~maskLow));
  }
}
