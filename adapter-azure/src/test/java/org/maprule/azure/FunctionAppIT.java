package org.maprule.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The function app folder that {@code azure-functions:package} staged (the thing that is zipped
 * and deployed), read as the Functions host reads it: the binding in {@code function.json} and
 * the route prefix in {@code host.json}. Runs in {@code verify}, after {@code package}.
 */
class FunctionAppIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Path app;

  @BeforeAll
  static void locate() {
    String folder = System.getProperty("maprule.azure.app");
    assertThat(folder).as("system property maprule.azure.app (set by the pom)").isNotBlank();
    app = Path.of(folder);
    assertThat(app).isDirectory();
  }

  @Test
  void theOneFunctionIsAnAnonymousGetHeadCatchAllHttpTrigger() throws IOException {
    JsonNode function = JSON.readTree(app.resolve(MapruleFunction.NAME).resolve("function.json")
        .toFile());

    assertThat(function.get("entryPoint").asString())
        .isEqualTo(MapruleFunction.class.getName() + ".run");
    assertThat(function.get("scriptFile").asString()).startsWith("../").endsWith(".jar");
    assertThat(app.resolve(MapruleFunction.NAME).resolve(function.get("scriptFile").asString()))
        .isRegularFile();

    List<JsonNode> triggers = new ArrayList<>();
    List<JsonNode> outputs = new ArrayList<>();
    for (JsonNode binding : function.get("bindings")) {
      (binding.get("direction").asString().equals("in") ? triggers : outputs).add(binding);
    }
    assertThat(triggers).hasSize(1);
    JsonNode trigger = triggers.get(0);
    assertThat(trigger.get("type").asString()).isEqualTo("httpTrigger");
    assertThat(trigger.get("route").asString()).isEqualTo("{*path}");
    List<String> methods = new ArrayList<>();
    trigger.get("methods").forEach(m -> methods.add(m.asString().toLowerCase(Locale.ROOT)));
    assertThat(methods).containsExactlyInAnyOrder("get", "head");
    assertThat(trigger.get("authLevel").asString()).isEqualToIgnoringCase("anonymous");
    assertThat(trigger.get("dataType").asString()).isEqualTo("binary");

    assertThat(outputs).hasSize(1);
    assertThat(outputs.get(0).get("type").asString()).isEqualTo("http");
    assertThat(outputs.get(0).get("name").asString()).isEqualTo("$return");
  }

  @Test
  void noOtherFunctionInTheApp() throws IOException {
    try (Stream<Path> entries = Files.list(app)) {
      assertThat(entries.filter(p -> Files.exists(p.resolve("function.json")))
          .map(p -> p.getFileName().toString()))
          .containsExactly(MapruleFunction.NAME);
    }
  }

  @Test
  void hostJsonServesAtTheSiteRoot() throws IOException {
    JsonNode host = JSON.readTree(app.resolve("host.json").toFile());
    assertThat(host.get("version").asString()).isEqualTo("2.0");
    assertThat(host.at("/extensions/http/routePrefix").isString()).isTrue();
    assertThat(host.at("/extensions/http/routePrefix").asString()).isEmpty();
  }

  @Test
  void libHoldsCoreAndItsJacksonButNoWorkerClasses() throws IOException {
    try (Stream<Path> jars = Files.list(app.resolve("lib"))) {
      List<String> names = jars.map(p -> p.getFileName().toString()).toList();
      assertThat(names).anyMatch(n -> n.startsWith("maprule-core-"));
      assertThat(names).anyMatch(n -> n.startsWith("jackson-core-"));
      // core's codec is streaming only: databind (1.9 MB) and its annotations are not shipped
      assertThat(names).noneMatch(n -> n.startsWith("jackson-databind-") || n.startsWith("jackson-annotations-"));
      // the worker brings HttpRequestMessage & co (azure-functions-java-core-library) itself
      assertThat(names).noneMatch(n -> n.startsWith("azure-functions-java-core-library"));
      assertThat(names).noneMatch(n -> n.contains("junit") || n.contains("assertj"));
    }
  }
}
