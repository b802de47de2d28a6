package org.maprule.server;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.InvalidLineSeparatorException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maprule.http.TransportFault;

/**
 * Which {@link TransportFault}, if any, a decoded request head is (RFC 9112): the transport's
 * only judgement about a request, made before core sees it and only about framing — whether
 * the message can be read at all. Every other decision is core's.
 */
final class RequestChecks {
  private RequestChecks() {}

  /**
   * A fault to answer: what is wrong, the client's offending text (or null) and what the
   * transport saw, in plain words.
   */
  record Fault(TransportFault fault, String value, String reason) {}

  /**
   * The fault of a request head, or null when it can be read: a decoding failure (over-long
   * request line: 414; over-large header section: 431; a bare LF, a malformed line or field:
   * 400), then, in this order, an HTTP version other than 1.x (505), more than
   * {@code maxHeaders} field lines (431), a {@code Transfer-Encoding} that is not exactly
   * {@code chunked} last (501 for an unknown coding, 400 otherwise; RFC 9112 §6.1, §6.3), an
   * invalid {@code Content-Length} (400) or one above {@code maxBodyBytes} (413).
   *
   * @param head the decoded head; its {@link DecoderResult} may be a failure
   * @param limits the bounds
   * @return the fault, or null
   */
  static Fault check(HttpRequest head, ServerLimits limits) {
    DecoderResult result = head.decoderResult();
    if (result.isFailure()) {
      Throwable cause = result.cause();
      if (cause instanceof TooLongHttpLineException) {
        return new Fault(TransportFault.REQUEST_LINE_TOO_LONG, null,
            "longer than " + limits.maxRequestLineBytes() + " bytes");
      }
      if (cause instanceof TooLongHttpHeaderException) {
        return new Fault(TransportFault.HEADERS_TOO_LARGE, null,
            "the header section is larger than " + limits.maxHeaderBytes() + " bytes");
      }
      if (cause instanceof InvalidLineSeparatorException) {
        return new Fault(TransportFault.MALFORMED_REQUEST, null,
            "a line ends in LF without CR; HTTP/1.1 lines end in CRLF (RFC 9112 §2.2)");
      }
      if (cause instanceof PrematureChannelClosureException) {
        return closedEarly();
      }
    }
    // a failure after the fields were read still has them: framing faults are named precisely
    Fault framing = framing(head, limits);
    if (framing != null) {
      return framing;
    }
    if (result.isFailure()) {
      return new Fault(TransportFault.MALFORMED_REQUEST, null, "the request line or a header "
          + "field line is malformed (RFC 9112 §3: METHOD SP target SP HTTP/1.1; §5: "
          + "token \":\" value, no space before the colon, no control characters)");
    }
    if (head.headers().size() > limits.maxHeaders()) {
      return new Fault(TransportFault.HEADERS_TOO_LARGE, null,
          "more than " + limits.maxHeaders() + " header fields");
    }
    return null;
  }

  /** Version, Transfer-Encoding and Content-Length faults, or null. */
  private static Fault framing(HttpRequest head, ServerLimits limits) {
    HttpVersion v = head.protocolVersion();
    if (!v.protocolName().equals("HTTP")) {
      return new Fault(TransportFault.MALFORMED_REQUEST, v.text(),
          "the protocol is not HTTP (RFC 9112 §2.3)");
    }
    if (v.majorVersion() != 1) {
      return new Fault(TransportFault.HTTP_VERSION_NOT_SUPPORTED, v.text(), null);
    }
    HttpHeaders h = head.headers();
    List<String> te = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (!te.isEmpty()) {
      if (v.minorVersion() == 0) {
        return new Fault(TransportFault.MALFORMED_REQUEST, String.join(", ", te),
            "an HTTP/1.0 request cannot have Transfer-Encoding (RFC 9112 §6.1)");
      }
      List<String> codings = codings(te);
      for (String c : codings) {
        if (!c.equals("chunked")) {
          return new Fault(TransportFault.TRANSFER_CODING_UNKNOWN, c,
              "only chunked is implemented");
        }
      }
      if (codings.size() != 1) {
        return new Fault(TransportFault.MALFORMED_REQUEST, String.join(", ", te),
            "chunked must be the one and last transfer coding (RFC 9112 §6.3, §7)");
      }
      if (h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
        return new Fault(TransportFault.MALFORMED_REQUEST, null,
            "Transfer-Encoding and Content-Length together (RFC 9112 §6.1)");
      }
    }
    List<String> cl = h.getAll(HttpHeaderNames.CONTENT_LENGTH);
    if (!cl.isEmpty()) {
      String value = String.join(", ", cl);
      if (cl.size() != 1 || !isDecimal(cl.get(0).strip())) {
        return new Fault(TransportFault.MALFORMED_REQUEST, value,
            "Content-Length must be one decimal number (RFC 9110 §8.6)");
      }
      String digits = cl.get(0).strip();
      if (digits.length() > 18 || Long.parseLong(digits) > limits.maxBodyBytes()) {
        return bodyTooLarge(limits);
      }
    }
    return null;
  }

  /** 413: the body is larger than {@link ServerLimits#maxBodyBytes()}. */
  static Fault bodyTooLarge(ServerLimits limits) {
    return new Fault(TransportFault.BODY_TOO_LARGE, null,
        "larger than " + limits.maxBodyBytes() + " bytes");
  }

  /** 408: the request did not arrive whole within {@link ServerLimits#headerTimeout()}. */
  static Fault timeout(ServerLimits limits) {
    return new Fault(TransportFault.REQUEST_TIMEOUT, null,
        "not complete within " + seconds(limits.headerTimeout().toMillis()));
  }

  /** 400: the client shut its sending side down in the middle of a request. */
  static Fault closedEarly() {
    return new Fault(TransportFault.MALFORMED_REQUEST, null,
        "the client closed its side before the request was complete");
  }

  /** 400: a chunk size or chunk delimiter is malformed. */
  static Fault malformedChunk() {
    return new Fault(TransportFault.MALFORMED_REQUEST, null,
        "the chunked body is malformed (RFC 9112 §7.1)");
  }

  /** 503: the connection is beyond {@link ServerLimits#maxConnections()}. */
  static Fault connectionLimit(ServerLimits limits) {
    return new Fault(TransportFault.CONNECTION_LIMIT, null,
        limits.maxConnections() + " at once; try again later");
  }

  /** {@code 10 s}, {@code 1.5 s}, {@code 250 ms}. */
  static String seconds(long millis) {
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return millis >= 1000 ? millis / 1000.0 + " s" : millis + " ms";
  }

  /**
   * The transfer codings of every field line, lower case, empty list items dropped (RFC 9110
   * §5.6.1); parameters are kept, so {@code chunked;x=1} is no {@code chunked} (the decoder would
   * not frame it as chunked either).
   */
  static List<String> codings(List<String> fieldValues) {
    List<String> out = new ArrayList<>();
    for (String line : fieldValues) {
      for (String item : line.split(",", -1)) {
        String c = item.strip().toLowerCase(Locale.ROOT);
        if (!c.isEmpty()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static boolean isDecimal(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
