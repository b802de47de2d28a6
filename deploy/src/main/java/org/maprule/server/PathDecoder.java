package org.maprule.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of a raw URI path (RFC 3986 §2.1): {@code %XX} escapes become bytes, read as
 * UTF-8; a malformed escape is kept literally, as {@link org.maprule.http.HttpRequest#parseQuery}
 * does for queries; {@code +} stays {@code +} (it means space only in queries).
 */
final class PathDecoder {
  private PathDecoder() {}

  /**
   * Decodes a raw path.
   *
   * @param raw the path as sent, for example {@code /a%20b}
   * @return the decoded path, for example {@code /a b}; invalid UTF-8 becomes U+FFFD
   */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    int plain = 0; // start of the run of characters not yet copied
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0
          && hex(raw.charAt(i + 2)) >= 0) {
        byte[] run = raw.substring(plain, i).getBytes(StandardCharsets.UTF_8);
        out.write(run, 0, run.length);
        out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
        plain = i + 1;
      }
    }
    byte[] run = raw.substring(plain).getBytes(StandardCharsets.UTF_8);
    out.write(run, 0, run.length);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return c < 128 ? Character.digit(c, 16) : -1;
  }
}
