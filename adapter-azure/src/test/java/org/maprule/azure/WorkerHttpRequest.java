package org.maprule.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.maprule.http.HttpRequest;

/**
 * The platform's {@link HttpRequestMessage} as the Java worker builds it for a
 * {@code HttpRequestMessage<Optional<byte[]>>} parameter with {@code dataType = "binary"}
 * ({@code RpcHttpRequestDataSource.HttpRequestMessageImpl}), from what the Functions host sends
 * ({@code GrpcMessageConversionExtensions.ToRpcHttp}):
 *
 * <ul>
 *   <li>{@link #getUri()} is {@code URI.create(url)} on every call, {@code url} being
 *       {@code scheme://host + escaped path + raw query} (so it throws for a raw query that
 *       {@link URI} rejects);
 *   <li>header names are lower-cased and the values of repeated fields joined by {@code ","}
 *       (ASP.NET {@code StringValues.ToString()}); empty values are dropped;
 *   <li>the query map holds one value per name, repeated values joined by {@code ","}, empty
 *       values dropped;
 *   <li>the body is absent without a {@code Content-Length}, else the bytes;
 *   <li>{@code createResponseBuilder} returns the worker's builder ({@link WorkerHttpResponse}).
 * </ul>
 */
final class WorkerHttpRequest implements HttpRequestMessage<Optional<byte[]>> {
  private final String url;
  private final String method;
  private final Map<String, String> headers;
  private final Map<String, String> query;
  private final Optional<byte[]> body;

  private WorkerHttpRequest(String url, String method, Map<String, String> headers,
      Map<String, String> query, Optional<byte[]> body) {
    this.url = url;
    this.method = method;
    this.headers = Collections.unmodifiableMap(headers);
    this.query = Collections.unmodifiableMap(query);
    this.body = body;
  }

  /**
   * The request the worker hands over for an HTTP request the host received.
   *
   * @param method the request method
   * @param url {@code scheme://host} + escaped path + optional {@code ?raw query}
   * @param headerFields the header fields in arrival order, names in any case
   * @param body the body bytes, empty for none
   * @return the request
   */
  static WorkerHttpRequest fromHost(String method, String url,
      List<Map.Entry<String, String>> headerFields, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : headerFields) {
      if (field.getValue().isEmpty()) {
        continue;
      }
      headers.merge(field.getKey().toLowerCase(Locale.ROOT), field.getValue(),
          (a, b) -> a + "," + b);
    }
    int q = url.indexOf('?');
    Map<String, String> query = new LinkedHashMap<>();
    HttpRequest.parseQuery(q < 0 ? "" : url.substring(q + 1)).forEach((name, values) -> {
      String joined = String.join(",", values);
      if (!joined.isEmpty()) {
        query.put(name, joined);
      }
    });
    return new WorkerHttpRequest(url, method, headers, query,
        body.length == 0 ? Optional.empty() : Optional.of(body.clone()));
  }

  /** The URL the host sent, as text. */
  String url() {
    return url;
  }

  @Override
  public URI getUri() {
    return URI.create(url);
  }

  @Override
  public HttpMethod getHttpMethod() {
    return HttpMethod.value(method);
  }

  @Override
  public Map<String, String> getHeaders() {
    return headers;
  }

  @Override
  public Map<String, String> getQueryParameters() {
    return query;
  }

  @Override
  public Optional<byte[]> getBody() {
    return body;
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new WorkerHttpResponse().status(Objects.requireNonNull(status));
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new WorkerHttpResponse().status(Objects.requireNonNull(status));
  }
}
