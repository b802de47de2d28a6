package org.maprule.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * The positive and negative corpora under {@code src/test/resources/addr/} (format in its
 * README.txt): every rejected input gives the expected {@link ErrorCode}, the default field name
 * and the input as the offending value; every accepted input prints as expected (RFC 5952 for
 * IPv6), parses back to itself, and agrees with {@code java.net.InetAddress} on the bytes.
 */
class AddressCorpusTest {

  static Stream<Corpus.Line> ipv4Invalid() {
    return Corpus.load("ipv4-invalid.txt").stream();
  }

  static Stream<Corpus.Line> ipv6Invalid() {
    return Corpus.load("ipv6-invalid.txt").stream();
  }

  static Stream<Corpus.Line> ipv4PrefixInvalid() {
    return Corpus.load("ipv4-prefix-invalid.txt").stream();
  }

  static Stream<Corpus.Line> ipv6PrefixInvalid() {
    return Corpus.load("ipv6-prefix-invalid.txt").stream();
  }

  static Stream<Corpus.Line> ipv4Valid() {
    return Corpus.load("ipv4-valid.txt").stream();
  }

  static Stream<Corpus.Line> ipv6Valid() {
    return Corpus.load("ipv6-valid.txt").stream();
  }

  static Stream<Corpus.Line> ipv4PrefixValid() {
    return Corpus.load("ipv4-prefix-valid.txt").stream();
  }

  static Stream<Corpus.Line> ipv6PrefixValid() {
    return Corpus.load("ipv6-prefix-valid.txt").stream();
  }

  private static void assertRejected(Corpus.Line line, Function<String, ?> parser, String field) {
    MapruleException e = catchThrowableOfType(MapruleException.class, () -> parser.apply(line.input()));
    assertThat(e).as("%s must be rejected", line).isNotNull();
    assertThat(e.code()).as(line.toString()).isEqualTo(ErrorCode.valueOf(line.expectation()));
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.value()).isEqualTo(line.input());
    assertThat(e.getMessage()).contains(field).contains("'" + line.input() + "'");
  }

  @ParameterizedTest
  @MethodSource("ipv4Invalid")
  void ipv4AddressRejects(Corpus.Line line) {
    assertRejected(line, Ipv4Address::parse, "ipv4");
  }

  @ParameterizedTest
  @MethodSource("ipv6Invalid")
  void ipv6AddressRejects(Corpus.Line line) {
    assertRejected(line, Ipv6Address::parse, "ipv6");
  }

  @ParameterizedTest
  @MethodSource("ipv4PrefixInvalid")
  void ipv4PrefixRejects(Corpus.Line line) {
    assertRejected(line, Ipv4Prefix::parse, "ipv4Prefix");
  }

  @ParameterizedTest
  @MethodSource("ipv6PrefixInvalid")
  void ipv6PrefixRejects(Corpus.Line line) {
    assertRejected(line, Ipv6Prefix::parse, "ipv6Prefix");
  }

  @ParameterizedTest
  @MethodSource("ipv4Valid")
  void ipv4AddressAccepts(Corpus.Line line) throws UnknownHostException {
    Ipv4Address a = Ipv4Address.parse(line.input());
    assertThat(a.toString()).isEqualTo(line.expectation());
    assertThat(Ipv4Address.parse(a.toString())).isEqualTo(a);
    assertThat(a.toBytes()).isEqualTo(InetAddress.getByName(line.input()).getAddress());
  }

  @ParameterizedTest
  @MethodSource("ipv6Valid")
  void ipv6AddressAccepts(Corpus.Line line) throws UnknownHostException {
    Ipv6Address a = Ipv6Address.parse(line.input());
    assertThat(a.toString()).isEqualTo(line.expectation());
    assertThat(Ipv6Address.parse(a.toString())).isEqualTo(a);
    assertThat(a.toBytes()).isEqualTo(Ipv6AddressTest.javaBytes(line.input()));
  }

  @ParameterizedTest
  @MethodSource("ipv4PrefixValid")
  void ipv4PrefixAccepts(Corpus.Line line) {
    Ipv4Prefix p = Ipv4Prefix.parse(line.input());
    assertThat(p.toString()).isEqualTo(line.expectation());
    assertThat(Ipv4Prefix.parse(p.toString())).isEqualTo(p);
  }

  @ParameterizedTest
  @MethodSource("ipv6PrefixValid")
  void ipv6PrefixAccepts(Corpus.Line line) {
    Ipv6Prefix p = Ipv6Prefix.parse(line.input());
    assertThat(p.toString()).isEqualTo(line.expectation());
    assertThat(Ipv6Prefix.parse(p.toString())).isEqualTo(p);
  }

  @Test
  void nullIsRejectedWithACode() {
    assertThat(catchThrowableOfType(MapruleException.class, () -> Ipv4Address.parse(null)).code())
        .isEqualTo(ErrorCode.INVALID_IPV4_ADDRESS);
    assertThat(catchThrowableOfType(MapruleException.class, () -> Ipv6Address.parse(null)).code())
        .isEqualTo(ErrorCode.INVALID_IPV6_ADDRESS);
    assertThat(catchThrowableOfType(MapruleException.class, () -> Ipv4Prefix.parse(null)).code())
        .isEqualTo(ErrorCode.INVALID_PREFIX);
    assertThat(catchThrowableOfType(MapruleException.class, () -> Ipv6Prefix.parse(null)).code())
        .isEqualTo(ErrorCode.INVALID_PREFIX);
  }

  @Test
  void theFieldNameIsTheCallersField() {
    MapruleException e = catchThrowableOfType(MapruleException.class,
        () -> Ipv6Prefix.parse("2001:db8::1/64", "ipv6Prefix[3]"));
    assertThat(e.field()).isEqualTo("ipv6Prefix[3]");
    assertThat(e.getMessage()).startsWith("ipv6Prefix[3] '2001:db8::1/64'");
    MapruleException v4 = catchThrowableOfType(MapruleException.class, () -> Ipv4Address.parse("1.2.3", "dst"));
    assertThat(v4.field()).isEqualTo("dst");
  }

  /** The reason after the address part is kept whole, even when the input itself holds ": ". */
  @Test
  void prefixMessagesKeepTheReason() {
    MapruleException e = catchThrowableOfType(MapruleException.class, () -> Ipv6Prefix.parse("2001: db8::/32"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IPV6_ADDRESS);
    assertThat(e.getMessage()).isEqualTo(
        "ipv6Prefix '2001: db8::/32' is not a prefix: it has a character that is not a hex digit, ':' or '.'");
    MapruleException v4 = catchThrowableOfType(MapruleException.class, () -> Ipv4Prefix.parse("1: 2.3.4/8"));
    assertThat(v4.getMessage()).isEqualTo(
        "ipv4Prefix '1: 2.3.4/8' is not a prefix: it has a character that is not a digit or dot");
  }

  @Test
  void corporaAreNotEmpty() {
    for (String f : List.of("ipv4-invalid.txt", "ipv6-invalid.txt", "ipv4-prefix-invalid.txt",
        "ipv6-prefix-invalid.txt", "ipv4-valid.txt", "ipv6-valid.txt", "ipv4-prefix-valid.txt",
        "ipv6-prefix-valid.txt")) {
      assertThat(Corpus.load(f)).hasSizeGreaterThan(5);
    }
  }
}
