package org.maprule.http;

import org.maprule.ErrorCode;

/**
 * What an HTTP/1.1 transport can tell core about a request it could not parse or will not read,
 * so that core writes the answer ({@link MapruleService#transportFault}) like every other: RFC
 * 9457 problem+json, {@code no-store}, {@code x-maprule-ruleset}. A transport sends that answer,
 * then closes the connection (RFC 9112 §9.6: after a framing error the rest of the stream cannot
 * be read as requests), except after {@link #CONNECTION_LIMIT}, where it closes too because it
 * does not serve the connection at all.
 *
 * <p>Each fault has a fixed status (from its {@link ErrorCode}), a fixed problem {@code field}
 * naming the part of the request at fault, and a fixed summary that starts the {@code detail};
 * the transport adds what it saw and the limit it applied.
 */
public enum TransportFault {
  /**
   * 400 {@link ErrorCode#MALFORMED_REQUEST}: not an HTTP/1.1 request message (RFC 9112 §2.2 line
   * ends, §3 request line, §5 field syntax, §6.3 framing: an invalid or conflicting
   * Content-Length, a Transfer-Encoding whose last coding is not chunked or sent by HTTP/1.0).
   */
  MALFORMED_REQUEST(ErrorCode.MALFORMED_REQUEST, "request", "the request is not valid HTTP/1.1"),
  /** 408 {@link ErrorCode#REQUEST_TIMEOUT}: the request was not complete in time (RFC 9110 §15.5.9). */
  REQUEST_TIMEOUT(ErrorCode.REQUEST_TIMEOUT, "request", "the request did not arrive in time"),
  /** 413 {@link ErrorCode#BODY_TOO_LARGE}: the body exceeds the server's limit (RFC 9110 §15.5.14). */
  BODY_TOO_LARGE(ErrorCode.BODY_TOO_LARGE, "body", "the request body is too large"),
  /** 414 {@link ErrorCode#REQUEST_LINE_TOO_LONG}: the request line exceeds the limit (RFC 9112 §3). */
  REQUEST_LINE_TOO_LONG(ErrorCode.REQUEST_LINE_TOO_LONG, "request-line",
      "the request line is too long"),
  /**
   * 431 {@link ErrorCode#HEADERS_TOO_LARGE}: the header section exceeds the size or count limit
   * (RFC 6585 §5).
   */
  HEADERS_TOO_LARGE(ErrorCode.HEADERS_TOO_LARGE, "headers",
      "the request header fields are too large"),
  /**
   * 501 {@link ErrorCode#TRANSFER_CODING_UNKNOWN}: a transfer coding other than chunked (RFC 9112
   * §6.1: "A server that receives a request message with a transfer coding it does not
   * understand SHOULD respond with 501").
   */
  TRANSFER_CODING_UNKNOWN(ErrorCode.TRANSFER_CODING_UNKNOWN, "transfer-encoding",
      "the request's transfer coding is not implemented"),
  /** 505 {@link ErrorCode#HTTP_VERSION_NOT_SUPPORTED}: a major version other than 1 (RFC 9110 §15.6.6). */
  HTTP_VERSION_NOT_SUPPORTED(ErrorCode.HTTP_VERSION_NOT_SUPPORTED, "version",
      "the HTTP version is not supported: this server speaks HTTP/1.1"),
  /** 503 {@link ErrorCode#CONNECTION_LIMIT}: the server already holds its maximum of connections. */
  CONNECTION_LIMIT(ErrorCode.CONNECTION_LIMIT, "connection",
      "the server is serving as many connections as it may");

  private final ErrorCode code;
  private final String field;
  private final String summary;

  TransportFault(ErrorCode code, String field, String summary) {
    this.code = code;
    this.field = field;
    this.summary = summary;
  }

  /** The stable error code of the answer. */
  public ErrorCode code() {
    return code;
  }

  /** The answer's status code: 400, 408, 413, 414, 431, 501, 503 or 505. */
  public int status() {
    return Responses.statusOf(code);
  }

  /**
   * The problem {@code field}: {@code request}, {@code body}, {@code request-line},
   * {@code headers}, {@code transfer-encoding}, {@code version} or {@code connection}.
   */
  public String field() {
    return field;
  }

  /** The start of the problem {@code detail}, for example {@code the request line is too long}. */
  public String summary() {
    return summary;
  }
}
