package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * Status codes, header sets and problem+json answers shared by every endpoint (docs/design.md §5).
 *
 * <p>problem+json (RFC 9457): {@code type} is always {@value #PROBLEM_TYPE} and {@code title} the
 * status code's reason phrase, as RFC 9457 §4.2.1 asks for that type; the stable machine-readable
 * identity of the problem is the extension member {@code code} (an {@link ErrorCode} name), with
 * {@code field} and {@code value} naming what was wrong. No per-code type URI is minted: the
 * project owns no domain to host one, and a URN would only repeat {@code code}.
 */
final class Responses {
  /** Content type of every JSON answer. */
  static final String JSON = "application/json; charset=utf-8";
  /** Content type of the JSONP answer of {@code /{key}/get_rules}. */
  static final String JAVASCRIPT = "application/javascript; charset=utf-8";
  /** Content type of plain-text answers ({@code /calc?format=openwrt}). */
  static final String TEXT = "text/plain; charset=utf-8";
  /** Content type of every error answer. */
  static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
  /** Cache-Control of errors and {@code /health}. */
  static final String NO_STORE = "no-store";
  /** Cache-Control of answers tailored to the client address. */
  static final String PRIVATE_NO_STORE = "private, no-store";
  /** The header carrying the rule-set digest (or {@value #NO_RULE_SET}) on every answer. */
  static final String RULESET_HEADER = "x-maprule-ruleset";
  /** {@link #RULESET_HEADER} value when no valid rule set is loaded. */
  static final String NO_RULE_SET = "none";
  /** The problem {@code type} of every error. */
  static final String PROBLEM_TYPE = "about:blank";
  /** The {@code allow} value of a 405. */
  static final String ALLOW = "GET, HEAD";

  private Responses() {}

  /**
   * The status of an error code: 400 for malformed input, 403 for refused clients, 404 when
   * nothing matches, 405 for other methods, 409 when the CE's domain cannot be told through the
   * endpoint it called ({@link ErrorCode#INTERFACE_ID_FORMAT_NOT_CARRIED}: a well-formed request
   * from a customer, at odds with the domain's layout, resolved by calling another endpoint; RFC
   * 9110 §15.5.10), the RFC 9110 / RFC 6585 status of each {@link TransportFault} (408, 413, 414,
   * 431, 501, 505), 503 for anything that means the service cannot answer correctly (an invalid
   * rule set, an internal error, the connection limit, a code not expected from a client).
   */
  static int statusOf(ErrorCode code) {
    return switch (code) {
      case MISSING_PARAMETER, INVALID_PARAMETER, INVALID_PREFIX, INVALID_IPV6_ADDRESS,
          INVALID_IPV4_ADDRESS, PREFIX_HOST_BITS_SET, END_USER_PREFIX_TOO_SHORT,
          CLIENT_ADDRESS_UNKNOWN -> 400;
      case FORBIDDEN_CODE, NOT_A_CUSTOMER -> 403;
      case NOT_FOUND, NO_MATCHING_RULE, NO_OWNER -> 404;
      case METHOD_NOT_ALLOWED -> 405;
      case INTERFACE_ID_FORMAT_NOT_CARRIED -> 409;
      case MALFORMED_REQUEST -> 400;
      case REQUEST_TIMEOUT -> 408;
      case BODY_TOO_LARGE -> 413;
      case REQUEST_LINE_TOO_LONG -> 414;
      case HEADERS_TOO_LARGE -> 431;
      case TRANSFER_CODING_UNKNOWN -> 501;
      case HTTP_VERSION_NOT_SUPPORTED -> 505;
      default -> 503;
    };
  }

  /** The RFC 9110 §15 (RFC 6585 §5 for 431) reason phrase of the statuses this service answers. */
  static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 408 -> "Request Timeout";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> "Error";
    };
  }

  /** The problem answer for an exception, status from its code. */
  static HttpResponse problem(MapruleException e, String ruleSetHeader) {
    return problem(statusOf(e.code()), e.code(), e.getMessage(), e.field(), e.value(), ruleSetHeader);
  }

  /** A problem+json answer, {@code no-store}. */
  static HttpResponse problem(int status, ErrorCode code, String detail, String field, String value,
      String ruleSetHeader) {
    byte[] body = JsonBodies.problem(PROBLEM_TYPE, reasonPhrase(status), status, detail,
        code.name(), field, value);
    Headers.Builder h = Headers.builder()
        .add("content-type", PROBLEM_JSON)
        .add("cache-control", NO_STORE)
        .add(RULESET_HEADER, ruleSetHeader);
    if (status == 405) {
      h.add("allow", ALLOW);
    }
    return new HttpResponse(status, h.build(), body);
  }

  /** Headers of a JSON answer with the given cache-control and no entity-tag. */
  static Headers jsonHeaders(String cacheControl, String ruleSetHeader) {
    return Headers.of("content-type", JSON, "cache-control", cacheControl,
        RULESET_HEADER, ruleSetHeader);
  }

  /** Headers of a JSON answer shared by every client: public, max-age, strong entity-tag. */
  static Headers sharedHeaders(int maxAgeSeconds, String digest) {
    return sharedHeaders(JSON, maxAgeSeconds, digest);
  }

  /** Headers of an answer shared by every client, of the given content type. */
  static Headers sharedHeaders(String contentType, int maxAgeSeconds, String digest) {
    return Headers.of("content-type", contentType, "cache-control",
        "public, max-age=" + maxAgeSeconds, "etag", '"' + digest + '"', RULESET_HEADER, digest);
  }

  /**
   * Headers of a JSONP answer tailored to the client: {@code private, no-store}, and
   * {@code x-content-type-options: nosniff} so that a browser runs it only as the script it says
   * it is (Fetch standard, "X-Content-Type-Options").
   */
  static Headers javascriptHeaders(String ruleSetHeader) {
    return Headers.of("content-type", JAVASCRIPT, "cache-control", PRIVATE_NO_STORE,
        "x-content-type-options", "nosniff", RULESET_HEADER, ruleSetHeader);
  }
}
