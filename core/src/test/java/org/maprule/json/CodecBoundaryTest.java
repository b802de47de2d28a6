package org.maprule.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The codec is the one way core touches JSON, and the lowest layer: Jackson's streaming API only
 * (no databind, so no default typing and no reflection into maprule's records), used from
 * {@code org.maprule.json} only (every other package writes through {@link JsonWriter}), and
 * {@code org.maprule.json} depends on nothing of maprule's domain.
 */
class CodecBoundaryTest {
  private static final Path MAIN = Path.of("src", "main", "java", "org", "maprule");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)[.;]");
  /** A maprule type named in code or Javadoc, fully qualified. */
  private static final Pattern QUALIFIED = Pattern.compile("org\\.maprule\\.(\\w+)");

  private static List<Path> sources(Path dir) throws IOException {
    assertThat(MAIN).as("run from the core module directory").isDirectory();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void noDatabindAnywhereInCore() throws IOException {
    List<Path> all = sources(MAIN);
    assertThat(all).hasSizeGreaterThan(50);
    for (Path p : all) {
      assertThat(Files.readString(p)).as(p.toString())
          .doesNotContain("tools.jackson.databind")
          .doesNotContain("com.fasterxml.jackson")
          .doesNotContain("activateDefaultTyping");
    }
  }

  @Test
  void onlyTheCodecUsesJackson() throws IOException {
    Path json = MAIN.resolve("json");
    for (Path p : sources(MAIN)) {
      if (!p.startsWith(json)) {
        assertThat(Files.readString(p)).as(p + " must write JSON with org.maprule.json.Json")
            .doesNotContain("tools.jackson");
      }
    }
  }

  @Test
  void theCodecDependsOnTheJdkAndJacksonCoreOnly() throws IOException {
    List<Path> json = sources(MAIN.resolve("json"));
    assertThat(json).hasSizeGreaterThan(10);
    for (Path p : json) {
      String text = Files.readString(p);
      Matcher m = IMPORT.matcher(text);
      while (m.find()) {
        assertThat(m.group(1)).as(p + " imports").matches("(java\\.|tools\\.jackson\\.core\\.|org\\.maprule\\.json\\.).*");
      }
      Matcher q = QUALIFIED.matcher(text);
      while (q.find()) {
        assertThat(q.group(1)).as(p + " names org.maprule." + q.group(1)).isEqualTo("json");
      }
    }
  }
}
