package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CLI's {@link TrafficMode} and the CloudFront Function that reads the mode
 * ({@code deploy/cdn/traffic-mode.js}) agree: the key, the default, the four values and the
 * reading rule (trimmed, lower-cased).
 */
class TrafficModeAgreementTest {
  private static final Path FUNCTION = Path.of("cdn/traffic-mode.js"); // from deploy/

  private static String js() throws IOException {
    return Files.readString(FUNCTION);
  }

  private static String constant(String js, String name) {
    Matcher m = Pattern.compile("var " + name + " = '([^']*)';").matcher(js);
    assertThat(m.find()).as("%s in %s", name, FUNCTION).isTrue();
    return m.group(1);
  }

  @Test
  void keyAndDefaultAreTheFunctions() throws IOException {
    assertThat(TrafficMode.DEFAULT_KEY).isEqualTo(constant(js(), "MODE_KEY"));
    assertThat(TrafficMode.FALLBACK.value()).isEqualTo(constant(js(), "DEFAULT_MODE"));
  }

  @Test
  void theFourModesAreTheOnesTheFunctionAccepts() throws IOException {
    Matcher accepted = Pattern.compile("mode === '([a-z-]+)'").matcher(js());
    Set<String> js = new TreeSet<>();
    while (accepted.find()) {
      js.add(accepted.group(1));
    }
    assertThat(js).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(TrafficMode.values()).map(TrafficMode::value).toList());
  }

  @Test
  void valuesAreReadAsTheFunctionReadsThem() throws IOException {
    assertThat(js()).contains("String(value).trim().toLowerCase()");
    assertThat(TrafficMode.read(" Azure-Only\n")).contains(TrafficMode.AZURE_ONLY);
    assertThat(TrafficMode.read("AWS")).contains(TrafficMode.AWS);
    assertThat(TrafficMode.read("aws_only")).isEmpty();
    assertThat(TrafficMode.read("")).isEmpty();
    assertThat(TrafficMode.read(null)).isEmpty();
  }
}
