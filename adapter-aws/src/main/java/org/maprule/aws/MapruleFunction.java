package org.maprule.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;
import org.maprule.MapruleException;
import org.maprule.config.ServiceSettings;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;

/**
 * The function Spring Cloud Function invokes: the raw Lambda event in, the complete Lambda HTTP
 * response document out.
 *
 * <p>Why {@code Function<InputStream, byte[]>}: for an {@code InputStream} input, SCF 5.0.1's
 * {@code AWSLambdaUtils.generateMessage} hands the event stream over untouched (it neither parses
 * it nor marks the message as an API Gateway request), so {@code generateOutput} returns our
 * {@code byte[]} as the invocation result unchanged. Any other input type makes SCF recognise the
 * HTTP event and wrap whatever the function returns in its own envelope: status 200 for
 * everything, internal message headers ({@code id}, {@code timestamp}, {@code contentType}) as HTTP
 * headers, no real {@code content-type} (docs/design.md §7). The adapter's own tests and the
 * runtime-client contract suite prove the bytes that leave this function are what Lambda sends.
 *
 * <p>Thread-safe when the service is.
 */
public final class MapruleFunction implements Function<InputStream, byte[]> {
  private final Function<HttpRequest, HttpResponse> service;

  /**
   * A function answering with {@code service}.
   *
   * @param service core's request handler (normally {@link MapruleService#handle})
   */
  public MapruleFunction(Function<HttpRequest, HttpResponse> service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * The function for this Lambda's environment: settings from the {@code MAPRULE_*} variables,
   * the rule set read, validated and digested once now by core (an invalid set still gives a
   * function, answering 503 with the reason on {@code /health}).
   *
   * @param env the environment variables ({@code System::getenv} in production)
   * @param loader the class loader holding bundled rule files
   * @return the function
   * @throws MapruleException naming the variable and its value when a variable cannot be
   *     understood or the rules cannot be read ({@link AwsSettings}, {@link ServiceSettings})
   */
  public static MapruleFunction fromEnvironment(Function<String, String> env, ClassLoader loader) {
    MapruleService service = AwsSettings.read(env).service(loader);
    return new MapruleFunction(service::handle);
  }

  /**
   * Answers one Lambda HTTP event.
   *
   * @param event the event stream (read to its end, not closed)
   * @return the Lambda HTTP response document
   * @throws IllegalArgumentException when the event is not a payload 1.0/2.0 HTTP event
   * @throws UncheckedIOException when the stream cannot be read
   */
  @Override
  public byte[] apply(InputStream event) {
    try {
      return handle(event.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers one Lambda HTTP event given as bytes.
   *
   * @param event the event JSON
   * @return the Lambda HTTP response document, in the event's payload format
   * @throws IllegalArgumentException when the event is not a payload 1.0/2.0 HTTP event
   */
  public byte[] handle(byte[] event) {
    HttpEventCodec.Decoded decoded = HttpEventCodec.decode(event);
    return HttpEventCodec.encode(service.apply(decoded.request()), decoded.version());
  }
}
