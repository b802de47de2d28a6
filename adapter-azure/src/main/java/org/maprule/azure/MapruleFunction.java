package org.maprule.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.util.Objects;
import java.util.Optional;
import org.maprule.http.MapruleService;

/**
 * The maprule HTTP API on Azure Functions (docs/design.md §5): one HTTP trigger catching every path at
 * the site root ({@code route = "{*path}"} with host.json's {@code routePrefix} empty), GET and
 * HEAD, anonymous (core does the auth checks), handing each request to core's
 * {@link MapruleService} and its answer back unchanged.
 *
 * <p>The Java worker creates one instance of this class per invocation through the public
 * constructor; the service behind it is built once per instance of the function app
 * ({@link FunctionInstance}).
 */
public final class MapruleFunction {

  /** The function's name: its folder in the function app and its name in the host's logs. */
  public static final String NAME = "maprule";

  private final MapruleService service;

  /**
   * The worker's constructor: the function app instance's service, built on first use from the
   * app settings.
   *
   * @throws IllegalStateException when the app settings cannot be understood or the rules file
   *     cannot be read (logged once with the setting's name; every invocation then fails and the
   *     host answers 500, so the CDN turns to the other cloud)
   */
  public MapruleFunction() {
    this(FunctionInstance.service());
  }

  /**
   * A function over a given service (tests, other transports).
   *
   * @param service the service that answers
   */
  MapruleFunction(MapruleService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Answers one request.
   *
   * @param request the request, body as bytes
   * @return core's answer: status, every header, body bytes
   */
  @FunctionName(NAME)
  public HttpResponseMessage run(
      @HttpTrigger(
          name = "request",
          methods = {HttpMethod.GET, HttpMethod.HEAD},
          authLevel = AuthorizationLevel.ANONYMOUS,
          route = "{*path}",
          dataType = "binary")
      HttpRequestMessage<Optional<byte[]>> request) {
    return AzureHttp.toPlatform(request, service.handle(AzureHttp.toNeutral(request)));
  }
}
