package org.maprule.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.format.RuleSetLoader;

class RulesSourceTest {
  private static final ClassLoader LOADER = RulesSourceTest.class.getClassLoader();

  @Test
  void builtinExample() {
    RulesSource s = RulesSource.parse("builtin:example", Path.of("/base"));
    assertThat(s.kind()).isEqualTo(RulesSource.Kind.BUILTIN);
    assertThat(s).isEqualTo(RulesSource.builtinExample()).hasToString("builtin:example");
    assertThat(s.read(LOADER)).isEqualTo(RuleSetLoader.exampleBytes());
  }

  @Test
  void classpathResourceWithOrWithoutALeadingSlash() {
    RulesSource slash = RulesSource.parse("classpath:/org/maprule/example-rules.json", Path.of("."));
    RulesSource bare = RulesSource.parse("classpath:org/maprule/example-rules.json", Path.of("."));
    assertThat(slash.kind()).isEqualTo(RulesSource.Kind.CLASSPATH);
    assertThat(slash.resource()).isEqualTo(bare.resource()).isEqualTo("org/maprule/example-rules.json");
    assertThat(slash.read(LOADER)).isEqualTo(bare.read(LOADER)).isEqualTo(RuleSetLoader.exampleBytes());
    assertThat(slash.file()).isNull();
  }

  @Test
  void aRelativeFileResolvesAgainstTheBaseAnAbsoluteOneDoesNot(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/jp.json"), "{\"ttl\":1}", StandardCharsets.UTF_8);
    RulesSource relative = RulesSource.parse("rules/jp.json", dir);
    assertThat(relative.kind()).isEqualTo(RulesSource.Kind.FILE);
    assertThat(relative.file()).isEqualTo(dir.resolve("rules/jp.json"));
    assertThat(relative.value()).isEqualTo("rules/jp.json");
    assertThat(relative.read(LOADER)).isEqualTo("{\"ttl\":1}".getBytes(StandardCharsets.UTF_8));

    String absolute = dir.resolve("rules/jp.json").toString();
    RulesSource abs = RulesSource.parse(absolute, Path.of("/elsewhere"));
    assertThat(abs.file()).isEqualTo(Path.of(absolute));
    assertThat(abs.read(LOADER)).isEqualTo(relative.read(LOADER));
  }

  @Test
  void theSameRelativeValueOnAnotherBaseIsAnotherSource() {
    assertThat(RulesSource.parse("r.json", Path.of("/a")))
        .isNotEqualTo(RulesSource.parse("r.json", Path.of("/b")))
        .isEqualTo(RulesSource.parse("r.json", Path.of("/a")));
  }

  @Test
  void aMissingResourceNamesTheVariableAndTheValue() {
    RulesSource s = RulesSource.parse("classpath:no/such.json", Path.of("."));
    assertThatThrownBy(() -> s.read(LOADER))
        .isInstanceOfSatisfying(MapruleException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
          assertThat(e.field()).isEqualTo("MAPRULE_RULES");
          assertThat(e.value()).isEqualTo("classpath:no/such.json");
        })
        .hasMessageContaining("not in the deployed jars");
  }

  @Test
  void aDirectoryIsNotARulesFile(@TempDir Path dir) {
    RulesSource s = RulesSource.parse(dir.toString(), Path.of("."));
    assertThatThrownBy(() -> s.read(LOADER))
        .isInstanceOfSatisfying(MapruleException.class,
            e -> assertThat(e.field()).isEqualTo("MAPRULE_RULES"))
        .hasMessageContaining("cannot be read").hasMessageContaining(dir.toString());
  }

  @Test
  void aPathThePlatformCannotRepresentIsRefusedWhenParsed() {
    assertThatThrownBy(() -> RulesSource.parse("rules\0.json", Path.of(".")))
        .isInstanceOfSatisfying(MapruleException.class,
            e -> assertThat(e.field()).isEqualTo("MAPRULE_RULES"));
  }
}
