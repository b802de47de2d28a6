package org.maprule.http;

import java.util.Objects;

/**
 * A provider-neutral HTTP response: the core decides status, every header and the body bytes;
 * transports copy them out unchanged (adding only what their protocol needs, such as
 * {@code Content-Length}).
 *
 * @param status the status code, 100..599
 * @param headers the header fields
 * @param body the body bytes (empty for HEAD and 304)
 */
public record HttpResponse(int status, Headers headers, byte[] body) {
  /** Checks non-null fields. */
  public HttpResponse {
    Objects.requireNonNull(headers, "headers");
    body = body == null ? new byte[0] : body;
  }
}
