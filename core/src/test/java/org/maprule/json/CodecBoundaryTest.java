package org.maprule.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The codec and the format readers/writers use Jackson's streaming API only: no databind (so no
 * default typing and no reflection into maprule's records can creep in).
 */
class CodecBoundaryTest {

  @Test
  void noDatabindInJsonOrFormat() throws IOException {
    Path main = Path.of("src", "main", "java", "org", "maprule");
    assertThat(main).as("run from the core module directory").isDirectory();
    List<Path> sources;
    try (Stream<Path> s = Stream.concat(Files.walk(main.resolve("json")), Files.walk(main.resolve("format")))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(sources).hasSizeGreaterThan(10);
    for (Path p : sources) {
      assertThat(Files.readString(p)).as(p.toString())
          .doesNotContain("tools.jackson.databind")
          .doesNotContain("com.fasterxml.jackson.databind")
          .doesNotContain("activateDefaultTyping");
    }
  }
}
