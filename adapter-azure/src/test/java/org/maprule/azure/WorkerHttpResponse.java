package org.maprule.azure;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The platform's response builder as the Java worker implements it ({@code RpcHttpDataTarget}):
 * status 200 until set, a {@link HashMap} of headers in which {@link #header} replaces an earlier
 * value of the same name (exactly as given: no case folding, one value per name, no order), and
 * the body object as given. The worker then copies the status, each header and the body (a
 * {@code byte[]} as bytes) to the host, which writes them to the client.
 */
final class WorkerHttpResponse implements HttpResponseMessage, HttpResponseMessage.Builder {
  private final Map<String, String> headers = new HashMap<>();
  private HttpStatusType status = HttpStatus.OK;
  private Object body;

  @Override
  public HttpResponseMessage.Builder status(HttpStatusType statusType) {
    this.status = statusType;
    return this;
  }

  @Override
  public HttpResponseMessage.Builder header(String key, String value) {
    headers.put(key, value);
    return this;
  }

  @Override
  public HttpResponseMessage.Builder body(Object newBody) {
    this.body = newBody;
    return this;
  }

  @Override
  public HttpResponseMessage build() {
    return this;
  }

  @Override
  public HttpStatusType getStatus() {
    return status;
  }

  @Override
  public int getStatusCode() {
    return status.value();
  }

  @Override
  public String getHeader(String key) {
    return headers.get(key);
  }

  @Override
  public Object getBody() {
    return body;
  }

  /** Every header the worker would send, as the worker holds them. */
  Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }
}
