package org.maprule.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathDecoderTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/|/",
      "/hb46pp|/hb46pp",
      "/a%20b|/a b",
      "/a+b|/a+b",
      "/%2F|//",
      "/%e3%83%86|/テ",
      "/%zz|/%zz",
      "/%4|/%4",
      "/%|/%",
      "/x%41%42y|/xABy",
      "/%ff|/\uFFFD",
      "'/テ%20'|'/テ '",
  })
  void decodes(String raw, String decoded) {
    assertThat(PathDecoder.decode(raw)).isEqualTo(decoded);
  }
}
