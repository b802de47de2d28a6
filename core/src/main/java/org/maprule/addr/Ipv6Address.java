package org.maprule.addr;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * An immutable IPv6 address (128 bits), held as two longs.
 *
 * <p>{@link #parse} accepts exactly the text forms of RFC 4291 §2.2: eight groups of 1 to 4
 * ASCII hex digits, at most one {@code ::}, optionally a dotted-quad IPv4 address as the last
 * 32 bits. It rejects zone ids ({@code %eth0}), brackets, whitespace, non-ASCII digits and
 * everything else, and it never converts an IPv4-mapped address into an IPv4 address (unlike
 * {@code java.net.InetAddress}); nothing here does a DNS lookup.
 *
 * <p>{@link #toString()} gives the RFC 5952 canonical form: lower-case hex, no leading zeros,
 * the longest run of two or more zero groups (the first on a tie) as {@code ::}, and the
 * dotted-quad tail for IPv4-mapped addresses ({@code ::ffff:192.0.2.1}, RFC 5952 §5). Example:
 * {@code 2001:db8:12:3400:0:c000:212:34}.
 *
 * <p>Bits are numbered 0 (most significant) to 127, as in prefix lengths.
 */
public final class Ipv6Address implements Comparable<Ipv6Address> {
  private final long high;
  private final long low;

  private Ipv6Address(long high, long low) {
    this.high = high;
    this.low = low;
  }

  /**
   * The address with the given 64-bit halves.
   *
   * @param high bits 0..63
   * @param low bits 64..127
   * @return the address
   */
  public static Ipv6Address of(long high, long low) {
    return new Ipv6Address(high, low);
  }

  /**
   * The address held in 16 bytes, network order.
   *
   * @param bytes exactly 16 bytes
   * @return the address
   * @throws IllegalArgumentException when {@code bytes} is not 16 long
   */
  public static Ipv6Address fromBytes(byte[] bytes) {
    if (bytes.length != 16) {
      throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + bytes.length);
    }
    long h = 0;
    long l = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (bytes[i] & 0xFF);
      l = (l << 8) | (bytes[i + 8] & 0xFF);
    }
    return new Ipv6Address(h, l);
  }

  /**
   * Parses RFC 4291 §2.2 text, for example {@code 2001:db8::1}.
   *
   * @param text the address text
   * @return the address
   * @throws MapruleException {@link ErrorCode#INVALID_IPV6_ADDRESS} with field {@code "ipv6"}
   */
  public static Ipv6Address parse(String text) {
    return parse(text, "ipv6");
  }

  /**
   * As {@link #parse(String)}, naming {@code field} in the error.
   *
   * @param text the address text
   * @param field the field name to report
   * @return the address
   * @throws MapruleException {@link ErrorCode#INVALID_IPV6_ADDRESS} when the text is null or not
   *     an RFC 4291 §2.2 address; the message says why
   */
  public static Ipv6Address parse(String text, String field) {
    int[] groups = new int[8];
    String reason = text == null ? "is missing" : parseGroups(text, groups);
    if (reason != null) {
      throw new MapruleException(ErrorCode.INVALID_IPV6_ADDRESS, field, text,
          field + " '" + text + "' is not an IPv6 address: it " + reason);
    }
    long h = 0;
    long l = 0;
    for (int i = 0; i < 4; i++) {
      h = (h << 16) | groups[i];
      l = (l << 16) | groups[i + 4];
    }
    return new Ipv6Address(h, l);
  }

  /** Fills groups; returns null on success or the reason the text is rejected. */
  private static String parseGroups(String text, int[] groups) {
    if (text.isEmpty()) {
      return "is empty";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        return "has a zone id";
      }
      if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
          || (c >= 'A' && c <= 'F'))) {
        return "has a character that is not a hex digit, ':' or '.'";
      }
    }
    int dbl = text.indexOf("::");
    if (dbl >= 0 && text.indexOf("::", dbl + 1) >= 0) {
      return "has more than one '::'";
    }
    String head = dbl < 0 ? text : text.substring(0, dbl);
    String tail = dbl < 0 ? "" : text.substring(dbl + 2);
    int[] headGroups = new int[9];
    int[] tailGroups = new int[9];
    int headCount;
    int tailCount;
    try {
      headCount = split(head, headGroups, dbl < 0);
      tailCount = split(tail, tailGroups, true);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (dbl < 0 && headCount != 8) {
      return headCount < 8 ? "has fewer than eight groups" : "has more than eight groups";
    }
    if (dbl >= 0 && headCount + tailCount > 7) {
      return "has too many groups for '::'";
    }
    System.arraycopy(headGroups, 0, groups, 0, headCount);
    System.arraycopy(tailGroups, 0, groups, 8 - tailCount, tailCount);
    return null;
  }

  /** Splits a ':'-separated run of groups; the last may be a dotted quad when allowed. */
  private static int split(String s, int[] out, boolean ipv4TailAllowed) {
    if (s.isEmpty()) {
      return 0;
    }
    String[] parts = s.split(":", -1);
    if (parts.length > 8) {
      throw new IllegalArgumentException("has more than eight groups");
    }
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        throw new IllegalArgumentException("has an empty group (a lone ':' at the start, end or middle)");
      }
      if (p.indexOf('.') >= 0) {
        if (!ipv4TailAllowed || i != parts.length - 1) {
          throw new IllegalArgumentException("has a dotted IPv4 part that is not the last 32 bits");
        }
        int v4;
        try {
          v4 = Ipv4Address.parse(p).toInt();
        } catch (MapruleException e) {
          throw new IllegalArgumentException("has a malformed dotted IPv4 part '" + p + "'");
        }
        out[count++] = v4 >>> 16;
        out[count++] = v4 & 0xFFFF;
        continue;
      }
      if (p.length() > 4) {
        throw new IllegalArgumentException("has a group of more than four hex digits");
      }
      out[count++] = Integer.parseInt(p, 16);
    }
    return count;
  }

  /** Bits 0..63. */
  public long high() {
    return high;
  }

  /** Bits 64..127. */
  public long low() {
    return low;
  }

  /** The 16 bytes in network order. */
  public byte[] toBytes() {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (high >>> (56 - 8 * i));
      b[i + 8] = (byte) (low >>> (56 - 8 * i));
    }
    return b;
  }

  /**
   * The {@code count} bits starting at bit {@code from} (0 = most significant), right-aligned.
   *
   * @param from first bit, 0..128
   * @param count number of bits, 0..64, with {@code from + count <= 128}
   * @return the bits as an unsigned value
   * @throws IllegalArgumentException when the range is outside the address
   */
  public long bits(int from, int count) {
    checkRange(from, count);
    if (count == 0) {
      return 0;
    }
    // shift the 128-bit value left by `from`, then take the top `count` bits
    long top;
    if (from == 0) {
      top = high;
    } else if (from < 64) {
      top = (high << from) | (low >>> (64 - from));
    } else {
      top = low << (from - 64);
    }
    return top >>> (64 - count);
  }

  /**
   * This address with bits {@code from .. from+count-1} replaced by the low {@code count} bits of
   * {@code value}.
   *
   * @param from first bit, 0..128
   * @param count number of bits, 0..64, with {@code from + count <= 128}
   * @param value the new bits, right-aligned; higher bits are ignored
   * @return the new address
   * @throws IllegalArgumentException when the range is outside the address
   */
  public Ipv6Address withBits(int from, int count, long value) {
    checkRange(from, count);
    if (count == 0) {
      return this;
    }
    long v = count == 64 ? value : value & ((1L << count) - 1);
    long h = high;
    long l = low;
    // bit i of the 128-bit number, counted from the most significant
    for (int i = 0; i < count; i++) {
      int bit = from + i;
      boolean set = ((v >>> (count - 1 - i)) & 1) != 0;
      if (bit < 64) {
        long m = 1L << (63 - bit);
        h = set ? h | m : h & ~m;
      } else {
        long m = 1L << (127 - bit);
        l = set ? l | m : l & ~m;
      }
    }
    return new Ipv6Address(h, l);
  }

  /**
   * This address with every bit at position {@code length} and after cleared.
   *
   * @param length number of leading bits kept, 0..128
   * @return the masked address
   * @throws IllegalArgumentException when length is outside 0..128
   */
  public Ipv6Address masked(int length) {
    if (length < 0 || length > 128) {
      throw new IllegalArgumentException("length " + length + " outside 0..128");
    }
    long h = length >= 64 ? high : (length == 0 ? 0 : high & (-1L << (64 - length)));
    long l = length <= 64 ? 0 : (length == 128 ? low : low & (-1L << (128 - length)));
    return new Ipv6Address(h, l);
  }

  /** Whether the address is in 2000::/3, the global unicast space of RFC 4291 §2.4 / IANA. */
  public boolean isGlobalUnicast() {
    return (high >>> 61) == 1;
  }

  private static void checkRange(int from, int count) {
    if (from < 0 || count < 0 || count > 64 || from + count > 128) {
      throw new IllegalArgumentException("bit range " + from + "+" + count + " outside 0..128");
    }
  }

  /** RFC 5952 canonical text, for example {@code 2001:db8::1}. */
  @Override
  public String toString() {
    int[] g = new int[8];
    for (int i = 0; i < 4; i++) {
      g[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
      g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
    }
    if (high == 0 && (low >>> 32) == 0xFFFFL) {
      return "::ffff:" + Ipv4Address.of((int) low);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ipv6Address && ((Ipv6Address) o).high == high && ((Ipv6Address) o).low == low;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + Long.hashCode(low);
  }

  /** Orders by unsigned numeric value. */
  @Override
  public int compareTo(Ipv6Address o) {
    int c = Long.compareUnsigned(high, o.high);
    return c != 0 ? c : Long.compareUnsigned(low, o.low);
  }
}
