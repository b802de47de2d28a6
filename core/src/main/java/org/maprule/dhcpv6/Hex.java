package org.maprule.dhcpv6;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * Hexadecimal text for option bytes, as operators paste them from Kea logs, tshark or RFC
 * examples.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * Lower-case hex, two digits per byte, no separators: {@code 005e002d…}.
   *
   * @param bytes the bytes
   * @return the text, {@code 2 * bytes.length} characters
   */
  public static String format(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
    }
    return sb.toString();
  }

  /**
   * Reads hex digits (either case) into bytes. ASCII spaces, tabs, line breaks and the
   * separators {@code :} and {@code -} between digits are ignored, so {@code "005e 002d"},
   * {@code "00:5e:00:2d"} (tshark) and {@code "005e002d"} all give the same four bytes.
   *
   * @param text the hex text
   * @return the bytes
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} (field {@code hex}) when the text is
   *     null, holds any other character, or an odd number of digits
   */
  public static byte[] parse(CharSequence text) {
    if (text == null) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, "hex", null, "hex is missing");
    }
    byte[] out = new byte[text.length() / 2];
    int digits = 0;
    int high = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        v = c - 'A' + 10;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == '-') {
        continue;
      } else {
        throw new MapruleException(ErrorCode.INVALID_VALUE, "hex", text.toString(),
            "hex has the character '" + c + "' at index " + i + ": expected hex digits");
      }
      if ((digits & 1) == 0) {
        high = v;
      } else {
        out[digits >> 1] = (byte) ((high << 4) | v);
      }
      digits++;
    }
    if ((digits & 1) != 0) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, "hex", text.toString(),
          "hex has an odd number of digits (" + digits + "): every byte needs two");
    }
    byte[] exact = new byte[digits >> 1];
    System.arraycopy(out, 0, exact, 0, exact.length);
    return exact;
  }
}
