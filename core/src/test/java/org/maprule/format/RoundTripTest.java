package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

/** read(write(x)) == x for every format, on seeded random rule sets and on the JP tables. */
class RoundTripTest {

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  // ---- generators (values need not be valid: the readers do not check ranges) ----

  private static final String ALPHABET = "azAZ09 ._-/\"\\\n\t\u0001\u007f\u00e9\u3042\u2028\ud83d\ude00";

  static String text(Random r, int max) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      int c = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, r.nextInt(ALPHABET.codePointCount(0, ALPHABET.length()))));
      b.appendCodePoint(c);
    }
    return b.toString();
  }

  static int anyInt(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextInt();
      case 1 -> r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      default -> r.nextInt(130);
    };
  }

  static int nonNegative(Random r) {
    return r.nextInt(5) == 0 ? r.nextInt(1_000_000_000) : r.nextInt(130);
  }

  static Ipv6Address v6(Random r) {
    // sometimes sparse, so that :: compression and the IPv4-mapped form get exercised
    return switch (r.nextInt(4)) {
      case 0 -> Ipv6Address.of(r.nextLong() & 0xFFFF_0000_0000_FFFFL, r.nextLong() & 0x0000_FFFF_0000_0000L);
      case 1 -> Ipv6Address.of(0, 0xFFFF_0000_0000L | (r.nextInt() & 0xFFFF_FFFFL));
      default -> Ipv6Address.of(r.nextLong(), r.nextLong());
    };
  }

  static MapRule rule(Random r, boolean nonNegativeInts) {
    return new MapRule(Ipv6Prefix.containing(v6(r), r.nextInt(129)),
        Ipv4Prefix.containing(Ipv4Address.of(r.nextInt()), r.nextInt(33)),
        nonNegativeInts ? nonNegative(r) : anyInt(r), nonNegativeInts ? nonNegative(r) : anyInt(r));
  }

  static List<MapRule> rules(Random r, int min, int max, boolean nonNegativeInts) {
    List<MapRule> out = new ArrayList<>();
    int n = min + r.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      out.add(rule(r, nonNegativeInts));
    }
    return out;
  }

  static InterfaceIdFormat layout(Random r) {
    return InterfaceIdFormat.values()[r.nextInt(2)];
  }

  static RuleSet nativeRuleSet(Random r) {
    List<Domain> domains = new ArrayList<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      domains.add(new Domain(text(r, 8), r.nextInt(5) == 0 ? null : v6(r), layout(r),
          r.nextBoolean() ? OptionalInt.of(anyInt(r)) : OptionalInt.empty(), rules(r, 0, 6, false)));
    }
    return new RuleSet(anyInt(r), text(r, 10), text(r, 10), r.nextBoolean() ? null : text(r, 10), domains);
  }

  /** What reading an OCN table gives: distinct BRs, draft03, names ocn/ocn-i, n+o when agreed. */
  static RuleSet ocnRuleSet(Random r) {
    int n = 1 + r.nextInt(4);
    Set<Ipv6Address> brs = new LinkedHashSet<>();
    while (brs.size() < n) {
      brs.add(v6(r));
    }
    List<Domain> domains = new ArrayList<>();
    int i = 1;
    for (Ipv6Address br : brs) {
      List<MapRule> rules = rules(r, 1, 6, true);
      if (r.nextBoolean()) { // make n + o agree
        int total = rules.get(0).endUserPrefixLength();
        rules = rules.stream().map(x -> new MapRule(x.ipv6Prefix(), x.ipv4Prefix(),
            Math.max(0, total - x.ipv6Prefix().length()), x.psidOffset())).toList();
      }
      int e0 = rules.get(0).endUserPrefixLength();
      boolean agree = rules.stream().allMatch(x -> x.endUserPrefixLength() == e0);
      domains.add(new Domain(n == 1 ? "ocn" : "ocn-" + i++, br, InterfaceIdFormat.DRAFT03,
          agree ? OptionalInt.of(e0) : OptionalInt.empty(), rules));
    }
    return RuleSet.of(86400, domains);
  }

  static RuleSet hb46ppRuleSet(Random r) {
    Domain d = new Domain("hb46pp", r.nextInt(5) == 0 ? null : v6(r), layout(r), OptionalInt.empty(),
        rules(r, 0, 8, false));
    return new RuleSet(anyInt(r), text(r, 10), text(r, 10), r.nextBoolean() ? null : text(r, 10), List.of(d));
  }

  // ---- seeded round trips ----

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void nativeRoundTrip(long seed) {
    RuleSet x = nativeRuleSet(new Random(seed));
    byte[] bytes = RuleSetFormat.NATIVE.write(x);
    assertThat(RuleSetFormat.NATIVE.read(bytes)).isEqualTo(x);
    assertThat(RuleSetFormat.NATIVE.write(RuleSetFormat.NATIVE.read(bytes))).isEqualTo(bytes);
    String s = new String(bytes, StandardCharsets.UTF_8);
    assertThat(s).as("compact: no raw newline, no space after a colon").doesNotContain("\n").doesNotContain(": ");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void ocnRoundTrip(long seed) {
    RuleSet x = ocnRuleSet(new Random(seed));
    byte[] bytes = RuleSetFormat.OCN.write(x);
    assertThat(RuleSetFormat.OCN.read(bytes)).isEqualTo(x);
    assertThat(RuleSetDigest.of(RuleSetFormat.OCN.read(bytes)))
        .as("same rules through native or OCN, same digest")
        .isEqualTo(RuleSetDigest.of(RuleSetFormat.NATIVE.read(RuleSetFormat.NATIVE.write(x))));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void hb46ppRoundTrip(long seed) {
    RuleSet x = hb46ppRuleSet(new Random(seed));
    assertThat(RuleSetFormat.HB46PP.read(RuleSetFormat.HB46PP.write(x))).isEqualTo(x);
  }

  // ---- the example ----

  @Test
  void exampleRoundTripsInEveryFormat() {
    RuleSet x = Fixtures.EXAMPLE;
    assertThat(RuleSetFormat.NATIVE.read(RuleSetFormat.NATIVE.write(x))).isEqualTo(x);
    RuleSet ocn = RuleSetFormat.OCN.read(RuleSetFormat.OCN.write(x));
    assertThat(ocn.domains()).extracting(Domain::brIpv6Address)
        .containsExactlyElementsOf(x.domains().stream().map(Domain::brIpv6Address).toList());
    assertThat(ocn.domains()).extracting(Domain::rules)
        .containsExactlyElementsOf(x.domains().stream().map(Domain::rules).toList());
    RuleSet hb = RuleSetFormat.HB46PP.read(RuleSetFormat.HB46PP.write(x));
    Domain first = x.domains().get(0);
    assertThat(hb.domains()).singleElement().satisfies(d -> {
      assertThat(d.rules()).isEqualTo(first.rules());
      assertThat(d.interfaceIdFormat()).isEqualTo(first.interfaceIdFormat());
      assertThat(d.brIpv6Address()).isEqualTo(first.brIpv6Address());
    });
  }

  @Test
  void digestIgnoresLayoutOfTheFile() {
    byte[] pretty = RuleSetLoader.exampleBytes();
    byte[] canonical = RuleSetFormat.NATIVE.write(RuleSetFormat.NATIVE.read(pretty));
    assertThat(canonical).isNotEqualTo(pretty);
    assertThat(RuleSetDigest.of(RuleSetFormat.NATIVE.read(pretty)))
        .isEqualTo(RuleSetDigest.ofBytes(canonical))
        .isEqualTo(GoldenBytesTest.EXAMPLE_DIGEST);
  }

  // ---- JP tables ----

  static Stream<String> providers() {
    return JpRules.file() == null ? Stream.of("(absent)") : JpRules.providers().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void jpTableRoundTripsThroughNative(String provider) {
    JpRules.assumePresent();
    RuleSet x = JpRules.ruleSet(provider);
    assertThat(RuleSetFormat.NATIVE.read(RuleSetFormat.NATIVE.write(x))).isEqualTo(x);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void jpTableRoundTripsThroughOcnWithTheSameDigestAsNative(String provider) {
    JpRules.assumePresent();
    RuleSet x = JpRules.ruleSet(provider);
    RuleSet read = RuleSetFormat.OCN.read(RuleSetFormat.OCN.write(x));
    // OCN carries no names: the reader names domains ocn / ocn-i; everything else is kept
    List<Domain> renamed = new ArrayList<>();
    for (int i = 0; i < x.domains().size(); i++) {
      Domain d = x.domains().get(i);
      renamed.add(new Domain(x.domains().size() == 1 ? "ocn" : "ocn-" + (i + 1), d.brIpv6Address(),
          d.interfaceIdFormat(), d.endUserPrefixLength(), d.rules()));
    }
    RuleSet expected = RuleSet.of(x.ttl(), renamed);
    assertThat(read).isEqualTo(expected);
    assertThat(read.ruleCount()).isEqualTo(JpRules.rules(provider).size());
    assertThat(RuleSetDigest.of(read)).isEqualTo(RuleSetDigest.of(RuleSetFormat.NATIVE.read(RuleSetFormat.NATIVE.write(expected))));
  }

  @Test
  void wholeJpTableAsOneOcnDocument() {
    JpRules.assumePresent();
    List<Domain> domains = new ArrayList<>();
    for (String p : JpRules.providers()) {
      domains.addAll(JpRules.ruleSet(p).domains());
    }
    RuleSet all = RuleSet.of(86400, domains);
    RuleSet read = RuleSetFormat.OCN.read(RuleSetFormat.OCN.write(all));
    assertThat(read.domains().stream().flatMap(d -> d.rules().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(JpRules.rows().stream().map(JpRules.Row::rule).toList());
    assertThat(read.domains()).allSatisfy(d -> assertThat(d.endUserPrefixLength()).hasValue(56));
  }
}
