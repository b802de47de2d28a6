package org.maprule.dhcpv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;

class HexTest {
  @Test
  void formatsLowerCaseWithoutSeparators() {
    assertThat(Hex.format(new byte[] {0x00, 0x5e, (byte) 0xAB, (byte) 0xff})).isEqualTo("005eabff");
    assertThat(Hex.format(new byte[0])).isEmpty();
  }

  @Test
  void everyByteRoundTrips() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    assertThat(Hex.parse(Hex.format(all))).isEqualTo(all);
  }

  @Test
  void acceptsRfcSpacingTsharkColonsAndUpperCase() {
    byte[] expected = {0x00, 0x5e, 0x00, 0x2d};
    assertThat(Hex.parse("005e002d")).isEqualTo(expected);
    assertThat(Hex.parse("005E 002D")).isEqualTo(expected);
    assertThat(Hex.parse("00:5e:00:2d")).isEqualTo(expected);
    assertThat(Hex.parse("00-5e-00-2d\n")).isEqualTo(expected);
    assertThat(Hex.parse("")).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
    "005e0|odd number of digits",
    "0x5e|x is not a hex digit (no 0x prefix)",
    "00 5g|g is not a hex digit",
    "00,5e|comma is not a separator",
    "ａｂ|full-width letters are not ASCII hex",
  })
  void rejects(String text, String reason) {
    assertThatThrownBy(() -> Hex.parse(text))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
          assertThat(e.field()).isEqualTo("hex");
          assertThat(e.value()).isEqualTo(text);
        });
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Hex.parse(null)).isInstanceOf(MapruleException.class);
  }
}
