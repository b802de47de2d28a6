package org.maprule.aws;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A functional application wired exactly like {@link MapruleLambdaApplication}, whose
 * {@link MapruleFunction} answers from a scripted echo service instead of core: proves what the
 * Lambda plumbing (runtime client, Spring Cloud Function's invoker, the codec) does to any
 * request and any response, independently of core's behaviour. Selected with
 * {@code MAIN_CLASS=org.maprule.aws.EchoServiceApplication}.
 *
 * <p>The echo service answers status {@code ?status=} (default 200), adds a header per
 * {@code ?h=name:value}, and sends {@code ?b64=} decoded as the body when present; otherwise the
 * body is a JSON description of the request it received: {@code method, path, query, headers,
 * peer, body} (the body Base64).
 */
public final class EchoServiceApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /** The echo service. */
  public static HttpResponse echo(HttpRequest request) {
    int status = Integer.parseInt(request.query().getOrDefault("status", List.of("200")).get(0));
    Headers.Builder headers = Headers.builder();
    for (String h : request.query().getOrDefault("h", List.of())) {
      int c = h.indexOf(':');
      headers.add(h.substring(0, c), h.substring(c + 1));
    }
    String b64 = request.queryFirst("b64");
    if (b64 != null) {
      return new HttpResponse(status, headers.build(), Base64.getDecoder().decode(b64));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonMapper.builder().build().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("method", request.method());
      g.writeStringProperty("path", request.path());
      g.writeName("query");
      writeMulti(g, request.query());
      g.writeName("headers");
      writeMulti(g, request.headers().asMap());
      g.writeStringProperty("peer", request.peerAddress());
      g.writeStringProperty("body", Base64.getEncoder().encodeToString(request.body()));
      g.writeEndObject();
    }
    if (!headers.build().contains("content-type")) {
      headers.add("content-type", "application/json");
    }
    return new HttpResponse(status, headers.build(), out.toByteArray());
  }

  private static void writeMulti(JsonGenerator g, Map<String, List<String>> map) {
    g.writeStartObject();
    for (Map.Entry<String, List<String>> e : map.entrySet()) {
      g.writeName(e.getKey());
      g.writeStartArray();
      e.getValue().forEach(g::writeString);
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  @Override
  public void initialize(GenericApplicationContext context) {
    MapruleFunction function = new MapruleFunction(EchoServiceApplication::echo);
    context.registerBean(MapruleLambdaApplication.FUNCTION_NAME, FunctionRegistration.class,
        () -> new FunctionRegistration<>(function, MapruleLambdaApplication.FUNCTION_NAME)
            .type(FunctionTypeUtils.functionType(InputStream.class, byte[].class)));
  }
}
