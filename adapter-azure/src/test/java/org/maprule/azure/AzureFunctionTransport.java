package org.maprule.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;

/**
 * The Azure path in-process: a neutral request goes through what the App Service front end and
 * the Functions host do to it (front-end address headers, URL escaping, header and query maps as
 * the Java worker builds them: {@link WorkerHttpRequest}), into {@link MapruleFunction#run}, and
 * its answer back out the way the worker and host send it ({@link WorkerHttpResponse}: one value
 * per header name, no body on HEAD). For the contract suite and for parity checks against the
 * other transports.
 *
 * <p>The neutral request's {@code peerAddress} is the address the front end accepted the
 * connection from ({@link #FRONT_END_PEER} when null, as in the contract suite).
 *
 * <p>The host routes a request to the function only when its method is one the trigger lists
 * ({@code methods} of {@link HttpTrigger} on {@link MapruleFunction#run}, read here so the model
 * follows the annotation); any other method finds no route and the host answers 404 with an
 * empty body, without invoking the function.
 */
public final class AzureFunctionTransport implements AutoCloseable {
  /** The host name the simulated requests are addressed to. */
  public static final String HOST = "maprule-azure.azurewebsites.net";
  /** The peer the simulated front end reports when the request names none: never a customer. */
  public static final String FRONT_END_PEER = "192.0.2.10";
  /** The source port the simulated front end reports for every peer. */
  public static final int PEER_PORT = 50123;

  private static final Set<String> TRIGGER_METHODS = triggerMethods();

  private final MapruleFunction function;

  private AzureFunctionTransport(MapruleFunction function) {
    this.function = function;
  }

  /**
   * A transport over a function built as a function app instance would build it.
   *
   * @param config the deployment's configuration
   * @param rules the rule-set document
   * @param format its format
   * @return the transport
   */
  public static AzureFunctionTransport start(ServiceConfig config, byte[] rules,
      RuleSetFormat format) {
    return over(MapruleService.load(config, rules, format));
  }

  /**
   * A transport over the function as the Java worker constructs it (the public no-arg
   * constructor: the function app instance's service, built from the {@code MAPRULE_*}
   * environment on first use). For the first-request benchmark, which runs it in a fresh JVM.
   *
   * @return the transport
   * @throws IllegalStateException when the settings or the rules file are refused
   */
  public static AzureFunctionTransport overInstance() {
    return new AzureFunctionTransport(new MapruleFunction());
  }

  /**
   * A transport over a function answering with a given service.
   *
   * @param service the service
   * @return the transport
   */
  public static AzureFunctionTransport over(MapruleService service) {
    return new AzureFunctionTransport(new MapruleFunction(service));
  }

  /**
   * One request through the front end, the host, the worker and the function.
   *
   * @param request the client's request
   * @return the answer the client receives: status, headers (one value per name, as the worker
   *     sends them), body bytes
   */
  public HttpResponse exchange(HttpRequest request) {
    String peer = request.peerAddress() == null ? FRONT_END_PEER : request.peerAddress();
    if (!TRIGGER_METHODS.contains(request.method().toUpperCase(Locale.ROOT))) {
      return new HttpResponse(404, Headers.empty(), new byte[0]);
    }
    HttpResponseMessage answer = function.run(toPlatform(request, peer));
    return toClient(request.method(), (WorkerHttpResponse) answer);
  }

  /**
   * The worker's request for a client request: the App Service front end's address headers
   * ({@code client-ip} and {@code x-client-ip} overwritten, {@code ip:port} appended to
   * {@code x-forwarded-for}), then the host's URL, header and query conversion.
   *
   * @param request the client's request
   * @param peer the address the front end accepted the connection from
   * @return what the function receives
   */
  static WorkerHttpRequest toPlatform(HttpRequest request, String peer) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    String forwarded = null;
    for (Map.Entry<String, List<String>> field : request.headers().asMap().entrySet()) {
      String name = field.getKey();
      boolean frontEndOwned = name.equals("client-ip") || name.equals("x-client-ip")
          || name.equals("x-client-port");
      if (frontEndOwned) {
        continue;
      }
      if (name.equals("x-forwarded-for")) {
        forwarded = String.join(", ", field.getValue());
        continue;
      }
      field.getValue().forEach(v -> fields.add(new SimpleEntry<>(name, v)));
    }
    String hostPort = (peer.indexOf(':') >= 0 ? "[" + peer + "]" : peer) + ":" + PEER_PORT;
    fields.add(new SimpleEntry<>("x-forwarded-for",
        forwarded == null ? hostPort : forwarded + ", " + hostPort));
    fields.add(new SimpleEntry<>("client-ip", hostPort));
    fields.add(new SimpleEntry<>("x-client-ip", peer));
    fields.add(new SimpleEntry<>("x-client-port", Integer.toString(PEER_PORT)));
    StringBuilder url = new StringBuilder("https://").append(HOST)
        .append(escape(request.path(), false));
    String rawQuery = rawQuery(request.query());
    if (!rawQuery.isEmpty()) {
      url.append('?').append(rawQuery);
    }
    return WorkerHttpRequest.fromHost(request.method(), url.toString(), fields, request.body());
  }

  private static HttpResponse toClient(String method, WorkerHttpResponse answer) {
    Headers.Builder headers = Headers.builder();
    answer.headers().forEach(headers::add);
    Object body = answer.getBody();
    byte[] bytes = body instanceof byte[] && !method.equals("HEAD") ? (byte[]) body : new byte[0];
    return new HttpResponse(answer.getStatusCode(), headers.build(), bytes);
  }

  private static Set<String> triggerMethods() {
    try {
      HttpTrigger trigger = MapruleFunction.class.getMethod("run", HttpRequestMessage.class)
          .getParameters()[0].getAnnotation(HttpTrigger.class);
      HttpMethod[] methods = trigger.methods();
      return (methods.length == 0 ? Stream.of(HttpMethod.values()) : Stream.of(methods))
          .map(HttpMethod::name).collect(Collectors.toUnmodifiableSet());
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A query string a client could have sent for these decoded parameters. */
  static String rawQuery(Map<String, List<String>> query) {
    StringBuilder raw = new StringBuilder();
    query.forEach((name, values) -> values.forEach(value -> {
      if (raw.length() > 0) {
        raw.append('&');
      }
      raw.append(escape(name, true)).append('=').append(escape(value, true));
    }));
    return raw.toString();
  }

  /**
   * Percent-escapes (UTF-8) everything but RFC 3986 unreserved characters, sub-delimiters other
   * than those the query syntax gives meaning, {@code :} and {@code @}, and {@code /} (which a CE
   * sends raw in {@code ipv6Prefix=2001:db8::/56}).
   */
  private static String escape(String text, boolean queryComponent) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~:@/!$'()*,;".indexOf(c) >= 0 || (!queryComponent && "&=+".indexOf(c) >= 0);
      if (keep) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    // nothing held: the function is a plain object
  }
}
