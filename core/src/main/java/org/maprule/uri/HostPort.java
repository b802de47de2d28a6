package org.maprule.uri;

import java.util.Objects;
import java.util.Optional;

/**
 * A host and optional port as written in {@code Host}-like and forwarded-address header values
 * (RFC 3986 §3.2.2-§3.2.3, RFC 9110 §7.2): {@code 192.0.2.1}, {@code 192.0.2.1:443},
 * {@code [2001:db8::1]}, {@code [2001:db8::1]:443}, or a bare IPv6 address
 * {@code 2001:db8::1} (more than one colon and no brackets). The host text is not checked here
 * (the caller parses it as an address and judges it).
 *
 * <p>One form is ambiguous: an unbracketed IPv6 address followed by {@code :port}, which
 * CloudFront's {@code CloudFront-Viewer-Address} always sends ({@code 2001:db8::1:46532}). Callers
 * that know their source always appends a port say so with {@code lastColonIsPort}; every other
 * caller gets the whole text as the host.
 *
 * @param host the host text without brackets or port, never empty
 * @param port the port 0..65535, or -1 when none was given
 */
public record HostPort(String host, int port) {

  /** Checks the host is present and the port in range. */
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
  }

  /**
   * Parses one element (blanks and tabs around it ignored).
   *
   * @param text the value, for example {@code [2001:db8::1]:443}
   * @param lastColonIsPort whether an unbracketed text with several colons ends in {@code :port}
   *     (CloudFront's viewer address) rather than being a bare IPv6 address
   * @return the host and port; empty when the text is blank, has an unclosed {@code [}, junk
   *     after {@code ]}, or a port that is not 1 to 5 ASCII digits in 0..65535
   */
  public static Optional<HostPort> parse(String text, boolean lastColonIsPort) {
    String v = strip(text);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.charAt(0) == '[') {
      int close = v.indexOf(']');
      if (close < 2) {
        return Optional.empty();
      }
      String rest = v.substring(close + 1);
      if (rest.isEmpty()) {
        return Optional.of(new HostPort(v.substring(1, close), -1));
      }
      int port = rest.charAt(0) == ':' ? port(rest.substring(1)) : -1;
      return port < 0 ? Optional.empty() : Optional.of(new HostPort(v.substring(1, close), port));
    }
    int first = v.indexOf(':');
    int last = v.lastIndexOf(':');
    if (first < 0) {
      return Optional.of(new HostPort(v, -1));
    }
    if (first == last || lastColonIsPort) {
      int port = port(v.substring(last + 1));
      return port < 0 || last == 0 ? Optional.empty()
          : Optional.of(new HostPort(v.substring(0, last), port));
    }
    return Optional.of(new HostPort(v, -1));
  }

  /** 1 to 5 ASCII digits, 0..65535, else -1. */
  private static int port(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return -1;
    }
    int p = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      p = p * 10 + (c - '0');
    }
    return p <= 65535 ? p : -1;
  }

  private static String strip(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return s.substring(b, e);
  }
}
