package org.maprule.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transport's few judgements, without sockets. */
class RequestChecksTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "chunked | chunked",
    "Chunked | chunked",
    "gzip, chunked | gzip,chunked",
    " , chunked ,, | chunked",
    "chunked;x=1 | chunked;x=1",
    "'' | ''",
  })
  void codingsAreListItemsLowerCasedWithEmptyOnesDropped(String field, String expected) {
    assertThat(String.join(",", RequestChecks.codings(List.of(field)))).isEqualTo(expected);
  }

  @Test
  void codingsOfSeveralFieldLinesAreOneList() {
    assertThat(RequestChecks.codings(List.of("gzip", "chunked"))).containsExactly("gzip",
        "chunked");
  }

  @ParameterizedTest
  @CsvSource({"10000, 10 s", "1500, 1.5 s", "250, 250 ms", "1000, 1 s"})
  void timeoutsAreWrittenInPlainUnits(long millis, String text) {
    assertThat(RequestChecks.seconds(millis)).isEqualTo(text);
    assertThat(RequestChecks.timeout(ServerLimits.defaults()
        .withHeaderTimeout(Duration.ofMillis(millis))).reason())
        .isEqualTo("not complete within " + text);
  }

  @Test
  void aTargetWithRawBytesAbove0x7fIsReadAsUtf8() {
    assertThat(HttpConnection.target("/calc?prefix=2001:db8::/56"))
        .isEqualTo("/calc?prefix=2001:db8::/56");
    String sent = new String("/テ?q=é".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(HttpConnection.target(sent)).isEqualTo("/テ?q=é");
    assertThat(HttpConnection.target("/\u00ff")).as("not UTF-8: U+FFFD").isEqualTo("/\uFFFD");
    assertThat(HttpConnection.target("/%E3%83%86")).as("escapes are core's").isEqualTo("/%E3%83%86");
  }

  @Test
  void limitsOutOfRangeNameTheComponent() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerLimits.defaults()
        .withMaxHeaders(0)).hasMessage("maxHeaders 0 is out of range 1..10000");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerLimits.defaults()
        .withIdleTimeout(Duration.ZERO)).hasMessageContaining("idleTimeout PT0S");
  }
}
