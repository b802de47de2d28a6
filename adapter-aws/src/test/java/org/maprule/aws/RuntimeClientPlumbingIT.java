package org.maprule.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maprule.aws.runtime.FakeRuntimeApi;
import org.maprule.aws.runtime.LambdaRuntimeProcess;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;

class RuntimeClientPlumbingIT {
  static LambdaRuntimeProcess runtime;

  @BeforeAll
  static void start() throws Exception {
    runtime = LambdaRuntimeProcess.start(new LambdaRuntimeProcess.Options()
        .layout(LambdaRuntimeProcess.Layout.CLASSPATH)
        .handler(LambdaRuntimeProcess.SCF_HANDLER)
        .extraClasspath(Path.of("target/test-classes"))
        .env("MAIN_CLASS", EchoServiceApplication.class.getName()));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void smoke() {
    FakeRuntimeApi.Result r = runtime.invoke(HttpEventCodec.functionUrlEvent(
        HttpRequest.get("/x?status=404&h=content-type:application/problem%2Bjson", Headers.of("accept", "*/*"), "2001:db8::1")),
        Duration.ofSeconds(60));
    System.out.println(r.text());
    System.out.println(runtime.log());
    assertThat(r.error()).isFalse();
  }
}
