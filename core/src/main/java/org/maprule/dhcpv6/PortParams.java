package org.maprule.dhcpv6;

/**
 * The fields of one {@code OPTION_S46_PORTPARAMS} (RFC 7598 §4.5), as numbers.
 *
 * <p>On the wire the PSID is LEFT-aligned in 16 bits: PSID 0x34 with PSID-len 8 is sent as
 * {@code 0x3400}; here it is the plain value 0x34.
 *
 * @param offset the PSID offset a, bits, 0..15
 * @param psidLength PSID-len k, bits, 0..16 with {@code offset + psidLength <= 16}; 0 means "no
 *     explicit PSID" (the PSID field is ignored, RFC 7598 §4.5)
 * @param psid the explicit PSID, 0..2^psidLength - 1 (0 when {@code psidLength} is 0)
 */
public record PortParams(int offset, int psidLength, int psid) {
  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException when a field is out of range
   */
  public PortParams {
    if (offset < 0 || offset > 15 || psidLength < 0 || psidLength > 16 || offset + psidLength > 16
        || psid < 0 || psid >= (1 << psidLength)) {
      throw new IllegalArgumentException(
          "bad port parameters offset " + offset + ", PSID-len " + psidLength + ", PSID " + psid);
    }
  }

  /**
   * Port parameters that carry only the offset (PSID-len 0, PSID 0): what a MAP-E rule sends,
   * since the CE takes its PSID from its EA bits (RFC 7597 §5.2).
   *
   * @param offset a, bits, 0..15
   * @return the parameters
   */
  public static PortParams offsetOnly(int offset) {
    return new PortParams(offset, 0, 0);
  }

  /** Whether an explicit PSID is carried (PSID-len > 0). */
  public boolean hasExplicitPsid() {
    return psidLength > 0;
  }

  /** The 16-bit PSID field as sent: the PSID left-aligned, zero padded. */
  public int psidField() {
    return psidLength == 0 ? 0 : (psid << (16 - psidLength)) & 0xFFFF;
  }
}
