package org.maprule.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * CEs inside the rules of one validated rule set, and prefixes and addresses outside all of them.
 *
 * <p>A CE of a rule (n = Rule IPv6 prefix length, o = EA-bits length, k = PSID length) has an
 * End-user prefix of the domain's End-user prefix length (n + o when the domain sets none): the
 * Rule IPv6 prefix, then o EA bits (RFC 7597 §5.2: IPv4 suffix, then PSID), then random subnet
 * bits up to that length. Which EA bits is the {@link Position}: the rule's first or last CE,
 * PSID 0 or PSID 2^k - 1 with a random IPv4 suffix, or uniform. Every sampled CE is checked with
 * {@link MapCalculator#calculate}: a prefix whose BMR is another rule (a longer rule shadowing
 * this one) is drawn again, up to 16 times, so a sampled CE is always one core maps to its rule.
 *
 * <p>Outside every rule: End-user prefixes (/56) in the RFC 9637 documentation prefix
 * {@code 3fff::/20} that {@link MapCalculator#calculate} refuses with {@code NO_MATCHING_RULE},
 * and IPv4 addresses in no Rule IPv4 prefix.
 *
 * <p>Deterministic: the same rule set, arguments and {@link Random} state give the same CEs.
 * Immutable; thread-safe when each thread uses its own {@link Random}.
 */
public final class CeSampler {
  /** Which End-user prefix of a rule to take. */
  public enum Position {
    /** Uniformly random EA bits. */
    ANY,
    /** EA bits all 0: the rule's first CE (IPv4 suffix 0, PSID 0). */
    FIRST,
    /** EA bits all 1: the rule's last CE (the highest IPv4 suffix, PSID 2^k - 1). */
    LAST,
    /** PSID 0 with a random IPv4 suffix ({@link #ANY} when the rule has no PSID, k &lt;= 0). */
    PSID_ZERO,
    /** PSID 2^k - 1 with a random IPv4 suffix ({@link #ANY} when k &lt;= 0). */
    PSID_MAX
  }

  /** A rule and its domain. */
  record Slot(Domain domain, MapRule rule) {}

  /** Outside every documentation and JP rule: the RFC 9637 documentation prefix. */
  private static final Ipv6Prefix OUTSIDE = Ipv6Prefix.parse("3fff::/20");
  /** Length of the End-user prefixes sampled outside every rule (the JP convention). */
  private static final int OUTSIDE_LENGTH = 56;
  private static final int ATTEMPTS = 16;

  private final RuleSet ruleSet;
  private final MapCalculator calculator;
  private final List<Slot> slots;

  private CeSampler(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
    this.calculator = MapCalculator.of(ruleSet);
    List<Slot> all = new ArrayList<>();
    for (Domain d : ruleSet.domains()) {
      for (MapRule r : d.rules()) {
        all.add(new Slot(d, r));
      }
    }
    this.slots = List.copyOf(all);
  }

  /**
   * A sampler over a rule set.
   *
   * @param ruleSet a rule set with no validation error (as {@link MapCalculator#of} requires)
   * @return the sampler
   * @throws NullPointerException when {@code ruleSet} is null
   */
  public static CeSampler of(RuleSet ruleSet) {
    return new CeSampler(Objects.requireNonNull(ruleSet, "ruleSet"));
  }

  /**
   * The rule set sampled.
   *
   * @return the rule set
   */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /**
   * The calculator the CEs are checked with.
   *
   * @return core's calculator over {@link #ruleSet()}
   */
  public MapCalculator calculator() {
    return calculator;
  }

  /**
   * One CE of {@code rule} at {@code position}, with a client address drawn uniformly inside its
   * End-user prefix.
   *
   * @param domain the rule's domain
   * @param rule a rule of {@code domain}
   * @param position which of the rule's End-user prefixes
   * @param random the source of randomness
   * @return the CE, or empty when after 16 draws every prefix had another BMR (the rule is
   *     shadowed there by a longer rule)
   * @throws IllegalArgumentException when {@code rule} is not a rule of {@code domain} in this
   *     rule set
   */
  public Optional<SampledCe> sample(Domain domain, MapRule rule, Position position,
      Random random) {
    Slot slot = new Slot(domain, rule);
    if (!slots.contains(slot)) {
      throw new IllegalArgumentException("rule " + rule.ipv6Prefix() + " is not a rule of domain "
          + domain.name() + " in this rule set");
    }
    return draw(slot, position, random);
  }

  /** {@link #sample(Domain, MapRule, Position, Random)} for a slot of this rule set. */
  Optional<SampledCe> draw(Slot slot, Position position, Random random) {
    MapRule rule = slot.rule();
    int n = rule.ipv6Prefix().length();
    int o = rule.eaBitLength();
    int length = Math.max(slot.domain().endUserPrefixLength().orElse(n + o), n + o);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Ipv6Address a = randomIn(rule.ipv6Prefix(), random);
      if (o > 0 && position != Position.ANY) {
        a = a.withBits(n, o, eaBits(rule, position, random));
      }
      Ipv6Prefix endUser = Ipv6Prefix.of(a.masked(length), length);
      CeParameters p;
      try {
        p = calculator.calculate(endUser);
      } catch (MapruleException e) {
        continue;
      }
      if (p.bmr().equals(rule) && p.domain().name().equals(slot.domain().name())) {
        return Optional.of(new SampledCe(p, randomIn(endUser, random)));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code count} CEs of one domain: its rules in a seeded order, cycled, each pass at another
   * {@link Position} (so that a small count still reaches the first, last, PSID 0 and PSID max
   * CEs of the rules). Rules shadowed everywhere are skipped.
   *
   * @param domain a domain of this rule set
   * @param count how many, 0 or more
   * @param seed the seed
   * @return the CEs, {@code count} of them unless every rule of the domain is shadowed (then none)
   * @throws IllegalArgumentException when {@code domain} is not of this rule set or
   *     {@code count} is negative
   */
  public List<SampledCe> sample(Domain domain, int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count " + count + " is negative");
    }
    List<Slot> mine = slots(d -> d.equals(domain));
    if (mine.isEmpty()) {
      throw new IllegalArgumentException("domain " + domain.name() + " is not of this rule set");
    }
    Random random = new Random(seed);
    List<Slot> order = new ArrayList<>(mine);
    Collections.shuffle(order, random);
    Position[] positions = Position.values();
    List<SampledCe> out = new ArrayList<>(count);
    int misses = 0;
    for (int i = 0; out.size() < count && misses < order.size(); i++) {
      Slot s = order.get(i % order.size());
      Position position = positions[(i + i / order.size()) % positions.length];
      Optional<SampledCe> ce = draw(s, position, random);
      if (ce.isPresent()) {
        out.add(ce.get());
        misses = 0;
      } else {
        misses++;
      }
    }
    return out;
  }

  /**
   * The CE of a given End-user prefix and client address, as core sees it.
   *
   * @param endUserPrefix the CE's End-user prefix (or a longer prefix inside it)
   * @param clientAddress the address the CE sends from, inside the End-user prefix core derives
   * @return the CE
   * @throws MapruleException as {@link MapCalculator#calculate} when no rule maps the prefix
   * @throws IllegalArgumentException when the address is outside the End-user prefix
   */
  public SampledCe ce(Ipv6Prefix endUserPrefix, Ipv6Address clientAddress) {
    return new SampledCe(calculator.calculate(endUserPrefix), clientAddress);
  }

  /**
   * An End-user prefix (/56) that no rule maps: in {@code 3fff::/20}, refused by
   * {@link MapCalculator#calculate} with {@code NO_MATCHING_RULE}.
   *
   * @param random the source of randomness
   * @return the prefix
   * @throws IllegalStateException when 16 draws all lay inside a rule (a rule set covering the
   *     documentation prefix)
   */
  public Ipv6Prefix outsidePrefix(Random random) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Ipv6Prefix p = Ipv6Prefix.of(randomIn(OUTSIDE, random).masked(OUTSIDE_LENGTH),
          OUTSIDE_LENGTH);
      try {
        calculator.calculate(p);
      } catch (MapruleException e) {
        if (e.code() == ErrorCode.NO_MATCHING_RULE) {
          return p;
        }
      }
    }
    throw new IllegalStateException("the rule set covers " + OUTSIDE
        + ": no End-user prefix outside every rule found there");
  }

  /**
   * An IPv4 address in no Rule IPv4 prefix.
   *
   * @param random the source of randomness
   * @return the address
   * @throws IllegalStateException when 64 draws all lay inside a rule
   */
  public Ipv4Address outsideIpv4(Random random) {
    for (int attempt = 0; attempt < 4 * ATTEMPTS; attempt++) {
      Ipv4Address a = Ipv4Address.of(random.nextInt());
      if (slots.stream().noneMatch(s -> s.rule().ipv4Prefix().contains(a))) {
        return a;
      }
    }
    throw new IllegalStateException("no IPv4 address outside every rule found in 64 draws");
  }

  /** Every rule with its domain, in file order, the domains filtered by {@code which}. */
  List<Slot> slots(Predicate<Domain> which) {
    return slots.stream().filter(s -> which.test(s.domain())).toList();
  }

  /** The o EA bits of a CE at {@code position} (not {@link Position#ANY}). */
  private static long eaBits(MapRule rule, Position position, Random random) {
    int o = rule.eaBitLength();
    int k = rule.psidLength();
    long all = o == 64 ? -1L : (1L << o) - 1;
    long any = random.nextLong() & all;
    return switch (position) {
      case FIRST -> 0;
      case LAST -> all;
      case PSID_ZERO -> k > 0 ? any & ~((1L << k) - 1) : any;
      case PSID_MAX -> k > 0 ? any | ((1L << k) - 1) : any;
      case ANY -> any;
    };
  }

  /**
   * A uniformly random address inside {@code p}.
   *
   * @param p the prefix
   * @param random the source of randomness
   * @return an address whose first {@code p.length()} bits are {@code p}'s
   */
  static Ipv6Address randomIn(Ipv6Prefix p, Random random) {
    int n = p.length();
    long maskHigh = n == 0 ? 0 : n >= 64 ? -1L : -1L << (64 - n);
    long maskLow = n <= 64 ? 0 : n == 128 ? -1L : -1L << (128 - n);
    return Ipv6Address.of((p.address().high() & maskHigh) | (random.nextLong() & ~maskHigh),
        (p.address().low() & maskLow) | (random.nextLong() & ~maskLow));
  }
}
