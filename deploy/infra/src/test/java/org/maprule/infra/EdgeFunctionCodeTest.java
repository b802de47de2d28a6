package org.maprule.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.maprule.infra.cdn.EdgeFunctionCode;

class EdgeFunctionCodeTest {

  @Test
  void theJarCarriesTheFileAsIs() throws IOException {
    assertThat(EdgeFunctionCode.source())
        .isEqualTo(Files.readString(Path.of("../cdn/traffic-mode.js"), StandardCharsets.UTF_8));
  }

  @Test
  void renderingWithTheDefaultHeaderChangesNothing() {
    assertThat(EdgeFunctionCode.render("x-origin-verify")).isEqualTo(EdgeFunctionCode.source());
  }

  @Test
  void renderingWithAnotherHeaderChangesOnlyTheStripList() {
    String source = EdgeFunctionCode.source();
    String rendered = EdgeFunctionCode.render("x-edge-key");
    assertThat(rendered).isEqualTo(source.replace(
        "var STRIP_HEADERS = ['x-origin-verify', 'cloudfront-viewer-address'];",
        "var STRIP_HEADERS = ['x-edge-key', 'cloudfront-viewer-address'];"));
    assertThat(rendered).isNotEqualTo(source);
  }

  @Test
  void constantsAreReadOrRefused() {
    String js = "var A = 'x';\nvar B = [1, 2, 3];\n";
    assertThat(EdgeFunctionCode.stringConstant(js, "A")).isEqualTo("x");
    assertThat(EdgeFunctionCode.intArrayConstant(js, "B")).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> EdgeFunctionCode.stringConstant(js, "C"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EdgeFunctionCode.intArrayConstant(js, "A"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
