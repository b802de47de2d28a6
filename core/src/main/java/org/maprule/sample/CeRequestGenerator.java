package org.maprule.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.PortRange;
import org.maprule.calc.PortSet;
import org.maprule.format.LoadedRuleSet;
import org.maprule.http.Headers;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.RuleSet;
import org.maprule.uri.PercentCodec;

/**
 * Seeded CE requests of every endpoint over one rule set ({@link Endpoint}, docs/design.md §5):
 * what {@code maprule parity} sends to two deployments, what the cross-cloud parity test sends
 * through both clouds' paths, what the failover drill streams through its proxy.
 *
 * <p>{@link #requests()} gives {@link Options#perEndpoint()} requests of each endpoint of
 * {@link Options#endpoints()}, endpoints in {@link Endpoint} order. Each endpoint's requests come
 * from a generator seeded with the seed and the endpoint alone, so the first N requests of an
 * endpoint are the same for any larger count and do not depend on which other endpoints are
 * asked. Within an endpoint the CEs go through the eligible rules in a seeded order, one rule per
 * request, so N requests reach min(N, rules) rules; one CE in four is an edge CE of its rule
 * (first or last End-user prefix, PSID 0 or PSID max: {@link CeSampler.Position}).
 *
 * <p>The requests of a CE inside a rule ({@link CeRequest#endUserPrefix()} set):
 *
 * <ul>
 *   <li>{@link Endpoint#OCN}: {@code /?ipv6Prefix=A&ipv6PrefixLength=L&code=C}, A and L the
 *       End-user prefix, or one time in four a /64 inside it with L = 64 (the CE's RA prefix);
 *       C the {@link Options#ocnCode()};
 *   <li>{@link Endpoint#HB46PP}: {@code /hb46pp?vendorid=&product=&version=&capability=} with
 *       valid values (capability always with {@code map_e}), one in four with a {@code token},
 *       one in three with {@code user} and {@code pass} (non-ASCII and reserved characters
 *       among them), for the client address;
 *   <li>{@link Endpoint#JPNE}: {@code /K/get_rules?callback=F}, K the {@link Options#jpneKey()},
 *       F a JavaScript identifier, for the client address;
 *   <li>{@link Endpoint#CALC}: {@code /calc?prefix=P/L}, one in four with
 *       {@code &format=openwrt}, one in eight {@code json}, one in eight {@code dhcpv6};
 *   <li>{@link Endpoint#LOOKUP}: {@code /lookup?ipv4=A&port=N}, A the CE's IPv4 address and N
 *       a port of its port set (the first and last one among them), one in eight without
 *       {@code port};
 *   <li>{@link Endpoint#RULES} and {@link Endpoint#HEALTH}: the path alone.
 * </ul>
 *
 * <p>Every request carries the client address of its CE ({@link CeRequest#clientAddress()}), a
 * random address inside the CE's End-user prefix, in the {@link Options#clientAddressHeader()}
 * when one is configured ({@code cloudfront-viewer-address} gets CloudFront's
 * {@code address:port} form). Outside every rule ({@link Mix#TYPICAL}, {@link Mix#HOSTILE}):
 * the same requests with an End-user prefix or client address from
 * {@link CeSampler#outsidePrefix} and an IPv4 address from {@link CeSampler#outsideIpv4}. What
 * each {@link Mix} adds is documented there.
 *
 * <p>Query values are percent-encoded by {@link PercentCodec#encodeQueryComponent}, except values
 * made only of letters, digits and {@code -._~:/} (addresses, prefixes), which are sent as they
 * are (RFC 3986 §3.4 allows {@code :} and {@code /} in a query) unless {@link Mix#HOSTILE}
 * encodes them; so targets read as CEs send them. Immutable and thread-safe.
 */
