package org.maprule.dhcpv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
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

class Rfc7598Test {
  /** docs/domain.md §6.4: RFC 7597 example 1 as an FMR with PORTPARAMS a = 6, BR 2001:db8:ffff::1. */
  static final String GOLDEN = "005e002d 00590015 01 10 18 c0000200 28 20010db800 005d0004 06 00 0000"
      + " 005a0010 20010db8ffff00000000000000000001";

  static final MapRule RFC_EXAMPLE_1 =
      new MapRule(Ipv6Prefix.parse("2001:db8::/40"), Ipv4Prefix.parse("192.0.2.0/24"), 16, 6);
  static final Domain EXAMPLE = new Domain("example", Ipv6Address.parse("2001:db8:ffff::1"),
      InterfaceIdFormat.RFC7597, OptionalInt.empty(), List.of(RFC_EXAMPLE_1));

  // ---- building blocks for hand-made byte strings ----

  /** An option with its length computed from the data. */
  static String opt(int code, String... dataHex) {
    String data = String.join("", dataHex).replace(" ", "");
    return String.format("%04x%04x", code, data.length() / 2) + data;
  }

  /** An option header announcing {@code length}, followed by whatever data is given. */
  static String raw(int code, int length, String dataHex) {
    return String.format("%04x%04x", code, length) + dataHex.replace(" ", "");
  }

  static final String RULE_FIELDS = "01 10 18 c0000200 28 20010db800";
  static final String PP_A6 = opt(93, "06 00 0000");
  static final String RULE = opt(89, RULE_FIELDS, PP_A6);
  static final String BR = opt(90, "20010db8ffff00000000000000000001");

  static String cont(String... options) {
    return opt(94, options);
  }

  // ---- golden ----

  @Test
  void goldenDomainBytesFromDomainMd() {
    assertThat(Hex.format(Rfc7598.encode(EXAMPLE))).isEqualTo(GOLDEN.replace(" ", ""));
    assertThat(cont(RULE, BR)).isEqualTo(GOLDEN.replace(" ", ""));
  }

  @Test
  void goldenDecodesToTheExampleRule() {
    MapeContainer c = Rfc7598.decode(Hex.parse(GOLDEN));
    assertThat(c.rules()).containsExactly(new S46Rule(true, RFC_EXAMPLE_1, PortParams.offsetOnly(6)));
    assertThat(c.brs()).containsExactly(Ipv6Address.parse("2001:db8:ffff::1"));
    assertThat(c.skippedOptionCodes()).isEmpty();
    assertThat(c.toDomain("example", InterfaceIdFormat.RFC7597, OptionalInt.empty())).isEqualTo(EXAMPLE);
  }

  @Test
  void bmrOnlyWithoutTheFFlag() {
    byte[] b = Rfc7598.encodeBmr(EXAMPLE, RFC_EXAMPLE_1, false);
    assertThat(Hex.format(b)).isEqualTo(cont(opt(89, "00 10 18 c0000200 28 20010db800", PP_A6), BR));
    assertThat(Rfc7598.decode(b).rules().get(0).fmr()).isFalse();
  }

  @Test
  void prefixBytesAreCeilOfLengthOverEight() {
    // n = 0: no prefix byte; n = 1: one byte; n = 128: sixteen
    for (int n : new int[] {0, 1, 7, 8, 9, 33, 56, 127, 128}) {
      MapRule r = new MapRule(Ipv6Prefix.containing(Ipv6Address.parse("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"), n),
          Ipv4Prefix.parse("192.0.2.0/24"), 0, 6);
      byte[] b = Rfc7598.encodeBmr(EXAMPLE, r, true);
      int ruleLength = ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
      assertThat(ruleLength).as("n=%d", n).isEqualTo(8 + (n + 7) / 8 + 8);
      assertThat(Rfc7598.decode(b).rules().get(0).rule()).isEqualTo(r);
    }
  }

  @Test
  void psidIsLeftAlignedOnTheWire() {
    // an explicit PSID is only legal with o + r = 32 (a full address per CE)
    MapRule full = new MapRule(Ipv6Prefix.parse("2001:db8::/48"), Ipv4Prefix.parse("192.0.2.0/24"), 8, 6);
    byte[] b = Rfc7598.encode(List.of(new S46Rule(true, full, new PortParams(6, 8, 0x34))),
        List.of(Ipv6Address.parse("2001:db8:ffff::1")));
    assertThat(Hex.format(b)).contains(opt(93, "06 08 3400"));
    assertThat(Rfc7598.decode(b).rules().get(0).portParams()).isEqualTo(new PortParams(6, 8, 0x34));
    assertThat(new PortParams(4, 12, 0xABC).psidField()).isEqualTo(0xABC0);
    assertThat(new PortParams(0, 16, 0xFFFF).psidField()).isEqualTo(0xFFFF);
  }

