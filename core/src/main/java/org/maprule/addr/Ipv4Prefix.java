package org.maprule.addr;

import java.util.Objects;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * An immutable IPv4 prefix: a network address and a length 0..32 bits, with every bit past the
 * length zero. Text form {@code 192.0.2.0/24} (RFC 4632 §3.1).
 */
public final class Ipv4Prefix implements Comparable<Ipv4Prefix> {
  private final Ipv4Address address;
  private final int length;

  private Ipv4Prefix(Ipv4Address address, int length) {
    this.address = address;
    this.length = length;
  }

  /**
   * The prefix of {@code length} bits at {@code address}.
   *
   * @param address the network address; bits past {@code length} must be zero
   * @param length prefix length in bits, 0..32
   * @return the prefix
   * @throws MapruleException {@link ErrorCode#INVALID_PREFIX} when the length is out of range,
   *     {@link ErrorCode#PREFIX_HOST_BITS_SET} when the address has bits set past the length
   */
  public static Ipv4Prefix of(Ipv4Address address, int length) {
    return of(address, length, "ipv4Prefix");
  }

  /**
   * As {@link #of(Ipv4Address, int)}, naming {@code field} in errors.
   *
   * @param address the network address
   * @param length prefix length in bits, 0..32
   * @param field the field name to report
   * @return the prefix
   * @throws MapruleException as {@link #of(Ipv4Address, int)}
   */
  public static Ipv4Prefix of(Ipv4Address address, int length, String field) {
    Objects.requireNonNull(address, "address");
    if (length < 0 || length > 32) {
      throw new MapruleException(ErrorCode.INVALID_PREFIX, field, address + "/" + length,
          field + " '" + address + "/" + length + "' has a length outside 0..32");
    }
    if ((address.toInt() & ~mask(length)) != 0) {
      throw new MapruleException(ErrorCode.PREFIX_HOST_BITS_SET, field, address + "/" + length,
          field + " '" + address + "/" + length + "' has bits set past its length " + length);
    }
    return new Ipv4Prefix(address, length);
  }

  /**
   * The prefix of {@code length} bits containing {@code address}, with the bits past the length
   * cleared (never fails on host bits).
   *
   * @param address any address
   * @param length prefix length in bits, 0..32
   * @return the enclosing prefix
   * @throws IllegalArgumentException when the length is outside 0..32
   */
  public static Ipv4Prefix containing(Ipv4Address address, int length) {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("length " + length + " outside 0..32");
    }
    return new Ipv4Prefix(Ipv4Address.of(address.toInt() & mask(length)), length);
  }

  /**
   * Parses {@code a.b.c.d/len} strictly (see {@link Ipv4Address#parse}); the length is 1 to 2
   * decimal digits without a leading zero, 0..32; no bits may be set past the length.
   *
   * @param text the prefix text
   * @return the prefix
   * @throws MapruleException {@link ErrorCode#INVALID_PREFIX}, {@link ErrorCode#INVALID_IPV4_ADDRESS}
   *     or {@link ErrorCode#PREFIX_HOST_BITS_SET}, with field {@code "ipv4Prefix"}
   */
  public static Ipv4Prefix parse(String text) {
    return parse(text, "ipv4Prefix");
  }

  /**
   * As {@link #parse(String)}, naming {@code field} in errors.
   *
   * @param text the prefix text
   * @param field the field name to report
   * @return the prefix
   * @throws MapruleException as {@link #parse(String)}
   */
  public static Ipv4Prefix parse(String text, String field) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 0) {
      throw new MapruleException(ErrorCode.INVALID_PREFIX, field, text,
          field + " '" + text + "' is not a prefix: expected address/length");
    }
    int length = PrefixLengths.parse(text, slash + 1, 32, field);
    Ipv4Address address;
    try {
      address = Ipv4Address.parse(text.substring(0, slash), field);
    } catch (MapruleException e) {
      // keep the address parser's reason: its message is "<field> '<address>' is not an IPv4 address: <reason>"
      String head = field + " '" + text.substring(0, slash) + "' is not an IPv4 address: ";
      String reason = e.getMessage().startsWith(head) ? e.getMessage().substring(head.length()) : e.getMessage();
      throw new MapruleException(e.code(), field, text, field + " '" + text + "' is not a prefix: " + reason);
    }
    return of(address, length, field);
  }

  /** The network address (bits past the length are zero). */
  public Ipv4Address address() {
    return address;
  }

  /** The prefix length in bits, 0..32. */
  public int length() {
    return length;
  }

  /** The number of addresses covered, 2^(32 - length). */
  public long size() {
    return 1L << (32 - length);
  }

  /** The last address covered. */
  public Ipv4Address last() {
    return Ipv4Address.of(address.toInt() | ~mask(length));
  }

  /** Whether {@code a} lies inside this prefix. */
  public boolean contains(Ipv4Address a) {
    return (a.toInt() & mask(length)) == address.toInt();
  }

  /** Whether every address of {@code p} lies inside this prefix. */
  public boolean contains(Ipv4Prefix p) {
    return p.length >= length && contains(p.address);
  }

  /** Whether the two prefixes share at least one address (one contains the other). */
  public boolean overlaps(Ipv4Prefix p) {
    return contains(p) || p.contains(this);
  }

  /** The netmask of a prefix length 0..32 as an int, for example 24 gives 0xFFFFFF00. */
  static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  /** Text form {@code 192.0.2.0/24}. */
  @Override
  public String toString() {
    return address + "/" + length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ipv4Prefix && ((Ipv4Prefix) o).length == length
        && ((Ipv4Prefix) o).address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 31 + length;
  }

  /** Orders by address, then by length (shorter first). */
  @Override
  public int compareTo(Ipv4Prefix o) {
    int c = address.compareTo(o.address);
    return c != 0 ? c : Integer.compare(length, o.length);
  }
}