public final class CeRequestGenerator {
  /** The conditional request header (RFC 9110 §13.1.2), sent with the served digest, quoted. */
  static final String IF_NONE_MATCH = "if-none-match";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~:/-]*");
  private static final String[] VENDORIDS = {"acde48", "ACDE48-router_1", "0a0b0c-x"};
  private static final String[] PRODUCTS = {"maprule", "X_1", "RT-500KI"};
  private static final String[] VERSIONS = {"1_0", "2", "1_00_15"};
  private static final String[] CAPABILITIES = {"map_e", "map_e,dslite", "dslite,map_e",
      "ipip,map_e,464xlat", "future_tech,map_e"};
  private static final String[] CREDENTIALS = {"user1", "ユーザー", "p&ss=w0rd+%", "a b",
      "x".repeat(32)};
  private static final String[] CALLBACKS = {"v6plus", "cb", "$_jpne1", "getRules", "_"};

  /**
   * What to generate.
   *
   * @param seed the seed: the same seed, rule set and options give the same requests
   * @param perEndpoint requests per endpoint, 0 or more
   * @param endpoints the endpoints to generate for (a copy is kept), not empty
   * @param mix which kinds of requests
   * @param clientAddressHeader the header the endpoints take the client address from (stored
   *     lower-case), or null to send none (the client address is then the transport's peer)
   * @param ocnCode the {@code code} of OCN requests, not empty
   * @param jpneKey the {@code {key}} of JPNE requests, not empty, without {@code /}
   */
  public record Options(long seed, int perEndpoint, Set<Endpoint> endpoints, Mix mix,
      String clientAddressHeader, String ocnCode, String jpneKey) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the field and the value when {@code perEndpoint}
     *     is negative, {@code endpoints} is empty, the header is not an HTTP field name
     *     (RFC 9110 §5.1), the code is empty or the key empty or with {@code /}
     * @throws NullPointerException when a field but the header is null
     */
    public Options {
      Objects.requireNonNull(endpoints, "endpoints");
      Objects.requireNonNull(mix, "mix");
      Objects.requireNonNull(ocnCode, "ocnCode");
      Objects.requireNonNull(jpneKey, "jpneKey");
      if (perEndpoint < 0) {
        throw new IllegalArgumentException("perEndpoint " + perEndpoint + " is negative");
      }
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("endpoints is empty");
      }
      endpoints = Collections.unmodifiableSet(EnumSet.copyOf(endpoints));
      if (clientAddressHeader != null) {
        if (!Headers.isFieldName(clientAddressHeader)) {
          throw new IllegalArgumentException("clientAddressHeader '" + clientAddressHeader
              + "' is not an HTTP header name");
        }
        clientAddressHeader = clientAddressHeader.toLowerCase(Locale.ROOT);
      }
      if (ocnCode.isEmpty()) {
        throw new IllegalArgumentException("ocnCode is empty");
      }
      if (jpneKey.isEmpty() || jpneKey.indexOf('/') >= 0) {
        throw new IllegalArgumentException("jpneKey '" + jpneKey
            + "' cannot be a path segment: it must be non-empty, without '/'");
      }
    }

    /**
     * Seed 1, 20 per endpoint, every endpoint, {@link Mix#TYPICAL}, no client-address header,
     * OCN code and JPNE key {@code maprule}.
     *
     * @return the defaults
     */
    public static Options defaults() {
      return new Options(1, 20, EnumSet.allOf(Endpoint.class), Mix.TYPICAL, null, "maprule",
          "maprule");
    }

    /**
     * These options with another seed.
     *
     * @param value the seed
     * @return the new options
     */
    public Options withSeed(long value) {
      return new Options(value, perEndpoint, endpoints, mix, clientAddressHeader, ocnCode, jpneKey);
    }

    /**
     * These options with another count.
     *
     * @param value requests per endpoint, 0 or more
     * @return the new options
     */
    public Options withPerEndpoint(int value) {
      return new Options(seed, value, endpoints, mix, clientAddressHeader, ocnCode, jpneKey);
    }

    /**
     * These options with other endpoints.
     *
     * @param value the endpoints, not empty
     * @return the new options
     */
    public Options withEndpoints(Set<Endpoint> value) {
      return new Options(seed, perEndpoint, value, mix, clientAddressHeader, ocnCode, jpneKey);
    }

    /**
     * These options with another mix.
     *
     * @param value the mix
     * @return the new options
     */
    public Options withMix(Mix value) {
      return new Options(seed, perEndpoint, endpoints, value, clientAddressHeader, ocnCode, jpneKey);
    }

    /**
     * These options with another client-address header.
     *
     * @param value the header name, or null for none
     * @return the new options
     */
    public Options withClientAddressHeader(String value) {
      return new Options(seed, perEndpoint, endpoints, mix, value, ocnCode, jpneKey);
    }

    /**
     * These options with another OCN code.
     *
     * @param value the code, not empty
     * @return the new options
     */
    public Options withOcnCode(String value) {
      return new Options(seed, perEndpoint, endpoints, mix, clientAddressHeader, value, jpneKey);
    }

    /**
     * These options with another JPNE key.
     *
     * @param value the key, not empty, without {@code /}
     * @return the new options
     */
    public Options withJpneKey(String value) {
      return new Options(seed, perEndpoint, endpoints, mix, clientAddressHeader, ocnCode, value);
    }
  }

  private final CeSampler sampler;
  private final String digest;
  private final Options options;

  private CeRequestGenerator(CeSampler sampler, String digest, Options options) {
    this.sampler = sampler;
    this.digest = digest;
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * A generator over a loaded rule set; conditional requests carry its digest.
   *
   * @param loaded a rule set read and validated by {@link org.maprule.format.RuleSetLoader}
   * @param options what to generate
   * @return the generator
   */
  public static CeRequestGenerator of(LoadedRuleSet loaded, Options options) {
    return of(loaded.ruleSet(), loaded.digest(), options);
  }

  /**
   * A generator over a rule set.
   *
   * @param ruleSet a rule set with no validation error and at least one rule
   * @param digest the served rule-set digest, sent quoted in {@code If-None-Match}; null to send
   *     no conditional request
   * @param options what to generate
   * @return the generator
   * @throws IllegalArgumentException when the rule set has no rule
   */
  public static CeRequestGenerator of(RuleSet ruleSet, String digest, Options options) {
    CeSampler sampler = CeSampler.of(ruleSet);
    if (sampler.slots(d -> true).isEmpty()) {
      throw new IllegalArgumentException("the rule set has no rule to sample CEs from");
    }
    return new CeRequestGenerator(sampler, digest, options);
  }

  /**
   * The sampler the CEs come from (for CEs of a given domain: {@link CeSampler#sample(
   * org.maprule.rule.Domain, int, long)}).
   *
   * @return the sampler
   */
  public CeSampler sampler() {
    return sampler;
  }

  /**
   * The options.
   *
   * @return the options
   */
  public Options options() {
    return options;
  }

  /**
   * Every request: {@link Options#perEndpoint()} of each endpoint of {@link Options#endpoints()},
   * endpoints in {@link Endpoint} order.
   *
   * @return the requests
   */
  public List<CeRequest> requests() {
    List<CeRequest> out = new ArrayList<>(options.perEndpoint() * options.endpoints().size());
    for (Endpoint e : options.endpoints()) {
      out.addAll(requests(e));
    }
    return out;
  }

  /**
   * The {@link Options#perEndpoint()} requests of one endpoint (whether or not it is among
   * {@link Options#endpoints()}).
   *
   * @param endpoint the endpoint
   * @return its requests, the same as in {@link #requests()}
   */
  public List<CeRequest> requests(Endpoint endpoint) {
    Random random = new Random(options.seed() * 0x9E3779B97F4A7C15L + endpoint.ordinal() + 1);
    List<CeSampler.Slot> eligible = eligible(endpoint);
    List<CeSampler.Slot> order = new ArrayList<>(eligible);
    Collections.shuffle(order, random);
    List<CeRequest> out = new ArrayList<>(options.perEndpoint());
    for (int i = 0; i < options.perEndpoint(); i++) {
      out.add(next(endpoint, i, order.get(i % order.size()), random));
    }
    return out;
  }

  /**
   * The well-formed request of one CE on one endpoint, without randomness: OCN with the CE's
   * End-user prefix and its length, HB46PP with {@code vendorid=acde48&product=maprule
   * &version=1_0&capability=map_e}, JPNE with {@code callback=v6plus}, calc with the prefix
   * alone, lookup with the CE's IPv4 address and the first port of its port set (1024 when
   * unrestricted, none when the set is empty), {@code /rules} and {@code /health} plain; the
   * client address is the CE's (in the configured header, if any).
   *
   * @param endpoint the endpoint
   * @param ce the CE (for example from {@link CeSampler#sample(org.maprule.rule.Domain, int,
   *     long)} or {@link CeSampler#ce})
   * @return the request; served by a service holding the CE's rule
   */
  public CeRequest request(Endpoint endpoint, SampledCe ce) {
    Draft d = inside(endpoint, ce);
    return d.finish(null);
  }

  private List<CeSampler.Slot> eligible(Endpoint endpoint) {
    if (options.mix() != Mix.HOSTILE && (endpoint == Endpoint.OCN || endpoint == Endpoint.JPNE)) {
      List<CeSampler.Slot> draft03 = sampler.slots(
          d -> d.interfaceIdFormat() == InterfaceIdFormat.DRAFT03);
      if (!draft03.isEmpty()) {
        return draft03;
      }
    }
    return sampler.slots(d -> true);
  }

  private CeRequest next(Endpoint endpoint, int i, CeSampler.Slot slot, Random random) {
    Mix mix = options.mix();
    boolean aboutACe = endpoint != Endpoint.RULES && endpoint != Endpoint.HEALTH;
    Draft d;
    if (aboutACe && mix != Mix.VALID && random.nextInt(10) == 0) {
      d = outside(endpoint, random);
    } else {
      d = inside(endpoint, ce(slot, random));
      if (!aboutACe) {
        d.endUserPrefix = null;
      }
    }
    vary(d, random);
    if (mix == Mix.TYPICAL && endpoint == Endpoint.RULES) {
      if (i % 3 == 1 && digest != null) {
        d.conditional = true;
      } else if (i % 3 == 2) {
        d.method = "HEAD";
      }
    }
    if ((endpoint == Endpoint.OCN || endpoint == Endpoint.JPNE) && d.ce != null
        && d.ce.domain().interfaceIdFormat() == InterfaceIdFormat.RFC7597) {
      // only HOSTILE reaches here (eligible() keeps the other mixes on draft03 domains)
      d.flaw("the CE's domain uses the RFC 7597 interface identifier, which the "
          + endpoint + " format cannot carry (409 INTERFACE_ID_FORMAT_NOT_CARRIED)");
    }
    if (mix == Mix.HOSTILE) {
      hostile(d, random);
    }
    return d.finish(random);
  }

  /** A CE of the slot's rule, one in four at an edge; another rule's when it is shadowed. */
  private SampledCe ce(CeSampler.Slot slot, Random random) {
    CeSampler.Position position = random.nextInt(4) != 0 ? CeSampler.Position.ANY
        : CeSampler.Position.values()[1 + random.nextInt(4)];
    Optional<SampledCe> ce = sampler.draw(slot, position, random);
    if (ce.isPresent()) {
      return ce.get();
    }
    List<CeSampler.Slot> all = sampler.slots(d -> true);
    for (int attempt = 0; attempt < all.size(); attempt++) {
      ce = sampler.draw(all.get(random.nextInt(all.size())), CeSampler.Position.ANY, random);
      if (ce.isPresent()) {
        return ce.get();
      }
    }
    throw new IllegalStateException("no rule of the rule set maps a sampled End-user prefix");
  }

  /** The canonical well-formed request of an inside CE. */
  private Draft inside(Endpoint endpoint, SampledCe ce) {
    Draft d = new Draft(endpoint, ce.address().toString(), ce.endUserPrefix());
    d.ce = ce;
    if (endpoint == Endpoint.LOOKUP) {
      d.query.put("ipv4", ce.parameters().ipv4Address().toString());
      PortSet ports = ce.parameters().portSet();
      if (ports.isUnrestricted()) {
        d.query.put("port", "1024");
      } else if (!ports.ranges().isEmpty()) {
        d.query.put("port", Integer.toString(ports.ranges().get(0).first()));
      }
    } else {
      prefixQuery(d, ce.endUserPrefix());
    }
    return d;
  }

  /** A well-formed request for a CE outside every rule. */
  private Draft outside(Endpoint endpoint, Random random) {
    if (endpoint == Endpoint.RULES || endpoint == Endpoint.HEALTH) {
      throw new IllegalArgumentException(endpoint + " is about no CE");
    }
    Ipv6Prefix p = sampler.outsidePrefix(random);
    Draft d = new Draft(endpoint, CeSampler.randomIn(p, random).toString(), null);
    if (endpoint == Endpoint.LOOKUP) {
      d.query.put("ipv4", sampler.outsideIpv4(random).toString());
      d.query.put("port", Integer.toString(1 + random.nextInt(65535)));
    } else {
      prefixQuery(d, p);
    }
    return d;
  }

  /**
   * The canonical query of the endpoints whose answer follows from an End-user prefix or client
   * address (all but lookup): OCN the prefix and its length, HB46PP {@code vendorid=acde48
   * &product=maprule&version=1_0&capability=map_e}, JPNE {@code callback=v6plus}, calc the
   * prefix; none for {@code /rules} and {@code /health}.
   */
  private void prefixQuery(Draft d, Ipv6Prefix p) {
    switch (d.endpoint) {
      case OCN -> {
        d.query.put("ipv6Prefix", p.address().toString());
        d.query.put("ipv6PrefixLength", Integer.toString(p.length()));
        d.query.put("code", options.ocnCode());
      }
      case HB46PP -> {
        d.query.put("vendorid", "acde48");
        d.query.put("product", "maprule");
        d.query.put("version", "1_0");
        d.query.put("capability", "map_e");
      }
      case JPNE -> d.query.put("callback", "v6plus");
      case CALC -> d.query.put("prefix", p.toString());
      default -> {
        // /rules, /health: no query
      }
    }
  }

  /**
   * Valid variations of a request (every mix); those of OCN and lookup need the CE and are left
   * out for a CE outside every rule.
   */
  private void vary(Draft d, Random random) {
    SampledCe ce = d.ce;
    if (ce == null && (d.endpoint == Endpoint.OCN || d.endpoint == Endpoint.LOOKUP)) {
      return;
    }
    switch (d.endpoint) {
      case OCN -> {
        Ipv6Prefix p = ce.endUserPrefix();
        if (random.nextInt(4) == 0 && p.length() <= 64 && ce.rule().endUserPrefixLength() <= 64) {
          Ipv6Address ra = CeSampler.randomIn(p, random).masked(64);
          d.query.put("ipv6Prefix", ra.toString());
          d.query.put("ipv6PrefixLength", "64");
        }
      }
      case HB46PP -> {
        if (random.nextBoolean()) {
          d.query.put("vendorid", pick(random, VENDORIDS));
          d.query.put("product", pick(random, PRODUCTS));
          d.query.put("version", pick(random, VERSIONS));
          d.query.put("capability", pick(random, CAPABILITIES));
        }
        if (random.nextInt(4) == 0) {
          d.query.put("token", hex(random, 32));
        }
        if (random.nextInt(3) == 0) {
          d.query.put("user", pick(random, CREDENTIALS));
          d.query.put("pass", pick(random, CREDENTIALS));
        }
      }
      case JPNE -> d.query.put("callback", pick(random, CALLBACKS));
      case CALC -> {
        int f = random.nextInt(8);
        if (f < 2) {
          d.query.put("format", "openwrt");
        } else if (f == 2) {
          d.query.put("format", "json");
        } else if (f == 3) {
          d.query.put("format", "dhcpv6");
        }
      }
      case LOOKUP -> {
        PortSet ports = ce.parameters().portSet();
        int how = random.nextInt(8);
        if (how == 0) {
          d.query.remove("port");
        } else if (ports.isUnrestricted()) {
          d.query.put("port", Integer.toString(1 + random.nextInt(65535)));
        } else if (!ports.ranges().isEmpty()) {
          List<PortRange> ranges = ports.ranges();
          int port;
          if (how == 1) {
            port = ranges.get(0).first();
          } else if (how == 2) {
            port = ranges.get(ranges.size() - 1).last();
          } else {
            PortRange r = ranges.get(random.nextInt(ranges.size()));
            port = r.first() + random.nextInt(r.size());
          }
          d.query.put("port", Integer.toString(port));
        }
      }
      default -> {
        // /rules, /health: nothing to vary
      }
    }
  }

  /** What {@link Mix#HOSTILE} adds: flaws, HEAD, conditional requests, unusual forms. */
  private void hostile(Draft d, Random random) {
    if (random.nextInt(10) == 0) {
      d.method = "HEAD";
    }
    if (random.nextInt(5) == 0 && digest != null) {
      d.conditional = true;
    }
    if (random.nextInt(10) == 0) {
      d.query.put("unknown", "ignored");
    }
    d.encodePlain = random.nextInt(4) == 0;
    d.plusForSpace = random.nextBoolean();
    if (random.nextInt(10) == 0) {
      d.encodeOnePathCharacter = true;
    }
    Hostile.clientAddress(d, options.clientAddressHeader(), sampler, random);
    if (random.nextInt(10) < 3) {
      Hostile.flaw(d, random);
    } else {
      Hostile.unusual(d, random);
    }
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** {@code bytes} random bytes as lower-case hex. */
  static String hex(Random random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A request being built: decoded query values, encoded by {@link #finish}. */
  final class Draft {
    final Endpoint endpoint;
    final Map<String, String> query = new LinkedHashMap<>();
    String method = "GET";
    String clientAddress;
    /** The header value, when it is not the plain client address (HOSTILE forms). */
    String clientHeaderValue;
    Ipv6Prefix endUserPrefix;
    SampledCe ce;
    String flaw;
    boolean conditional;
    boolean encodePlain;
    boolean plusForSpace;
    boolean encodeOnePathCharacter;

    Draft(Endpoint endpoint, String clientAddress, Ipv6Prefix endUserPrefix) {
      this.endpoint = endpoint;
      this.clientAddress = clientAddress;
      this.endUserPrefix = endUserPrefix;
    }

    /** Marks the request flawed on purpose (the first flaw is kept). */
    void flaw(String what) {
      if (flaw == null) {
        flaw = what;
      }
    }

    /** The request; {@code random} null for the canonical form (no encoding variations). */
    CeRequest finish(Random random) {
      String path = switch (endpoint) {
        case JPNE -> "/" + PercentCodec.encodePath(options.jpneKey()) + "/get_rules";
        default -> endpoint.path();
      };
      if (encodeOnePathCharacter && random != null) {
        path = Hostile.encodeOneCharacter(path, random);
      }
      StringBuilder target = new StringBuilder(path);
      char sep = '?';
      for (Map.Entry<String, String> q : query.entrySet()) {
        target.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
        sep = '&';
      }
      Map<String, String> headers = new LinkedHashMap<>();
      String header = options.clientAddressHeader();
      if (header != null && clientAddress != null) {
        headers.put(header, clientHeaderValue != null ? clientHeaderValue
            : header.equals("cloudfront-viewer-address")
                ? clientAddress + ":" + (49152 + Math.floorMod(clientAddress.hashCode(), 16384))
                : clientAddress);
      }
      if (conditional && digest != null) {
        headers.put(IF_NONE_MATCH, "\"" + digest + "\"");
      }
      return new CeRequest(endpoint, method, target.toString(), headers, clientAddress,
          endUserPrefix, flaw);
    }

    private String encode(String component) {
      if (PLAIN.matcher(component).matches() && !encodePlain) {
        return component;
      }
      String encoded = PercentCodec.encodeQueryComponent(component);
      return plusForSpace ? encoded.replace("%20", "+") : encoded;
    }
  }
}
