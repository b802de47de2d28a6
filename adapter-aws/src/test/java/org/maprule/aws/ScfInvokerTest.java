package org.maprule.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Spring Cloud Function 5.0.1's {@link FunctionInvoker}, in process, around our
 * {@code Function<InputStream, byte[]>}: the response document leaves it untouched, so none of
 * the SCF traps of docs/design.md §7 applies. A control run with the function typed the way SCF's
 * documentation suggests ({@code Message<byte[]>} in and out) shows the traps are real and that
 * these assertions catch them.
 */
class ScfInvokerTest {
  static FunctionInvoker ours;
  static FunctionInvoker control;

  /** The control: the same codec and echo service, typed Message in and out. */
  public static final class MessageTypedApplication
      implements ApplicationContextInitializer<GenericApplicationContext> {
    @Override
    public void initialize(GenericApplicationContext context) {
      MapruleFunction delegate = new MapruleFunction(EchoServiceApplication::echo);
      Function<Message<byte[]>, Message<byte[]>> f =
          m -> MessageBuilder.withPayload(delegate.handle(m.getPayload())).build();
      context.registerBean("maprule", FunctionRegistration.class,
          () -> new FunctionRegistration<>(f, "maprule").type(FunctionTypeUtils.functionType(
              ResolvableType.forClassWithGenerics(Message.class, byte[].class).getType(),
              ResolvableType.forClassWithGenerics(Message.class, byte[].class).getType())));
    }
  }

  @BeforeAll
  static void start() {
    ours = invoker(EchoServiceApplication.class);
    control = invoker(MessageTypedApplication.class);
  }

  static FunctionInvoker invoker(Class<?> application) {
    System.setProperty("MAIN_CLASS", application.getName());
    try {
      return new FunctionInvoker("maprule");
    } finally {
      System.clearProperty("MAIN_CLASS");
    }
  }

  static APIGatewayV2HTTPResponse call(FunctionInvoker invoker, String target) throws IOException {
    return call(invoker, HttpEventCodec.functionUrlEvent(
        HttpRequest.get(target, Headers.of("accept", "*/*"), "2001:db8::1")));
  }

  static APIGatewayV2HTTPResponse call(FunctionInvoker invoker, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    invoker.handleRequest(new ByteArrayInputStream(event), out, null);
    return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class,
        ScfInvokerTest.class.getClassLoader()).fromJson(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void statusIsNotFlattenedTo200() throws IOException {
    assertThat(call(ours, "/x?status=404").getStatusCode()).isEqualTo(404);
    assertThat(call(ours, "/x?status=503").getStatusCode()).isEqualTo(503);
    assertThat(call(ours, "/x?status=304").getStatusCode()).isEqualTo(304);
  }

  @Test
  void onlyTheServiceHeadersAndARealContentType() throws IOException {
    APIGatewayV2HTTPResponse r = call(ours, "/x?status=404"
        + "&h=content-type:application/problem%2Bjson&h=x-maprule-ruleset:ab12&h=cache-control:no-store");
    assertThat(r.getHeaders()).containsExactly(
        java.util.Map.entry("content-type", "application/problem+json"),
        java.util.Map.entry("x-maprule-ruleset", "ab12"),
        java.util.Map.entry("cache-control", "no-store"));
  }

  @Test
  void bodyIsUnwrappedAndEchoedExactly() throws IOException {
    byte[] event = HttpEventCodec.functionUrlEvent(new HttpRequest("POST", "/p q",
        HttpRequest.parseQuery("a=1&a=2"), Headers.of("content-type", "application/json"),
        "{\"k\":\"日本\"}".getBytes(StandardCharsets.UTF_8), "192.0.2.1"));
    String body = call(ours, event).getBody();
    assertThat(body).isEqualTo("{\"method\":\"POST\",\"path\":\"/p q\",\"query\":{\"a\":[\"1\",\"2\"]},"
        + "\"headers\":{\"content-type\":[\"application/json\"]},\"peer\":\"192.0.2.1\",\"body\":\""
        + Base64.getEncoder().encodeToString("{\"k\":\"日本\"}".getBytes(StandardCharsets.UTF_8)) + "\"}");
  }

  @Test
  void binaryBodyArrivesBase64() throws IOException {
    byte[] bytes = {(byte) 0xff, 0, (byte) 0x80};
    APIGatewayV2HTTPResponse r = call(ours, "/x?b64=" + Base64.getUrlEncoder().encodeToString(bytes)
        .replace("-", "%2B").replace("_", "%2F"));
    assertThat(r.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(r.getBody())).isEqualTo(bytes);
  }

  @Test
  void headAndUnknownPathGoThroughUnchanged() throws IOException {
    byte[] head = HttpEventCodec.functionUrlEvent(new HttpRequest("HEAD", "/nowhere",
        HttpRequest.parseQuery("status=404&b64="), Headers.empty(), new byte[0], "2001:db8::1"));
    APIGatewayV2HTTPResponse r = call(ours, head);
    assertThat(r.getStatusCode()).isEqualTo(404);
    assertThat(r.getBody()).isEmpty();
  }

  /** The control shows each trap, so the assertions above are not vacuous. */
  @Test
  void controlMessageTypedFunctionHitsEveryTrap() throws IOException {
    APIGatewayV2HTTPResponse r = call(control, "/x?status=404&h=content-type:application/problem%2Bjson");
    assertThat(r.getStatusCode()).isEqualTo(200);                          // 404 flattened
    assertThat(r.getHeaders()).containsKeys("id", "timestamp", "contentType"); // internal headers leak
    assertThat(r.getHeaders()).doesNotContainEntry("content-type", "application/problem+json");
    assertThat(r.getBody()).startsWith("{\"statusCode\":404");              // our document, wrapped
  }
}