  @Test
  void aRuleWithoutPortParamsGetsTheRfc7597DefaultOffset() {
    byte[] b = Hex.parse(cont(opt(89, RULE_FIELDS), BR));
    S46Rule r = Rfc7598.decode(b).rules().get(0);
    assertThat(r.portParams()).isNull();
    assertThat(r.rule().psidOffset()).isEqualTo(6);
  }

  @Test
  void unknownOptionsAreSkippedAndListed() {
    String unknownInRule = opt(0x1234, "abcd");
    String unknownInContainer = opt(23, "20010db8000000000000000000000053"); // DNS servers: not ours
    byte[] b = Hex.parse(cont(unknownInContainer, opt(89, RULE_FIELDS, unknownInRule, PP_A6), BR));
    MapeContainer c = Rfc7598.decode(b);
    assertThat(c.skippedOptionCodes()).containsExactly(23, 0x1234);
    assertThat(c.rules().get(0).rule()).isEqualTo(RFC_EXAMPLE_1);
  }

  @Test
  void reservedFlagBitsAreIgnored() {
    byte[] b = Hex.parse(cont(opt(89, "81 10 18 c0000200 28 20010db800", PP_A6), BR));
    assertThat(Rfc7598.decode(b).rules().get(0).fmr()).isTrue();
    byte[] c = Hex.parse(cont(opt(89, "fe 10 18 c0000200 28 20010db800", PP_A6), BR));
    assertThat(Rfc7598.decode(c).rules().get(0).fmr()).isFalse();
  }

  // ---- round trip over generated domains ----

  static Stream<Arguments> seeds() {
    return IntStream.range(0, 200).mapToObj(i -> arguments(1000L + i));
  }

  /** A random domain of 1..20 rules, any lengths the wire can carry. */
  static Domain randomDomain(Random rnd) {
    int count = 1 + rnd.nextInt(20);
    List<MapRule> rules = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = rnd.nextInt(129);
      int o = rnd.nextInt(Math.min(48, 128 - n) + 1);
      int r = rnd.nextInt(33);
      Ipv6Address v6 = Ipv6Address.of(rnd.nextLong(), rnd.nextLong());
      Ipv4Address v4 = Ipv4Address.of(rnd.nextInt());
      rules.add(new MapRule(Ipv6Prefix.containing(v6, n), Ipv4Prefix.containing(v4, r), o, rnd.nextInt(16)));
    }
    return new Domain("d" + rnd.nextInt(1000), Ipv6Address.of(rnd.nextLong(), rnd.nextLong()),
        rnd.nextBoolean() ? InterfaceIdFormat.RFC7597 : InterfaceIdFormat.DRAFT03,
        rnd.nextBoolean() ? OptionalInt.of(56) : OptionalInt.empty(), rules);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundTripsGeneratedDomains(long seed) {
    Domain d = randomDomain(new Random(seed));
    byte[] b = Rfc7598.encode(d);
    MapeContainer c = Rfc7598.decode(b);
    assertThat(c.toDomain(d.name(), d.interfaceIdFormat(), d.endUserPrefixLength())).isEqualTo(d);
    assertThat(c.rules()).allMatch(S46Rule::fmr);
    assertThat(Rfc7598.encode(c.rules(), c.brs())).isEqualTo(b);
    int expectedLength = 4 + 20;
    for (MapRule r : d.rules()) {
      expectedLength += 4 + 8 + (r.ipv6Prefix().length() + 7) / 8 + 8;
    }
    assertThat(b).hasSize(expectedLength);
  }

  // ---- encoder refusals ----

