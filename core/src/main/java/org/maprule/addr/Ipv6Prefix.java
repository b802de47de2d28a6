package org.maprule.addr;

import java.util.Objects;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * An immutable IPv6 prefix: an address and a length 0..128 bits with every bit past the length
 * zero. Text form {@code 2001:db8::/32} (RFC 4291 §2.3), address part in RFC 5952 form.
 */
public final class Ipv6Prefix implements Comparable<Ipv6Prefix> {
  private final Ipv6Address address;
  private final int length;

  private Ipv6Prefix(Ipv6Address address, int length) {
    this.address = address;
    this.length = length;
  }

  /**
   * The prefix of {@code length} bits at {@code address}.
   *
   * @param address the prefix address; bits past {@code length} must be zero
   * @param length prefix length in bits, 0..128
   * @return the prefix
   * @throws MapruleException {@link ErrorCode#INVALID_PREFIX} when the length is out of range,
   *     {@link ErrorCode#PREFIX_HOST_BITS_SET} when bits are set past the length
   */
  public static Ipv6Prefix of(Ipv6Address address, int length) {
    return of(address, length, "ipv6Prefix");
  }

  /**
   * As {@link #of(Ipv6Address, int)}, naming {@code field} in errors.
   *
   * @param address the prefix address
   * @param length prefix length in bits, 0..128
   * @param field the field name to report
   * @return the prefix
   * @throws MapruleException as {@link #of(Ipv6Address, int)}
   */
  public static Ipv6Prefix of(Ipv6Address address, int length, String field) {
    Objects.requireNonNull(address, "address");
    if (length < 0 || length > 128) {
      throw new MapruleException(ErrorCode.INVALID_PREFIX, field, address + "/" + length,
          field + " '" + address + "/" + length + "' has a length outside 0..128");
    }
    if (!address.masked(length).equals(address)) {
      throw new MapruleException(ErrorCode.PREFIX_HOST_BITS_SET, field, address + "/" + length,
          field + " '" + address + "/" + length + "' has bits set past its length " + length);
    }
    return new Ipv6Prefix(address, length);
  }

  /**
   * The prefix of {@code length} bits that contains {@code address}: bits past the length are
   * cleared, never an error. Used where a CE legitimately sends a longer address (for example the
   * OCN {@code ipv6Prefix} parameter, or a client address cut to its End-user prefix length).
   *
   * @param address any address
   * @param length prefix length in bits, 0..128
   * @return the enclosing prefix
   * @throws IllegalArgumentException when the length is outside 0..128
   */
  public static Ipv6Prefix containing(Ipv6Address address, int length) {
    return new Ipv6Prefix(address.masked(length), length);
  }

  /**
   * Parses {@code address/length} strictly: the address as {@link Ipv6Address#parse}, the length
   * 1 to 3 decimal digits without a leading zero, 0..128, no bits set past the length.
   *
   * @param text the prefix text
   * @return the prefix
   * @throws MapruleException {@link ErrorCode#INVALID_PREFIX}, {@link ErrorCode#INVALID_IPV6_ADDRESS}
   *     or {@link ErrorCode#PREFIX_HOST_BITS_SET}, field {@code "ipv6Prefix"}
   */
  public static Ipv6Prefix parse(String text) {
    return parse(text, "ipv6Prefix");
  }

  /**
   * As {@link #parse(String)}, naming {@code field} in errors.
   *
   * @param text the prefix text
   * @param field the field name to report
   * @return the prefix
   * @throws MapruleException as {@link #parse(String)}
   */
  public static Ipv6Prefix parse(String text, String field) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 0) {
      throw new MapruleException(ErrorCode.INVALID_PREFIX, field, text,
          field + " '" + text + "' is not a prefix: expected address/length");
    }
    int length = PrefixLengths.parse(text, slash + 1, 128, field);
    Ipv6Address address;
    try {
      address = Ipv6Address.parse(text.substring(0, slash), field);
    } catch (MapruleException e) {
      // keep the address parser's reason: its message is "<field> '<address>' is not an IPv6 address: <reason>"
      String head = field + " '" + text.substring(0, slash) + "' is not an IPv6 address: ";
      String reason = e.getMessage().startsWith(head) ? e.getMessage().substring(head.length()) : e.getMessage();
      throw new MapruleException(e.code(), field, text, field + " '" + text + "' is not a prefix: " + reason);
    }
    return of(address, length, field);
  }

  /** The prefix address (bits past the length are zero). */
  public Ipv6Address address() {
    return address;
  }

  /** The prefix length in bits, 0..128. */
  public int length() {
    return length;
  }

  /** Whether {@code a} lies inside this prefix. */
  public boolean contains(Ipv6Address a) {
    return a.masked(length).equals(address);
  }

  /** Whether every address of {@code p} lies inside this prefix. */
  public boolean contains(Ipv6Prefix p) {
    return p.length >= length && contains(p.address);
  }

  /** Whether the two prefixes share at least one address (one contains the other). */
  public boolean overlaps(Ipv6Prefix p) {
    return contains(p) || p.contains(this);
  }

  /**
   * This prefix cut to {@code newLength} bits.
   *
   * @param newLength 0..{@link #length()}
   * @return the shorter prefix that contains this one
   * @throws IllegalArgumentException when {@code newLength} is longer than this prefix or negative
   */
  public Ipv6Prefix truncate(int newLength) {
    if (newLength < 0 || newLength > length) {
      throw new IllegalArgumentException("cannot cut a /" + length + " to /" + newLength);
    }
    return containing(address, newLength);
  }

  /** Text form {@code 2001:db8::/32}. */
  @Override
  public String toString() {
    return address + "/" + length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ipv6Prefix && ((Ipv6Prefix) o).length == length
        && ((Ipv6Prefix) o).address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 31 + length;
  }

  /** Orders by address, then by length (shorter first). */
  @Override
  public int compareTo(Ipv6Prefix o) {
    int c = address.compareTo(o.address);
    return c != 0 ? c : Integer.compare(length, o.length);
  }
}
