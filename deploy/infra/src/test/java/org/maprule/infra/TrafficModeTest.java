package org.maprule.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Stored values are read as traffic-mode.js reads them (its Node tests cover the same table). */
class TrafficModeTest {

  static Stream<Arguments> stored() {
    return Stream.of(
        Arguments.of("aws", Optional.of(TrafficMode.AWS)),
        Arguments.of("azure", Optional.of(TrafficMode.AZURE)),
        Arguments.of("aws-only", Optional.of(TrafficMode.AWS_ONLY)),
        Arguments.of("azure-only", Optional.of(TrafficMode.AZURE_ONLY)),
        Arguments.of(" Azure-Only\n", Optional.of(TrafficMode.AZURE_ONLY)), // trimmed, any case
        Arguments.of("gcp", Optional.empty()),       // not a mode
        Arguments.of("", Optional.empty()),          // empty value
        Arguments.of("azure-", Optional.empty()),    // half a mode
        Arguments.of("aws only", Optional.empty()),  // space instead of hyphen
        Arguments.of(null, Optional.empty()));       // key missing
  }

  @ParameterizedTest
  @MethodSource("stored")
  void parse(String value, Optional<TrafficMode> expected) {
    assertThat(TrafficMode.parse(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("stored")
  void unknownValuesMeanTheDefault(String value, Optional<TrafficMode> expected) {
    assertThat(TrafficMode.parse(value).orElse(TrafficMode.DEFAULT))
        .isEqualTo(expected.orElse(TrafficMode.AWS));
  }
}
