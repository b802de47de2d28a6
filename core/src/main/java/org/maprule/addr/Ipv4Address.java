package org.maprule.addr;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * An immutable IPv4 address (32 bits).
 *
 * <p>{@link #parse} is strict: exactly four decimal parts 0..255 separated by dots, ASCII digits
 * only, no leading zeros (so {@code 010.0.0.1} is rejected rather than read as octal or
 * decimal, RFC 6943 §3.1.1), no whitespace, no DNS lookup. {@link #toString()} gives the same
 * dotted-quad form, for example {@code 192.0.2.18} (RFC 5737 documentation address).
 */
public final class Ipv4Address implements Comparable<Ipv4Address> {
  private final int bits;

  private Ipv4Address(int bits) {
    this.bits = bits;
  }

  /**
   * The address whose 32 bits are {@code bits} (most significant bit first).
   *
   * @param bits the address as an unsigned 32-bit value held in an int
   * @return the address
   */
  public static Ipv4Address of(int bits) {
    return new Ipv4Address(bits);
  }

  /**
   * Parses a dotted-quad address such as {@code 192.0.2.1}.
   *
   * @param text the address text
   * @return the address
   * @throws MapruleException {@link ErrorCode#INVALID_IPV4_ADDRESS} (field {@code "ipv4"}) when
   *     the text is null or not strictly four decimal parts 0..255 without leading zeros
   */
  public static Ipv4Address parse(String text) {
    return parse(text, "ipv4");
  }

  /**
   * Parses like {@link #parse(String)}, naming {@code field} in the error.
   *
   * @param text the address text
   * @param field the field name to report on error
   * @return the address
   * @throws MapruleException {@link ErrorCode#INVALID_IPV4_ADDRESS} on malformed text
   */
  public static Ipv4Address parse(String text, String field) {
    String reason = null;
    int value = 0;
    if (text == null) {
      reason = "is missing";
    } else {
      int parts = 0;
      int i = 0;
      int n = text.length();
      while (reason == null) {
        int start = i;
        int part = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 4) {
          part = part * 10 + (text.charAt(i) - '0');
          i++;
        }
        int len = i - start;
        if (len == 0) {
          reason = "has an empty or non-decimal part";
        } else if (len > 3 || part > 255) {
          reason = "has a part greater than 255";
        } else if (len > 1 && text.charAt(start) == '0') {
          reason = "has a part with a leading zero";
        } else {
          value = (value << 8) | part;
          parts++;
          if (parts == 4) {
            if (i != n) {
              reason = "has characters after the fourth part";
            }
            break;
          }
          if (i >= n || text.charAt(i) != '.') {
            reason = i >= n ? "has fewer than four parts" : "has a character that is not a digit or dot";
          }
          i++;
        }
      }
    }
    if (reason != null) {
      throw new MapruleException(ErrorCode.INVALID_IPV4_ADDRESS, field, text,
          field + " '" + text + "' is not an IPv4 address: it " + reason);
    }
    return new Ipv4Address(value);
  }

  /** The 32 address bits, most significant first, as an int (use {@link #toLong()} for unsigned). */
  public int toInt() {
    return bits;
  }

  /** The 32 address bits as an unsigned value 0..2^32-1. */
  public long toLong() {
    return bits & 0xFFFF_FFFFL;
  }

  /** The four bytes in network order. */
  public byte[] toBytes() {
    return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
  }

  /** Dotted-quad text, for example {@code 192.0.2.18}. */
  @Override
  public String toString() {
    return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ipv4Address && ((Ipv4Address) o).bits == bits;
  }

  @Override
  public int hashCode() {
    return bits;
  }

  /** Orders by unsigned numeric value. */
  @Override
  public int compareTo(Ipv4Address o) {
    return Integer.compareUnsigned(bits, o.bits);
  }
}
