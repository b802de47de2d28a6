package org.maprule.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RuleSetDiffTest {
  static final MapRule RFC_EX1 = rule("2001:db8::/40", "192.0.2.0/24", 16, 6);
  static final Domain RFC = new Domain("example-rfc7597", Ipv6Address.parse("2001:db8:ffff::1"),
      InterfaceIdFormat.RFC7597, OptionalInt.empty(), List.of(RFC_EX1));
  static final MapRule D0 = rule("2001:db8:100::/40", "198.51.100.0/24", 16, 4);
  static final MapRule D1 = rule("2001:db8:200::/40", "203.0.113.0/24", 16, 4);
  static final Domain DRAFT = new Domain("example-draft03", Ipv6Address.parse("2001:db8:ffff::2"),
      InterfaceIdFormat.DRAFT03, OptionalInt.of(56), List.of(D0, D1));
  /** The built-in example (core/src/main/resources/org/maprule/example-rules.json). */
  static final RuleSet EXAMPLE = RuleSet.of(86400, List.of(RFC, DRAFT));
  static final BigInteger TWO_16 = BigInteger.ONE.shiftLeft(16);

  static MapRule rule(String v6, String v4, int o, int a) {
    return new MapRule(Ipv6Prefix.parse(v6), Ipv4Prefix.parse(v4), o, a);
  }

  static Domain withRules(Domain d, List<MapRule> rules) {
    return new Domain(d.name(), d.brIpv6Address(), d.interfaceIdFormat(), d.endUserPrefixLength(), rules);
  }

  static RuleSet example(UnaryOperator<Domain> draftChange) {
    return RuleSet.of(86400, List.of(RFC, draftChange.apply(DRAFT)));
  }

  // ---- nothing changes ----

  @Test
  void identicalExampleIsEmpty() {
    RuleSetDiff d = RuleSetDiff.diff(EXAMPLE, EXAMPLE);
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.affectedEndUserPrefixes()).isZero();
    assertThat(d.toText()).isEqualTo("no changes\n");
    assertThat(new String(d.toJson(), StandardCharsets.UTF_8))
        .isEqualTo("{\"empty\":true,\"affectedEndUserPrefixes\":0,\"domainChanges\":[],\"ruleChanges\":[]}");
  }

  /**
   * The built-in example file itself (read here with a plain Jackson tree, not the format
   * package's reader) is the rule set this class builds by hand, and diffs empty against itself.
   */
  @Test
  void builtInExampleFileIsEmptyAgainstItself() throws Exception {
    JsonNode root;
    try (var in = RuleSetDiffTest.class.getResourceAsStream("/org/maprule/example-rules.json")) {
      root = JsonMapper.builder().build().readTree(in);
    }
    List<Domain> domains = new ArrayList<>();
    for (JsonNode d : root.get("domains")) {
      List<MapRule> rules = new ArrayList<>();
      for (JsonNode r : d.get("rules")) {
        rules.add(rule(r.get("ipv6Prefix").asString(), r.get("ipv4Prefix").asString(), r.get("eaBitLength").asInt(),
            r.get("psidOffset").asInt()));
      }
      domains.add(new Domain(d.get("name").asString(), Ipv6Address.parse(d.get("brIpv6Address").asString()),
          InterfaceIdFormat.fromWireName(d.get("interfaceIdFormat").asString(), "interfaceIdFormat"),
          d.has("endUserPrefixLength") ? OptionalInt.of(d.get("endUserPrefixLength").asInt()) : OptionalInt.empty(),
          rules));
    }
    RuleSet builtIn = RuleSet.of(root.get("ttl").asInt(), domains);
    assertThat(builtIn.domains()).isEqualTo(EXAMPLE.domains());
    assertThat(RuleSetDiff.diff(builtIn, builtIn).isEmpty()).isTrue();
  }

  @Test
  void everyJpTableAgainstItselfIsEmpty() {
    List<Domain> all = new ArrayList<>();
    for (String provider : JpRules.providers()) {
      RuleSet rs = JpRules.ruleSet(provider);
      assertThat(RuleSetDiff.diff(rs, rs).isEmpty()).as(provider).isTrue();
      all.addAll(rs.domains());
    }
    RuleSet everything = RuleSet.of(86400, all);
    assertThat(RuleSetDiff.diff(everything, everything).isEmpty()).isTrue();
  }

  @Test
  void equivalentRewritesAreNoChange() {
    // the /40 split into two /41 halves with half the IPv4 prefix each, plus an equivalent /48 inside
    RuleSet split = RuleSet.of(86400, List.of(withRules(RFC, List.of(
        rule("2001:db8::/41", "192.0.2.0/25", 15, 6),
        rule("2001:db8:80::/41", "192.0.2.128/25", 15, 6),
        rule("2001:db8:12::/48", "192.0.2.18/32", 8, 6))), DRAFT));
    assertThat(RuleSetDiff.diff(EXAMPLE, split).isEmpty()).isTrue();
    assertThat(RuleSetDiff.diff(split, EXAMPLE).isEmpty()).isTrue();
    // rule order within a domain does not matter to any CE
    RuleSet reordered = example(d -> withRules(d, List.of(D1, D0)));
    assertThat(RuleSetDiff.diff(EXAMPLE, reordered).isEmpty()).isTrue();
  }

  @Test
  void psidOffsetOfARuleWithoutPsidIsNoChange() {
    Domain whole = new Domain("w", RFC.brIpv6Address(), InterfaceIdFormat.RFC7597, OptionalInt.empty(),
        List.of(rule("2001:db8::/40", "192.0.2.0/24", 8, 6)));
    RuleSet a = RuleSet.of(60, List.of(whole));
    RuleSet b = RuleSet.of(60, List.of(withRules(whole, List.of(rule("2001:db8::/40", "192.0.2.0/24", 8, 4)))));
    assertThat(RuleSetDiff.diff(a, b).isEmpty()).isTrue();
  }

  // ---- one rule changes: exactly its End-user prefixes, with the right count ----

  @Test
  void psidOffsetFourToSix() {
    MapRule changed = rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6);
    RuleSetDiff d = RuleSetDiff.diff(EXAMPLE, example(x -> withRules(x, List.of(changed, D1))));
    assertThat(d.domainChanges()).isEmpty();
    assertThat(d.ruleChanges()).hasSize(1);
    RuleChange c = d.ruleChanges().get(0);
    assertThat(c.oldRule()).isEqualTo(new RuleRef("example-draft03", 0, D0));
    assertThat(c.newRule()).isEqualTo(new RuleRef("example-draft03", 0, changed));
    assertThat(c.ranges()).containsExactly(new PrefixRange(Ipv6Prefix.parse("2001:db8:100::/56"),
        Ipv6Prefix.parse("2001:db8:1ff:ff00::/56"), TWO_16, EnumSet.of(Change.PORT_SET), EnumSet.noneOf(Change.class), true));
    assertThat(d.affectedEndUserPrefixes()).isEqualTo(TWO_16);
  }

  @Test
  void ipv4PrefixMoved() {
    MapRule moved = rule("2001:db8:200::/40", "198.18.7.0/24", 16, 4);
    RuleSetDiff d = RuleSetDiff.diff(EXAMPLE, example(x -> withRules(x, List.of(D0, moved))));
    assertThat(d.ruleChanges()).hasSize(1);
    RuleChange c = d.ruleChanges().get(0);
    assertThat(c.oldRule().rule()).isEqualTo(D1);
    assertThat(c.changes()).containsExactly(Change.IPV4_ADDRESS, Change.CE_ADDRESS);
    assertThat(c.ranges()).singleElement().satisfies(r -> {
      assertThat(r.first()).isEqualTo(Ipv6Prefix.parse("2001:db8:200::/56"));
      assertThat(r.last()).isEqualTo(Ipv6Prefix.parse("2001:db8:2ff:ff00::/56"));
      assertThat(r.count()).isEqualTo(TWO_16);
      assertThat(r.exact()).isTrue();
    });
  }

  @Test
  void ruleRemovedAndRuleAdded() {
    RuleSet without = example(x -> withRules(x, List.of(D0)));
    RuleSetDiff removed = RuleSetDiff.diff(EXAMPLE, without);
    assertThat(removed.ruleChanges()).singleElement().satisfies(c -> {
      assertThat(c.oldRule()).isEqualTo(new RuleRef("example-draft03", 1, D1));
      assertThat(c.newRule()).isNull();
      assertThat(c.changes()).containsExactly(Change.REMOVED);
      assertThat(c.count()).isEqualTo(TWO_16);
      assertThat(c.ranges().get(0).first()).isEqualTo(Ipv6Prefix.parse("2001:db8:200::/56"));
    });
    RuleSetDiff added = RuleSetDiff.diff(without, EXAMPLE);
    assertThat(added.ruleChanges()).singleElement().satisfies(c -> {
      assertThat(c.oldRule()).isNull();
      assertThat(c.newRule()).isEqualTo(new RuleRef("example-draft03", 1, D1));
      assertThat(c.changes()).containsExactly(Change.ADDED);
      assertThat(c.count()).isEqualTo(TWO_16);
    });
  }

  @Test
  void brChangedTouchesEveryCeOfTheDomain() {
    RuleSet newBr = example(x -> new Domain(x.name(), Ipv6Address.parse("2001:db8:ffff::3"), x.interfaceIdFormat(),
        x.endUserPrefixLength(), x.rules()));
    RuleSetDiff d = RuleSetDiff.diff(EXAMPLE, newBr);
    assertThat(d.domainChanges()).containsExactly(new DomainChange("example-draft03", DomainChange.Kind.BR,
        "2001:db8:ffff::2", "2001:db8:ffff::3"));
    assertThat(d.ruleChanges()).hasSize(2);
    assertThat(d.ruleChanges()).allSatisfy(c -> {
      assertThat(c.changes()).containsExactly(Change.BR);
      assertThat(c.count()).isEqualTo(TWO_16);
    });
    assertThat(d.affectedEndUserPrefixes()).isEqualTo(TWO_16.shiftLeft(1));
  }

  @Test
  void layoutAndEndUserPrefixLengthChanges() {
    RuleSet rfcLayout = example(x -> new Domain(x.name(), x.brIpv6Address(), InterfaceIdFormat.RFC7597,
        OptionalInt.empty(), x.rules()));
    RuleSetDiff d = RuleSetDiff.diff(EXAMPLE, rfcLayout);
    assertThat(d.domainChanges()).extracting(DomainChange::kind).containsExactly(
        DomainChange.Kind.INTERFACE_ID_FORMAT, DomainChange.Kind.END_USER_PREFIX_LENGTH);
    assertThat(d.domainChanges().get(1).oldValue()).isEqualTo("56");
    assertThat(d.domainChanges().get(1).newValue()).isNull();
    assertThat(d.ruleChanges()).allSatisfy(c -> assertThat(c.changes()).containsExactly(Change.CE_ADDRESS));
  }

  @Test
  void domainRenamedIsADomainChangeButNoCeChange() {
    RuleSet renamed = example(x -> new Domain("renamed", x.brIpv6Address(), x.interfaceIdFormat(),
        x.endUserPrefixLength(), x.rules()));
    RuleSetDiff d = RuleSetDiff.diff(EXAMPLE, renamed);
    assertThat(d.ruleChanges()).isEmpty();
    assertThat(d.domainChanges()).extracting(DomainChange::kind)
        .containsExactly(DomainChange.Kind.REMOVED, DomainChange.Kind.ADDED);
    assertThat(d.isEmpty()).isFalse();
  }

  /** EA bits move (o 16 -> 18, r 24 -> 22): every CE but one changes; found by refinement, exactly. */
  @Test
  void eaBitsMovedLeaveExactlyOneCeUnchanged() {
    MapRule wider = rule("2001:db8::/40", "192.0.0.0/22", 18, 6);
    RuleSetDiff d = RuleSetDiff.diff(EXAMPLE, RuleSet.of(86400, List.of(withRules(RFC, List.of(wider)), DRAFT)));
    assertThat(d.ruleChanges()).hasSize(1);
    RuleChange c = d.ruleChanges().get(0);
    assertThat(c.exact()).isTrue();
    assertThat(c.ranges()).allSatisfy(r -> assertThat(r.endUserPrefixLength()).isEqualTo(58));
    assertThat(c.ranges()).allSatisfy(r -> assertThat(r.changes()).contains(Change.CE_ADDRESS));
    assertThat(c.changes()).containsExactly(Change.IPV4_ADDRESS, Change.PSID, Change.PORT_SET, Change.CE_ADDRESS);
    assertThat(c.count()).isEqualTo(BigInteger.ONE.shiftLeft(18).subtract(BigInteger.ONE));
    // the unchanged CE: IPv4 bits 22.. and PSID must agree, which forces P[40..58) = 1010…10
    Ipv6Prefix same = Ipv6Prefix.of(Ipv6Address.parse("2001:db8::").withBits(40, 18, 0b101010101010101010L), 58);
    for (PrefixRange r : c.ranges()) {
      boolean inside = r.first().address().compareTo(same.address()) <= 0
          && r.last().address().compareTo(same.address()) >= 0;
      assertThat(inside).as("%s .. %s must not hold %s", r.first(), r.last(), same).isFalse();
    }
  }

  // ---- seeded: one random change to a published table ----

  static Stream<Arguments> seeds() {
    return IntStream.range(0, 40).mapToObj(i -> Arguments.of(500L + i));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void oneRandomChangeInAPublishedTable(long seed) {
    Random rnd = new Random(seed);
    List<String> providers = JpRules.providers();
    RuleSet old = JpRules.ruleSet(providers.get(rnd.nextInt(providers.size())));
    int di = rnd.nextInt(old.domains().size());
    Domain dom = old.domains().get(di);
    int ri = rnd.nextInt(dom.rules().size());
    MapRule r = dom.rules().get(ri);
    List<MapRule> rules = new ArrayList<>(dom.rules());
    Change expected;
    MapRule replacement = null;
    switch (rnd.nextInt(3)) {
      case 0 -> {
        replacement = new MapRule(r.ipv6Prefix(), r.ipv4Prefix(), r.eaBitLength(), r.psidOffset() == 4 ? 6 : 4);
        rules.set(ri, replacement);
        expected = Change.PORT_SET;
      }
      case 1 -> {
        rules.remove(ri);
        expected = Change.REMOVED;
      }
      default -> {
        replacement = new MapRule(r.ipv6Prefix(),
            Ipv4Prefix.containing(Ipv4Address.of(0xC6120000 | rnd.nextInt(1 << 17)), r.ipv4Prefix().length()),
            r.eaBitLength(), r.psidOffset());
        rules.set(ri, replacement);
        expected = Change.IPV4_ADDRESS;
      }
    }
    List<Domain> domains = new ArrayList<>(old.domains());
    domains.set(di, withRules(dom, rules));
    RuleSetDiff d = RuleSetDiff.diff(old, RuleSet.of(old.ttl(), domains));
    assertThat(d.domainChanges()).isEmpty();
    assertThat(d.ruleChanges()).singleElement().satisfies(c -> {
      assertThat(c.oldRule().rule()).isEqualTo(r);
      assertThat(c.changes()).contains(expected);
      assertThat(c.count()).isEqualTo(BigInteger.ONE.shiftLeft(r.eaBitLength()));
      assertThat(c.ranges()).singleElement().satisfies(range -> {
        assertThat(range.first()).isEqualTo(Ipv6Prefix.of(r.ipv6Prefix().address(), r.endUserPrefixLength()));
        assertThat(range.exact()).isTrue();
      });
    });
  }

  // ---- output ----

  /** Before the one codec, the diff was written by a plain JsonFactory: U+2028 went out raw. */
  @Test
  void jsonEscapesLineAndParagraphSeparatorsAsEveryBodyDoes() {
    RuleSetDiff d = new RuleSetDiff(List.of(
        new DomainChange("a\u2028b", DomainChange.Kind.ADDED, null, "a\u2028b"),
        new DomainChange("c\u2029", DomainChange.Kind.BR, "2001:db8::1", null)), List.of());
    byte[] json = d.toJson();
    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"empty\":false,\"affectedEndUserPrefixes\":0,"
        + "\"domainChanges\":[{\"domain\":\"a\\u2028b\",\"change\":\"ADDED\",\"old\":null,\"new\":\"a\\u2028b\"},"
        + "{\"domain\":\"c\\u2029\",\"change\":\"BR\",\"old\":\"2001:db8::1\",\"new\":null}],\"ruleChanges\":[]}");
    assertThat(json).doesNotContain((byte) 0xE2);
  }

  @Test
  void jsonAndTextOfOneChange() {
    MapRule changed = rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6);
    RuleSet newSet = RuleSet.of(86400, List.of(RFC, new Domain(DRAFT.name(), Ipv6Address.parse("2001:db8:ffff::3"),
        DRAFT.interfaceIdFormat(), DRAFT.endUserPrefixLength(), List.of(changed, D1))));
    RuleSetDiff d = RuleSetDiff.diff(EXAMPLE, newSet);
    String json = new String(d.toJson(), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"empty\":false,\"affectedEndUserPrefixes\":131072,"
        + "\"domainChanges\":[{\"domain\":\"example-draft03\",\"change\":\"BR\",\"old\":\"2001:db8:ffff::2\","
        + "\"new\":\"2001:db8:ffff::3\"}],"
        + "\"ruleChanges\":[{\"old\":{\"domain\":\"example-draft03\",\"index\":0,\"ipv6Prefix\":\"2001:db8:100::/40\","
        + "\"ipv4Prefix\":\"198.51.100.0/24\",\"eaBitLength\":16,\"psidOffset\":4},"
        + "\"new\":{\"domain\":\"example-draft03\",\"index\":0,\"ipv6Prefix\":\"2001:db8:100::/40\","
        + "\"ipv4Prefix\":\"198.51.100.0/24\",\"eaBitLength\":16,\"psidOffset\":6},"
        + "\"changes\":[\"PORT_SET\",\"BR\"],\"endUserPrefixes\":65536,\"exact\":true,"
        + "\"ranges\":[{\"first\":\"2001:db8:100::/56\",\"last\":\"2001:db8:1ff:ff00::/56\",\"endUserPrefixLength\":56,"
        + "\"count\":65536,\"changes\":[\"PORT_SET\",\"BR\"],\"partialChanges\":[],\"exact\":true}]},"
        + "{\"old\":{\"domain\":\"example-draft03\",\"index\":1,\"ipv6Prefix\":\"2001:db8:200::/40\","
        + "\"ipv4Prefix\":\"203.0.113.0/24\",\"eaBitLength\":16,\"psidOffset\":4},"
        + "\"new\":{\"domain\":\"example-draft03\",\"index\":1,\"ipv6Prefix\":\"2001:db8:200::/40\","
        + "\"ipv4Prefix\":\"203.0.113.0/24\",\"eaBitLength\":16,\"psidOffset\":4},"
        + "\"changes\":[\"BR\"],\"endUserPrefixes\":65536,\"exact\":true,"
        + "\"ranges\":[{\"first\":\"2001:db8:200::/56\",\"last\":\"2001:db8:2ff:ff00::/56\",\"endUserPrefixLength\":56,"
        + "\"count\":65536,\"changes\":[\"BR\"],\"partialChanges\":[],\"exact\":true}]}]}");
    JsonNode parsed = JsonMapper.builder().build().readTree(json);
    assertThat(parsed.get("ruleChanges")).hasSize(2);
    assertThat(d.toText()).isEqualTo("""
        1 domain change(s), 2 rule change(s), 131072 End-user prefix(es) affected
        domain example-draft03: BR 2001:db8:ffff::2 -> 2001:db8:ffff::3
        example-draft03[0] 2001:db8:100::/40 -> 198.51.100.0/24 ea 16 offset 4
          => example-draft03[0] 2001:db8:100::/40 -> 198.51.100.0/24 ea 16 offset 6: 65536 End-user prefix(es), PORT_SET, BR
          2001:db8:100::/56 .. 2001:db8:1ff:ff00::/56 (65536) PORT_SET, BR
        example-draft03[1] 2001:db8:200::/40 -> 203.0.113.0/24 ea 16 offset 4
          => example-draft03[1] 2001:db8:200::/40 -> 203.0.113.0/24 ea 16 offset 4: 65536 End-user prefix(es), BR
          2001:db8:200::/56 .. 2001:db8:2ff:ff00::/56 (65536) BR
        """);
  }

  @Test
  void countsBeyondLongAreExact() {
    // a /0 rule with o = 48 and a 1:1 rule elsewhere: 2^48 End-user prefixes of /48 removed
    MapRule huge = rule("::/0", "0.0.0.0/0", 48, 0);
    RuleSet a = RuleSet.of(60, List.of(new Domain("h", RFC.brIpv6Address(), InterfaceIdFormat.RFC7597,
        OptionalInt.of(128), List.of(huge))));
    RuleSet b = RuleSet.of(60, List.of());
    RuleSetDiff d = RuleSetDiff.diff(a, b);
    assertThat(d.affectedEndUserPrefixes()).isEqualTo(BigInteger.ONE.shiftLeft(128));
    assertThat(d.ruleChanges().get(0).ranges().get(0).last()).isEqualTo(Ipv6Prefix.parse(
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"));
  }

  @Test
  void refusesRulesNoCeCouldUse() {
    RuleSet bad = RuleSet.of(60, List.of(withRules(RFC, List.of(rule("2001:db8::/100", "192.0.2.0/24", 48, 6)))));
    assertThatThrownBy(() -> RuleSetDiff.diff(EXAMPLE, bad))
        .isInstanceOfSatisfying(MapruleException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.EA_BITS_EXCEED_IPV6));
    RuleSet longPsid = RuleSet.of(60, List.of(withRules(RFC, List.of(rule("2001:db8::/40", "192.0.2.0/24", 25, 6)))));
    assertThatThrownBy(() -> RuleSetDiff.diff(longPsid, EXAMPLE))
        .isInstanceOfSatisfying(MapruleException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PSID_LENGTH_TOO_LONG));
  }

  @Test
  void followsIsTheNextPrefixOfTheSameLength() {
    assertThat(DiffEngine.follows(Ipv6Prefix.parse("2001:db8:ff:ff00::/56"), Ipv6Prefix.parse("2001:db8:100::/56")))
        .isTrue();
    assertThat(DiffEngine.follows(Ipv6Prefix.parse("2001:db8::/56"), Ipv6Prefix.parse("2001:db8:0:200::/56"))).isFalse();
    assertThat(DiffEngine.follows(Ipv6Prefix.parse("::ffff:ffff:ffff:ffff/128"), Ipv6Prefix.parse("0:0:0:1::/128")))
        .isTrue();
    assertThat(DiffEngine.follows(Ipv6Prefix.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"),
        Ipv6Prefix.parse("::/128"))).isFalse();
    assertThat(DiffEngine.follows(Ipv6Prefix.parse("ffff:ffff:ffff:ff00::/56"), Ipv6Prefix.parse("::/56"))).isFalse();
    assertThat(DiffEngine.follows(Ipv6Prefix.parse("0:0:0:ffff::/64"), Ipv6Prefix.parse("0:0:1::/64"))).isTrue();
  }
}
