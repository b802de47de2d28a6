package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.validate.Violation;

/**
 * The negative corpora {@code format/*-invalid.txt}: every case must be rejected with exactly the
 * listed violations, in order, each an error whose message names its field.
 */
class InvalidCorpusTest {

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (RuleSetFormat f : RuleSetFormat.values()) {
      String file = "/format/" + f.cliName() + "-invalid.txt";
      String text;
      try (InputStream in = InvalidCorpusTest.class.getResourceAsStream(file)) {
        assertThat(in).as(file).isNotNull();
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int lineNo = 0;
      int cases = 0;
      for (String line : text.split("\n", -1)) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(" \\| ", 3);
        assertThat(parts).as(file + ":" + lineNo + " needs reason | expected | document").hasSize(3);
        out.add(Arguments.of(f.cliName() + ":" + lineNo + " " + parts[0], f, parts[1], bytes(parts[2])));
        cases++;
      }
      assertThat(cases).as(file + " cases").isGreaterThan(20);
    }
    return out.stream();
  }

  /** The document: UTF-8, with each \xHH replaced by that raw byte. */
  static byte[] bytes(String doc) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int i = 0;
    while (i < doc.length()) {
      if (doc.startsWith("\\x", i) && i + 4 <= doc.length()) {
        b.write(Integer.parseInt(doc.substring(i + 2, i + 4), 16));
        i += 4;
      } else {
        int cp = doc.codePointAt(i);
        b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return b.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectedWithExactlyTheseViolations(String name, RuleSetFormat format, String expected, byte[] doc) {
    MapruleException e = catchThrowableOfType(MapruleException.class, () -> format.read(doc));
    assertThat(e).as(name + ": must be rejected").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.RULE_SET_INVALID);
    List<String> got = e.violations().stream().map(v -> v.code() + "@" + v.field()).toList();
    assertThat(String.join(", ", got)).as(name).isEqualTo(expected);
    for (Violation v : e.violations()) {
      assertThat(v.isError()).as(name).isTrue();
      assertThat(v.message()).as(name + ": message names the field").isNotBlank();
      if (!v.field().isEmpty()) {
        assertThat(v.message()).as(name + ": message names the field").contains(v.field());
      }
    }
  }
}
