package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;

class ClientAddressesTest {
  private static final String CF = ClientAddresses.CLOUDFRONT_VIEWER_ADDRESS;

  /** value, header, expected canonical address. */
  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("2001:db8::1", "x-client", "2001:db8::1"),
        Arguments.of("2001:DB8:0:0:0:0:0:1", "x-client", "2001:db8::1"),
        Arguments.of("  2001:db8::1\t", "x-client", "2001:db8::1"),
        Arguments.of("192.0.2.1", "x-client", "192.0.2.1"),
        Arguments.of("192.0.2.1:443", "x-client", "192.0.2.1"),
        Arguments.of("[2001:db8::1]", "x-client", "2001:db8::1"),
        Arguments.of("[2001:db8::1]:65535", "x-client", "2001:db8::1"),
        // not CloudFront: read whole first, so a valid address keeps its last group
        Arguments.of("2001:db8::1:2", "x-client", "2001:db8::1:2"),
        // …and only failing that as ipv6:port (9 groups)
        Arguments.of("2001:db8:0:0:0:0:0:1:4321", "x-client", "2001:db8::1"),
        Arguments.of("2001:db8::8a2e:370:7334:46532", "x-client", "2001:db8::8a2e:370:7334"),
        // CloudFront-Viewer-Address always ends in :port (AWS example and IPv6 unbracketed)
        Arguments.of("198.51.100.10:46532", CF, "198.51.100.10"),
        Arguments.of("2001:db8::1:2", CF, "2001:db8::1"),
        Arguments.of("2001:db8:12:3400::1:46532", CF, "2001:db8:12:3400::1"),
        Arguments.of("[2001:db8::1]:443", CF, "2001:db8::1"),
        Arguments.of("::ffff:192.0.2.1:80", CF, "::ffff:192.0.2.1"),
        Arguments.of("2001:db8::1:0", "CloudFront-Viewer-Address", "2001:db8::1"),
        // X-Forwarded-For style: leftmost only
        Arguments.of("2001:db8::1, 2001:db8::2", "x-forwarded-for", "2001:db8::1"),
        Arguments.of("192.0.2.1:5, 198.51.100.1", "x-forwarded-for", "192.0.2.1"),
        Arguments.of(" [2001:db8::1]:80 ,10.0.0.1", "x-forwarded-for", "2001:db8::1"));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void parsesEveryDocumentedForm(String value, String header, String expected) {
    Optional<ClientAddress> a = ClientAddresses.parse(value, header);
    assertThat(a).isPresent();
    assertThat(a.get().text()).isEqualTo(expected);
    assertThat(a.get().source()).isEqualTo(header.toLowerCase(java.util.Locale.ROOT));
  }

  /** value, header, why it is rejected. */
  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("", "x-client", "empty"),
        Arguments.of("   ", "x-client", "blank"),
        Arguments.of("unknown", "x-client", "a word, not an address"),
        Arguments.of("customer-7", "x-client", "not an address"),
        Arguments.of("192.0.2.256", "x-client", "octet out of range"),
        Arguments.of("192.0.2.1:65536", "x-client", "port out of range"),
        Arguments.of("192.0.2.1:", "x-client", "empty port"),
        Arguments.of("192.0.2.1:http", "x-client", "port not decimal"),
        Arguments.of("192.0.2.1:123456", "x-client", "port longer than 5 digits"),
        Arguments.of("[2001:db8::1", "x-client", "unclosed bracket"),
        Arguments.of("[2001:db8::1]x", "x-client", "garbage after the bracket"),
        Arguments.of("[2001:db8::1]:", "x-client", "empty port after bracket"),
        Arguments.of("[192.0.2.1]:80", "x-client", "IPv4 in brackets"),
        Arguments.of("[fe80::1%eth0]:80", "x-client", "zone id in a header"),
        Arguments.of("2001:db8::g", "x-client", "not hex"),
        Arguments.of("2001:db8::1", CF, "CloudFront always appends the port: this is ::, port 1"
            + " of the invalid address 2001:db8:"),
        Arguments.of("2001:db8::1:99999", CF, "port out of range"),
        Arguments.of(", 2001:db8::1", "x-forwarded-for", "the leftmost entry is empty"),
        Arguments.of("2001:db8::1 2001:db8::2", "x-client", "two addresses without a comma"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void rejectsWhatIsNotAnAddress(String value, String header, String why) {
    assertThat(ClientAddresses.parse(value, header)).as(why).isEmpty();
  }

  private static HttpRequest request(String peer, String... headers) {
    return HttpRequest.get("/hb46pp", Headers.of(headers), peer);
  }

  @Test
  void withoutAConfiguredHeaderOnlyThePeerCounts() {
    ServiceConfig c = ServiceConfig.defaults();
    ClientAddress a = ClientAddresses.resolve(c,
        request("2001:db8::7", "x-forwarded-for", "2001:db8::1", CF, "2001:db8::2:1"));
    assertThat(a.text()).isEqualTo("2001:db8::7");
    assertThat(a.source()).isEqualTo(ClientAddresses.PEER);
  }

  @Test
  void aConfiguredHeaderWithoutSecretIsTrusted() {
    ServiceConfig c = ServiceConfig.defaults().withClientAddressHeader("X-Test-Client");
    assertThat(ClientAddresses.resolve(c, request("127.0.0.1", "x-test-client", "2001:db8::1"))
        .text()).isEqualTo("2001:db8::1");
    assertThat(ClientAddresses.headerTrusted(c, request("127.0.0.1"))).isTrue();
  }

  @Test
  void withASecretTheHeaderNeedsIt() {
    ServiceConfig c = ServiceConfig.defaults().withClientAddressHeader(CF)
        .withOriginVerify("X-Origin-Verify", "s3cret");
    assertThat(ClientAddresses.resolve(c,
        request("127.0.0.1", CF, "2001:db8::1:5", "x-origin-verify", "s3cret")).text())
        .isEqualTo("2001:db8::1");
    for (String wrong : List.of("s3cre", "s3cret ", "S3CRET", "s3crett", "")) {
      ClientAddress a = ClientAddresses.resolve(c,
          request("127.0.0.1", CF, "2001:db8::1:5", "x-origin-verify", wrong));
      assertThat(a.source()).as(wrong).isEqualTo(ClientAddresses.PEER);
      assertThat(a.text()).isEqualTo("127.0.0.1");
    }
    assertThat(ClientAddresses.resolve(c, request("::1", CF, "2001:db8::1:5")).text())
        .isEqualTo("::1");
  }

  @Test
  void aTrustedHeaderThatIsAbsentOrBrokenIsTheClientsProblem() {
    ServiceConfig c = ServiceConfig.defaults().withClientAddressHeader("x-test-client");
    assertThatThrownBy(() -> ClientAddresses.resolve(c, request("127.0.0.1")))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLIENT_ADDRESS_UNKNOWN);
          assertThat(e.field()).isEqualTo("x-test-client");
          assertThat(e.value()).isNull();
        });
    assertThatThrownBy(() -> ClientAddresses.resolve(c, request("127.0.0.1", "x-test-client", "nope")))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLIENT_ADDRESS_UNKNOWN);
          assertThat(e.value()).isEqualTo("nope");
        });
  }

  @Test
  void peerFormsOfTheJdkAreRead() {
    ServiceConfig c = ServiceConfig.defaults();
    assertThat(ClientAddresses.resolve(c, request("fe80::1%eth0")).text()).isEqualTo("fe80::1");
    assertThat(ClientAddresses.resolve(c, request("[fe80::1%2]:8080")).text()).isEqualTo("fe80::1");
    assertThat(ClientAddresses.resolve(c, request("0:0:0:0:0:0:0:1")).text()).isEqualTo("::1");
    assertThat(ClientAddresses.resolve(c, request("203.0.113.9:55555")).text())
        .isEqualTo("203.0.113.9");
  }

  @Test
  void aMissingOrBrokenPeerIsATransportBug() {
    ServiceConfig c = ServiceConfig.defaults();
    assertThatThrownBy(() -> ClientAddresses.resolve(c, request(null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ClientAddresses.resolve(c, request("localhost")))
        .isInstanceOf(IllegalStateException.class);
  }
}