  @Test
  void encoderRefusesWhatTheWireCannotCarry() {
    Domain noBr = new Domain("x", null, InterfaceIdFormat.RFC7597, OptionalInt.empty(), List.of(RFC_EXAMPLE_1));
    assertCode(() -> Rfc7598.encode(noBr), ErrorCode.BR_MISSING, "brIpv6Address");
    Domain noRules = new Domain("x", EXAMPLE.brIpv6Address(), InterfaceIdFormat.RFC7597, OptionalInt.empty(), List.of());
    assertCode(() -> Rfc7598.encode(noRules), ErrorCode.NO_RULES, "rules");
    MapRule bigEa = new MapRule(RFC_EXAMPLE_1.ipv6Prefix(), RFC_EXAMPLE_1.ipv4Prefix(), 49, 6);
    assertCode(() -> Rfc7598.encodeBmr(EXAMPLE, bigEa, true), ErrorCode.EA_BITS_OUT_OF_RANGE,
        "OPTION_S46_RULE[0].ea-len");
    MapRule bigOffset = new MapRule(RFC_EXAMPLE_1.ipv6Prefix(), RFC_EXAMPLE_1.ipv4Prefix(), 16, 16);
    assertCode(() -> Rfc7598.encodeBmr(EXAMPLE, bigOffset, true), ErrorCode.PSID_OFFSET_OUT_OF_RANGE,
        "bmr.psidOffset");
    List<MapRule> many = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      many.add(RFC_EXAMPLE_1);
    }
    Domain huge = new Domain("x", EXAMPLE.brIpv6Address(), InterfaceIdFormat.RFC7597, OptionalInt.empty(), many);
    assertCode(() -> Rfc7598.encode(huge), ErrorCode.DHCPV6_OPTION_TOO_LONG, "option-length");
    assertCode(() -> Rfc7598.encode(List.of(), List.of(EXAMPLE.brIpv6Address())), ErrorCode.DHCPV6_NO_RULE,
        "OPTION_S46_RULE");
  }

  // ---- toDomain refusals ----

  @Test
  void toDomainRefusesTwoBrsAndExplicitPsids() {
    byte[] twoBrs = Hex.parse(cont(RULE, BR, opt(90, "20010db8ffff00000000000000000002")));
    MapeContainer c = Rfc7598.decode(twoBrs);
    assertThat(c.brs()).hasSize(2);
    assertCode(() -> c.toDomain("x", InterfaceIdFormat.RFC7597, OptionalInt.empty()), ErrorCode.DHCPV6_MULTIPLE_BR,
        "OPTION_S46_BR");

    // o + r = 32 (16 + 16): an explicit PSID is legal RFC 7598 but not a shareable rule
    byte[] explicit = Hex.parse(cont(opt(89, "01 10 10 c0000000 28 20010db800", opt(93, "06 08 3400")), BR));
    MapeContainer e = Rfc7598.decode(explicit);
    assertThat(e.rules().get(0).portParams()).isEqualTo(new PortParams(6, 8, 0x34));
    assertCode(() -> e.toDomain("x", InterfaceIdFormat.RFC7597, OptionalInt.empty()),
        ErrorCode.DHCPV6_EXPLICIT_PSID_UNSUPPORTED, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.PSID");
  }

  // ---- negative corpus: one byte string per line, with the reason ----

  static Stream<Arguments> corpus() {
    return Stream.of(
        bad("empty input: no option header", "", ErrorCode.DHCPV6_TRUNCATED, "OPTION_S46_CONT_MAPE"),
        bad("three bytes: half a header", "005e00", ErrorCode.DHCPV6_TRUNCATED, "OPTION_S46_CONT_MAPE"),
        bad("MAP-T container (95), not MAP-E", opt(95, RULE, BR), ErrorCode.DHCPV6_NOT_MAPE_CONTAINER, "option-code"),
        bad("a bare S46_RULE instead of a container", RULE, ErrorCode.DHCPV6_NOT_MAPE_CONTAINER, "option-code"),
        bad("container length one more than the data", raw(94, 46, RULE + BR), ErrorCode.DHCPV6_TRUNCATED,
            "OPTION_S46_CONT_MAPE"),
        bad("one byte after the container", cont(RULE, BR) + "00", ErrorCode.DHCPV6_TRAILING_BYTES,
            "OPTION_S46_CONT_MAPE"),
        bad("two containers back to back", cont(RULE, BR) + cont(RULE, BR), ErrorCode.DHCPV6_TRAILING_BYTES,
            "OPTION_S46_CONT_MAPE"),
        bad("empty container", cont(), ErrorCode.DHCPV6_NO_RULE, "OPTION_S46_RULE"),
        bad("container with a BR only", cont(BR), ErrorCode.DHCPV6_NO_RULE, "OPTION_S46_RULE"),
        bad("container with a rule only", cont(RULE), ErrorCode.DHCPV6_NO_BR, "OPTION_S46_BR"),
        bad("container ends 2 bytes into an option header", cont(RULE, BR, "005a"), ErrorCode.DHCPV6_TRUNCATED,
            "OPTION_S46_CONT_MAPE.option[2]"),
        bad("BR option-length 15", cont(RULE, opt(90, "20010db8ffff000000000000000000")), ErrorCode.DHCPV6_BAD_LENGTH,
            "OPTION_S46_BR[0].option-length"),
        bad("BR option-length 17", cont(RULE, opt(90, "20010db8ffff0000000000000000000100")),
            ErrorCode.DHCPV6_BAD_LENGTH, "OPTION_S46_BR[0].option-length"),
        bad("BR announces 16 bytes, container holds 8", cont(RULE, raw(90, 16, "20010db8ffff0000")),
            ErrorCode.DHCPV6_TRUNCATED, "OPTION_S46_CONT_MAPE.option[1] (code 90)"),
        bad("rule option-length 7: shorter than its fixed fields", cont(opt(89, "01 10 18 c0000200"), BR),
            ErrorCode.DHCPV6_BAD_LENGTH, "OPTION_S46_RULE[0].option-length"),
        bad("rule with prefix6-len 40 but 4 prefix bytes", cont(opt(89, "01 10 18 c0000200 28 20010db8"), BR),
            ErrorCode.DHCPV6_BAD_LENGTH, "OPTION_S46_RULE[0].option-length"),
        bad("ea-len 49", cont(opt(89, "01 31 18 c0000200 28 20010db800", PP_A6), BR),
            ErrorCode.EA_BITS_OUT_OF_RANGE, "OPTION_S46_RULE[0].ea-len"),
        bad("ea-len 255", cont(opt(89, "01 ff 18 c0000200 28 20010db800", PP_A6), BR),
            ErrorCode.EA_BITS_OUT_OF_RANGE, "OPTION_S46_RULE[0].ea-len"),
        bad("prefix4-len 33", cont(opt(89, "01 10 21 c0000200 28 20010db800", PP_A6), BR),
            ErrorCode.INVALID_PREFIX, "OPTION_S46_RULE[0].prefix4-len"),
        bad("prefix6-len 129", cont(opt(89, "01 10 18 c0000200 81 20010db8000000000000000000000000 00", PP_A6), BR),
            ErrorCode.INVALID_PREFIX, "OPTION_S46_RULE[0].prefix6-len"),
        bad("ipv4-prefix 192.0.2.1 has a bit past /24", cont(opt(89, "01 10 18 c0000201 28 20010db800", PP_A6), BR),
            ErrorCode.PREFIX_HOST_BITS_SET, "OPTION_S46_RULE[0].ipv4-prefix"),
        bad("ipv4-prefix /0 that is not 0.0.0.0", cont(opt(89, "01 10 00 80000000 28 20010db800", PP_A6), BR),
            ErrorCode.PREFIX_HOST_BITS_SET, "OPTION_S46_RULE[0].ipv4-prefix"),
        bad("ipv6-prefix /36 with bit 36 set in the padding", cont(opt(89, "01 10 18 c0000200 24 20010db808", PP_A6), BR),
            ErrorCode.PREFIX_HOST_BITS_SET, "OPTION_S46_RULE[0].ipv6-prefix"),
        bad("rule ends 3 bytes into a sub-option header", cont(opt(89, RULE_FIELDS, "005d00"), BR),
            ErrorCode.DHCPV6_TRUNCATED, "OPTION_S46_RULE[0].option[0]"),
        bad("PORTPARAMS announces 4 bytes, rule holds 2", cont(opt(89, RULE_FIELDS, raw(93, 4, "0600")), BR),
            ErrorCode.DHCPV6_TRUNCATED, "OPTION_S46_RULE[0].option[0] (code 93)"),
        bad("PORTPARAMS option-length 3", cont(opt(89, RULE_FIELDS, opt(93, "06 00 00")), BR),
            ErrorCode.DHCPV6_BAD_LENGTH, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.option-length"),
        bad("PORTPARAMS option-length 5", cont(opt(89, RULE_FIELDS, opt(93, "06 00 0000 00")), BR),
            ErrorCode.DHCPV6_BAD_LENGTH, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.option-length"),
        bad("offset 16", cont(opt(89, RULE_FIELDS, opt(93, "10 00 0000")), BR),
            ErrorCode.PSID_OFFSET_OUT_OF_RANGE, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.offset"),
        bad("PSID-len 17", cont(opt(89, RULE_FIELDS, opt(93, "00 11 0000")), BR),
            ErrorCode.PSID_LENGTH_TOO_LONG, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.PSID-len"),
        bad("offset 6 + PSID-len 11 > 16", cont(opt(89, "01 00 20 c0000201 28 20010db800", opt(93, "06 0b 0000")), BR),
            ErrorCode.PSID_EXCEEDS_PORT_BITS, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.PSID-len"),
        bad("PSID 0x3401: a bit past PSID-len 8", cont(opt(89, "01 00 20 c0000201 28 20010db800", opt(93, "06 08 3401")), BR),
            ErrorCode.INVALID_VALUE, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.PSID"),
        bad("PSID bits with PSID-len 0", cont(opt(89, RULE_FIELDS, opt(93, "06 00 8000")), BR),
            ErrorCode.INVALID_VALUE, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.PSID"),
        bad("explicit PSID in a rule whose EA bits carry a PSID (o 16 + r 24 > 32)",
            cont(opt(89, RULE_FIELDS, opt(93, "06 08 3400")), BR),
            ErrorCode.DHCPV6_PSID_WITH_SHARED_ADDRESS, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.PSID-len"),
        bad("explicit PSID with a per-CE IPv4 prefix (o 0 + r 24 < 32)",
            cont(opt(89, "01 00 18 c0000200 28 20010db800", opt(93, "06 04 1000")), BR),
            ErrorCode.DHCPV6_PSID_WITHOUT_FULL_ADDRESS, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS.PSID-len"),
        bad("two PORTPARAMS in one rule", cont(opt(89, RULE_FIELDS, PP_A6, PP_A6), BR),
            ErrorCode.DHCPV6_DUPLICATE_OPTION, "OPTION_S46_RULE[0].OPTION_S46_PORTPARAMS"),
        bad("S46_DMR (MAP-T) inside a MAP-E container", cont(RULE, BR, opt(91, "40 20010db8ffff0000")),
            ErrorCode.DHCPV6_MISPLACED_OPTION, "OPTION_S46_CONT_MAPE.option[2]"),
        bad("S46_V4V6BIND (lw4o6) inside a MAP-E container", cont(RULE, BR, opt(92, "c0000201 40 20010db800000000")),
            ErrorCode.DHCPV6_MISPLACED_OPTION, "OPTION_S46_CONT_MAPE.option[2]"),
        bad("PORTPARAMS directly in the container", cont(PP_A6, RULE, BR),
            ErrorCode.DHCPV6_MISPLACED_OPTION, "OPTION_S46_CONT_MAPE.option[0]"),
        bad("a container nested in the container", cont(RULE, BR, cont(RULE, BR)),
            ErrorCode.DHCPV6_MISPLACED_OPTION, "OPTION_S46_CONT_MAPE.option[2]"),
        bad("a BR inside a rule", cont(opt(89, RULE_FIELDS, PP_A6, BR), BR),
            ErrorCode.DHCPV6_MISPLACED_OPTION, "OPTION_S46_RULE[0].option[1]"),
        bad("a rule inside a rule", cont(opt(89, RULE_FIELDS, RULE), BR),
            ErrorCode.DHCPV6_MISPLACED_OPTION, "OPTION_S46_RULE[0].option[0]"),
        bad("second rule broken: errors name its index", cont(RULE, opt(89, "01 31 18 c0000200 28 20010db800"), BR),
            ErrorCode.EA_BITS_OUT_OF_RANGE, "OPTION_S46_RULE[1].ea-len"));
  }

  static Arguments bad(String reason, String hex, ErrorCode code, String field) {
    return arguments(reason, hex, code, field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rejects(String reason, String hex, ErrorCode code, String field) {
    byte[] bytes = Hex.parse(hex);
    assertThatThrownBy(() -> Rfc7598.decode(bytes))
        .as(reason)
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).as(reason + ": " + e.getMessage()).isEqualTo(code);
          assertThat(e.field()).as(reason + ": " + e.getMessage()).isEqualTo(field);
          assertThat(e.getMessage()).isNotBlank();
        });
  }

  /** The positive twin of each negative: the corpus's building blocks decode when well-formed. */
  @Test
  void corpusBuildingBlocksAreValid() {
    assertThat(Rfc7598.decode(Hex.parse(cont(RULE, BR))).rules()).hasSize(1);
    // o 0 + r 32: a whole address, explicit PSID allowed by RFC 7598 §4.5
    assertThat(Rfc7598.decode(Hex.parse(cont(opt(89, "01 00 20 c0000201 28 20010db800", opt(93, "06 08 3400")), BR)))
        .rules().get(0).portParams()).isEqualTo(new PortParams(6, 8, 0x34));
    // PSID-len 0 with a shared address: the RFC 7598 §4.5 form for MAP-E rules
    assertThat(Rfc7598.decode(Hex.parse(cont(opt(89, RULE_FIELDS, opt(93, "04 00 0000")), BR)))
        .rules().get(0).rule().psidOffset()).isEqualTo(4);
  }

  static void assertCode(Runnable r, ErrorCode code, String field) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(MapruleException.class, e -> {
      assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
      assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
    });
  }
}
