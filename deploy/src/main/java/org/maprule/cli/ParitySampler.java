package org.maprule.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.calc.PortRange;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * Seeded CE requests of every format (docs/design.md §5) over a rule set, for {@code maprule parity}:
 * the same rule set, seed and count always give the same requests, and nine in ten hit a rule
 * (the End-user prefix, client address or IPv4 address and port lies inside one), the tenth lies
 * outside every rule so that the refusals are compared too.
 *
 * <ul>
 *   <li>{@link Format#OCN} {@code /?ipv6Prefix=&ipv6PrefixLength=&code=}: the first 64 bits of an
 *       End-user prefix, its length (the domain's) or 64 one time in four;
 *   <li>{@link Format#HB46PP} {@code /hb46pp?vendorid=acde48&product=maprule-parity&version=1_0
 *       &capability=map_e}, the client address (a CE address inside the prefix) in the
 *       client-address header;
 *   <li>{@link Format#JPNE} {@code /{key}/get_rules?callback=v6plus}, client address as above;
 *   <li>{@link Format#CALC} {@code /calc?prefix=P/LEN}, one in four with {@code &format=openwrt};
 *   <li>{@link Format#LOOKUP} {@code /lookup?ipv4=&port=}: the IPv4 address of a CE and a port of
 *       its port set (computed with core's {@link MapCalculator});
 *   <li>{@link Format#RULES} {@code /rules}: GET, GET with {@code If-None-Match} (304) and HEAD
 *       in turn.
 * </ul>
 *
 * Each format draws from its own seeded generator, so changing the count of one does not change
 * the requests of another.
 */
final class ParitySampler {
  /** The request formats, in the order they are sampled and reported. */
  enum Format {
    /** OCN rule API, {@code /}. */
    OCN("ocn"),
    /** HB46PP, {@code /hb46pp}. */
    HB46PP("hb46pp"),
    /** JPNE {@code /{key}/get_rules}. */
    JPNE("jpne"),
    /** {@code /calc}. */
    CALC("calc"),
    /** {@code /lookup}. */
    LOOKUP("lookup"),
    /** {@code /rules}. */
    RULES("rules");

    private final String label;

    Format(String label) {
      this.label = label;
    }

    /** The name used in the output, for example {@code hb46pp}. */
    String label() {
      return label;
    }
  }

  /**
   * One request.
   *
   * @param format its format
   * @param method {@code GET} or {@code HEAD}
   * @param target path and raw (percent-encoded) query, for example {@code /calc?prefix=…}
   * @param headers request headers to send, name to value, in order
   * @param clientAddress the CE address this request stands for (also in {@code headers} when a
   *     client-address header is configured), or null
   */
  record Sample(Format format, String method, String target, Map<String, String> headers,
      String clientAddress) {}

  /** Outside every documentation and JP rule: the RFC 9637 documentation prefix. */
  private static final Ipv6Prefix OUTSIDE = Ipv6Prefix.parse("3fff::/20");

  private final String digest;
  private final MapCalculator calculator;
  private final List<Domain> domainOfRule = new ArrayList<>();
  private final List<MapRule> rules = new ArrayList<>();
  private final String clientHeader;
  private final String ocnCode;
  private final String jpneKey;

  /**
   * A sampler.
   *
   * @param ruleSet a valid rule set (the one both endpoints serve)
   * @param digest its digest, for {@code If-None-Match}
   * @param clientHeader the header carrying the client address, or null to send none (the
   *     endpoints then answer for the TCP peer); for {@code cloudfront-viewer-address} the value is
   *     sent in CloudFront's {@code address:port} form
   * @param ocnCode the OCN {@code code} to send
   * @param jpneKey the JPNE key to send
   */
  ParitySampler(RuleSet ruleSet, String digest, String clientHeader, String ocnCode, String jpneKey) {
    Objects.requireNonNull(ruleSet, "ruleSet");
    this.digest = Objects.requireNonNull(digest, "digest");
    this.calculator = MapCalculator.of(ruleSet);
    for (Domain d : ruleSet.domains()) {
      for (MapRule r : d.rules()) {
        rules.add(r);
        domainOfRule.add(d);
      }
    }
    this.clientHeader = clientHeader;
    this.ocnCode = Objects.requireNonNull(ocnCode, "ocnCode");
    this.jpneKey = Objects.requireNonNull(jpneKey, "jpneKey");
  }

  /**
   * {@code perFormat} requests of each format, formats in {@link Format} order.
   *
   * @param seed the seed
   * @param perFormat requests per format, at least 1
   * @return the requests
   */
  List<Sample> samples(long seed, int perFormat) {
    List<Sample> out = new ArrayList<>();
    for (Format f : Format.values()) {
      Random random = new Random(seed * 0x9E3779B97F4A7C15L + f.ordinal() + 1);
      for (int i = 0; i < perFormat; i++) {
        out.add(rules.isEmpty() && f != Format.RULES ? rules(i) : sample(f, i, random));
      }
    }
    return out;
  }

  private Sample sample(Format f, int i, Random random) {
    return switch (f) {
      case OCN -> ocn(random);
      case HB46PP -> tailored(Format.HB46PP, "/hb46pp?vendorid=acde48&product=maprule-parity"
          + "&version=1_0&capability=map_e", random);
      case JPNE -> tailored(Format.JPNE, "/" + encode(jpneKey) + "/get_rules?callback=v6plus", random);
      case CALC -> calc(random);
      case LOOKUP -> lookup(random);
      case RULES -> rules(i);
    };
  }

  private Sample ocn(Random random) {
    Ipv6Prefix p = endUserPrefix(random);
    int length = random.nextInt(4) == 0 ? 64 : p.length();
    return get(Format.OCN, "/?ipv6Prefix=" + p.address().masked(64) + "&ipv6PrefixLength=" + length
        + "&code=" + encode(ocnCode), null);
  }

  private Sample tailored(Format f, String target, Random random) {
    // a CE address: any address inside its End-user prefix
    return get(f, target, randomIn(endUserPrefix(random), random).toString());
  }

  private Sample calc(Random random) {
    Ipv6Prefix p = endUserPrefix(random);
    return get(Format.CALC, "/calc?prefix=" + p + (random.nextInt(4) == 0 ? "&format=openwrt" : ""),
        null);
  }

  private Sample lookup(Random random) {
    String ipv4;
    int port;
    if (random.nextInt(10) == 0) {
      ipv4 = "192.0.2." + random.nextInt(256);
      port = random.nextInt(65536);
    } else {
      CeParameters ce = calculate(random);
      ipv4 = ce.ipv4Address().toString();
      if (ce.portSet().isUnrestricted()) {
        port = 1 + random.nextInt(65535);
      } else {
        List<PortRange> ranges = ce.portSet().ranges();
        PortRange r = ranges.get(random.nextInt(ranges.size()));
        port = r.first() + random.nextInt(r.size());
      }
    }
    return get(Format.LOOKUP, "/lookup?ipv4=" + ipv4 + "&port=" + port, null);
  }

  /** A CE of a random rule, retrying a few times should longest match pick another rule. */
  private CeParameters calculate(Random random) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 8; attempt++) {
      try {
        return calculator.calculate(inside(random));
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new IllegalStateException("no CE could be calculated in rule set " + digest, last);
  }

  private Sample rules(int i) {
    return switch (i % 3) {
      case 0 -> get(Format.RULES, "/rules", null);
      case 1 -> new Sample(Format.RULES, "GET", "/rules",
          Map.of("if-none-match", "\"" + digest + "\""), null);
      default -> new Sample(Format.RULES, "HEAD", "/rules", Map.of(), null);
    };
  }

  private Sample get(Format f, String target, String client) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (client != null && clientHeader != null) {
      headers.put(clientHeader, clientHeader.equalsIgnoreCase("cloudfront-viewer-address")
          ? client + ":" + (49152 + Math.floorMod(client.hashCode(), 16384)) : client);
    }
    return new Sample(f, "GET", target, headers, client);
  }

  /** An End-user prefix: nine in ten inside a random rule, the tenth outside every rule. */
  private Ipv6Prefix endUserPrefix(Random random) {
    return random.nextInt(10) == 0 ? Ipv6Prefix.of(randomIn(OUTSIDE, random).masked(56), 56)
        : inside(random);
  }

  private Ipv6Prefix inside(Random random) {
    int index = random.nextInt(rules.size());
    MapRule rule = rules.get(index);
    int length = domainOfRule.get(index).endUserPrefixLength().orElse(rule.endUserPrefixLength());
    length = Math.max(length, rule.ipv6Prefix().length());
    return Ipv6Prefix.of(randomIn(rule.ipv6Prefix(), random).masked(length), length);
  }

  /** A uniformly random address inside {@code p}. */
  private static Ipv6Address randomIn(Ipv6Prefix p, Random random) {
    int n = p.length();
    long maskHigh = n == 0 ? 0 : n >= 64 ? -1L : -1L << (64 - n);
    long maskLow = n <= 64 ? 0 : n == 128 ? -1L : -1L << (128 - n);
    return Ipv6Address.of((p.address().high() & maskHigh) | (random.nextLong() & ~maskHigh),
        (p.address().low() & maskLow) | (random.nextLong() & ~maskLow));
  }

  /** Percent-encodes a path segment or query value: everything but RFC 3986 unreserved. */
  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}
