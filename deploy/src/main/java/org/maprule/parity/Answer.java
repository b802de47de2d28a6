package org.maprule.parity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One side's answer to one request, as compared: the status, the compared headers and the body
 * bytes, or the reason there was no answer.
 *
 * @param status the HTTP status, 100..599; -1 when there was no answer
 * @param headers compared header name (lower case) to its value, several field lines joined
 *     with {@code ", "} (RFC 9110 §5.3); a header the answer lacks is absent (unmodifiable copy)
 * @param body the body bytes, empty for none (a copy is not made: do not change it)
 * @param error why there was no answer (for example {@code cannot connect}), or null when there
 *     was one
 */
public record Answer(int status, Map<String, String> headers, byte[] body, String error) {

  /** Copies the headers; a null body is empty. */
  public Answer {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? new byte[0] : body;
  }

  /**
   * An answer, keeping only the named headers.
   *
   * @param status the HTTP status
   * @param values every value of a header name (any case), empty when absent, for example
   *     {@code java.net.http.HttpHeaders::allValues}
   * @param body the body bytes
   * @param names the headers to keep, lower case, in the order to keep them
   * @return the answer
   */
  public static Answer of(int status, Function<String, List<String>> values, byte[] body,
      List<String> names) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : names) {
      List<String> v = values.apply(name);
      if (v != null && !v.isEmpty()) {
        kept.put(name, String.join(", ", v));
      }
    }
    return new Answer(status, kept, body, null);
  }

  /**
   * No answer.
   *
   * @param error why, for example {@code no answer within 10 s}
   * @return the non-answer: status -1, no headers, empty body
   */
  public static Answer none(String error) {
    return new Answer(-1, Map.of(), new byte[0], Objects.requireNonNull(error, "error"));
  }

  /**
   * Whether there was an answer.
   *
   * @return true unless {@link #error()} is set
   */
  public boolean answered() {
    return error == null;
  }
}
