package org.maprule.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.HttpResponseMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The production path: the worker's no-argument constructor, settings from the real environment
 * (none set here: the built-in example rules, cloud {@code azure}), one service per JVM.
 */
class FunctionInstanceTest {

  @Test
  void theWorkersConstructorServesFromTheEnvironment() {
    WorkerHttpRequest health =
        WorkerHttpRequest.fromHost("GET", "https://h/health", List.of(), new byte[0]);

    HttpResponseMessage answer = new MapruleFunction().run(health);

    assertThat(answer.getStatusCode()).isEqualTo(200);
    assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8)).contains("\"azure\"");
  }

  @Test
  void oneServicePerInstance() {
    assertThat(FunctionInstance.service()).isSameAs(FunctionInstance.service());
  }
}
