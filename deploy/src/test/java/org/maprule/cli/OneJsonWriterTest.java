package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI writes JSON with core's one codec ({@code org.maprule.json.Json}) only: no command has
 * a generator or an object mapper of its own, so every {@code --json} line escapes as the HTTP
 * bodies do.
 */
class OneJsonWriterTest {
  /** Known exceptions, each with its reason; the list may only shrink. */
  /** File name to why it may still use Jackson directly: none today. */
  private static final Map<String, String> KNOWN = Map.of();

  @Test
  void noJacksonOutsideTheKnownExceptions() throws IOException {
    Path main = Path.of("src", "main", "java");
    assertThat(main).as("run from the deploy module directory").isDirectory();
    List<Path> sources;
    try (Stream<Path> s = Files.walk(main)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(sources).hasSizeGreaterThan(10);
    for (Path p : sources) {
      String name = p.getFileName().toString();
      String text = Files.readString(p);
      if (KNOWN.containsKey(name)) {
        assertThat(text).as(name + " is a known exception: " + KNOWN.get(name)
            + "; once it no longer uses Jackson, take it off the list").contains("tools.jackson");
      } else {
        assertThat(text).as(p + " must write JSON with org.maprule.json.Json").doesNotContain("tools.jackson");
      }
    }
  }
}
