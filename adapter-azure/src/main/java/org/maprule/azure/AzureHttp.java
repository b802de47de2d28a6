package org.maprule.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;

/**
 * Translates between the Azure Functions Java worker's HTTP types and core's neutral ones, and
 * nothing else: every decision about the answer is core's.
 *
 * <p>What the platform hands over (Functions host {@code ToRpcHttp}, Java worker
 * {@code RpcHttpRequestDataSource}): the URL as {@code scheme://host + path + raw query}, header
 * names in lower case with repeated fields joined by commas, and a query map that keeps one
 * comma-joined value per name and drops empty values. So the query is re-read from the URL's raw
 * query with {@link HttpRequest#parseQuery}, exactly as the other transports decode theirs.
 */
public final class AzureHttp {

  /**
   * The header the App Service front end sets to the address of the peer it accepted the
   * connection from, as {@code ip:port} ({@code [ipv6]:port} for IPv6), overwriting any value a
   * client sent (docs/azure.md, "Client address").
   */
  public static final String FRONT_END_CLIENT_IP = "client-ip";
  /** The forwarding chain to which the front end appends that same {@code ip:port}. */
  public static final String FORWARDED_FOR = "x-forwarded-for";

  private AzureHttp() {}

  /**
   * The neutral request for a platform request.
   *
   * @param request the HTTP trigger's request, body as bytes ({@code dataType = "binary"})
   * @return method (upper case), decoded path ({@code /} when empty), query decoded from the raw
   *     query, every header, body bytes (empty when none), and the front end's client address as
   *     {@link HttpRequest#peerAddress()} (null when there is none)
   * @throws IllegalArgumentException when the worker cannot represent the request's URL as a
   *     {@link URI} (a malformed percent escape or a character such as <code>|</code> left raw):
   *     the invocation fails and the host answers 500 before core sees the request
   */
  public static HttpRequest toNeutral(HttpRequestMessage<Optional<byte[]>> request) {
    URI uri = request.getUri();
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    Map<String, String> platformHeaders = request.getHeaders();
    Headers.Builder headers = Headers.builder();
    platformHeaders.forEach(headers::add);
    Optional<byte[]> body = request.getBody();
    return new HttpRequest(
        request.getHttpMethod().name().toUpperCase(Locale.ROOT),
        path,
        HttpRequest.parseQuery(uri.getRawQuery()),
        headers.build(),
        body == null ? new byte[0] : body.orElse(new byte[0]),
        clientAddress(platformHeaders));
  }

  /**
   * The platform response for core's answer: the status, every header (a name with several
   * values gets them joined by {@code ", "}, RFC 9110 §5.3, because the worker keeps one value per
   * name), and the body bytes (none when empty, as for HEAD and 304).
   *
   * @param request the request being answered (its builder makes the response)
   * @param response core's answer
   * @return the response for the worker
   */
  public static HttpResponseMessage toPlatform(HttpRequestMessage<?> request, HttpResponse response) {
    HttpResponseMessage.Builder builder =
        request.createResponseBuilder(HttpStatusType.custom(response.status()));
    for (Map.Entry<String, List<String>> field : response.headers().asMap().entrySet()) {
      builder.header(field.getKey(), String.join(", ", field.getValue()));
    }
    if (response.body().length > 0) {
      builder.body(response.body());
    }
    return builder.build();
  }

  /**
   * The client address the App Service front end reports: {@value #FRONT_END_CLIENT_IP}, else the
   * last element of {@value #FORWARDED_FOR} (the one the front end appended), port and IPv6
   * brackets removed. Both are set by the platform, never taken from what a client put first; a
   * CDN in front is core's business ({@code ServiceConfig.clientAddressHeader}).
   *
   * @param headers the platform's headers (lower-case names)
   * @return the address text, for example {@code 192.0.2.1} or {@code 2001:db8::1}, or null when
   *     the request carries neither header (no front end: a local host run)
   */
  public static String clientAddress(Map<String, String> headers) {
    String direct = headers.get(FRONT_END_CLIENT_IP);
    if (direct != null && !direct.isBlank()) {
      return hostOf(direct);
    }
    String chain = headers.get(FORWARDED_FOR);
    if (chain != null && !chain.isBlank()) {
      return hostOf(chain.substring(chain.lastIndexOf(',') + 1));
    }
    return null;
  }

  /**
   * The address in one forwarded-address element: {@code ip}, {@code ip:port}, {@code [ipv6]},
   * {@code [ipv6]:port} or a bare IPv6 address (more than one colon: no port).
   *
   * @param element the element, surrounding blanks allowed
   * @return the address text without port or brackets, or null when blank; anything else is
   *     returned as found for core to judge
   */
  static String hostOf(String element) {
    String e = element.strip();
    if (e.isEmpty()) {
      return null;
    }
    if (e.startsWith("[")) {
      int close = e.indexOf(']');
      return close < 0 ? e : e.substring(1, close);
    }
    int colon = e.indexOf(':');
    if (colon >= 0 && colon == e.lastIndexOf(':')) {
      return e.substring(0, colon);
    }
    return e;
  }
}
