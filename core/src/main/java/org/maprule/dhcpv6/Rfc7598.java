package org.maprule.dhcpv6;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * RFC 7598 Softwire46 DHCPv6 options for MAP-E, byte-exact: a domain as one
 * {@code OPTION_S46_CONT_MAPE} (94) holding one {@code OPTION_S46_RULE} (89) per rule and an
 * {@code OPTION_S46_BR} (90), and the way back.
 *
 * <p>Every option is {@code option-code (2) | option-length (2) | data}, big-endian, the length
 * excluding the 4-byte header (RFC 8415 §21.1). A rule is {@code flags (1, bit 0x01 = F: FMR) |
 * ea-len (1) | prefix4-len (1) | ipv4-prefix (4) | prefix6-len (1) | ipv6-prefix (ceil(prefix6-len
 * / 8)) | sub-options}; {@code OPTION_S46_PORTPARAMS} (93) is {@code offset (1) | PSID-len (1) |
 * PSID (2, left-aligned)}.
 *
 * <p><b>When PORTPARAMS is sent.</b> The encoder puts an {@code OPTION_S46_PORTPARAMS} into every
 * rule, carrying the rule's PSID offset with PSID-len 0 and PSID 0. RFC 7598 §4.5 leaves the
 * offset's default to the softwire mechanism (RFC 7597 §5.1: 6), but CE implementations disagree
 * on it and every Japanese VNE states its offset (4 or 6) explicitly, so maprule never relies on a
 * default. The PSID itself is never sent: in MAP-E each CE takes it from its EA bits (RFC 7597
 * §5.2), and an explicit PSID in a shared rule would give every CE of the rule the same port set.
 *
 * <p><b>What the decoder rejects</b> (each a {@link MapruleException} with a stable code, the
 * field as {@code OPTION_S46_RULE[i].field} in RFC 7598's field names, and the value):
 * a first option other than 94 ({@link ErrorCode#DHCPV6_NOT_MAPE_CONTAINER}); headers or lengths
 * running past the data ({@link ErrorCode#DHCPV6_TRUNCATED}); lengths impossible for the option
 * ({@link ErrorCode#DHCPV6_BAD_LENGTH}); bytes after the container
 * ({@link ErrorCode#DHCPV6_TRAILING_BYTES}); a container without a rule or a BR (RFC 7598 §5.1:
 * {@link ErrorCode#DHCPV6_NO_RULE}, {@link ErrorCode#DHCPV6_NO_BR}); ea-len above 48
 * ({@link ErrorCode#EA_BITS_OUT_OF_RANGE}); prefix4-len above 32 or prefix6-len above 128
 * ({@link ErrorCode#INVALID_PREFIX}); bits set past prefix4-len or prefix6-len
 * ({@link ErrorCode#PREFIX_HOST_BITS_SET} — RFC 7598 §4.1 tells receivers to ignore them; maprule
 * is a checking tool and refuses what a correct sender never produces); an offset above 15, a
 * PSID-len above 16 or beyond 16 - offset, or PSID bits set past PSID-len
 * ({@link ErrorCode#PSID_OFFSET_OUT_OF_RANGE}, {@link ErrorCode#PSID_LENGTH_TOO_LONG},
 * {@link ErrorCode#PSID_EXCEEDS_PORT_BITS}, {@link ErrorCode#INVALID_VALUE}); an explicit PSID
 * (PSID-len > 0) in a rule whose EA bits already carry a PSID, o + r > 32
 * ({@link ErrorCode#DHCPV6_PSID_WITH_SHARED_ADDRESS}), or in a rule that gives each CE an IPv4
 * prefix, o + r < 32 (RFC 7598 §4.5: "MUST be discarded",
 * {@link ErrorCode#DHCPV6_PSID_WITHOUT_FULL_ADDRESS}); a second PORTPARAMS in one rule
 * ({@link ErrorCode#DHCPV6_DUPLICATE_OPTION}); and a known Softwire46 option where RFC 7598 §6
 * does not allow it — DMR, V4V6BIND, PORTPARAMS or a container directly in the container, a RULE
 * or BR inside a rule ({@link ErrorCode#DHCPV6_MISPLACED_OPTION}).
 *
 * <p><b>Unknown options are skipped</b>, in the container and in a rule, and their codes are
 * listed in {@link MapeContainer#skippedOptionCodes()}: RFC 7598 §5.1 expects further options to
 * be defined for a domain, and a CE ignores options it does not know (RFC 8415 §16). The reserved
 * flag bits of a rule are ignored for the same reason.
 */
public final class Rfc7598 {
  /** {@code OPTION_S46_RULE}. */
  public static final int OPTION_S46_RULE = 89;
  /** {@code OPTION_S46_BR}. */
  public static final int OPTION_S46_BR = 90;
  /** {@code OPTION_S46_DMR} (MAP-T only). */
  public static final int OPTION_S46_DMR = 91;
  /** {@code OPTION_S46_V4V6BIND} (lw4o6 only). */
  public static final int OPTION_S46_V4V6BIND = 92;
  /** {@code OPTION_S46_PORTPARAMS}. */
  public static final int OPTION_S46_PORTPARAMS = 93;
  /** {@code OPTION_S46_CONT_MAPE}. */
  public static final int OPTION_S46_CONT_MAPE = 94;
  /** {@code OPTION_S46_CONT_MAPT}. */
  public static final int OPTION_S46_CONT_MAPT = 95;
  /** {@code OPTION_S46_CONT_LW}. */
  public static final int OPTION_S46_CONT_LW = 96;
  /** RFC 7597 §5.1 default PSID offset, used when a rule carries no PORTPARAMS. */
  public static final int DEFAULT_PSID_OFFSET = 6;

  private static final int FLAG_F = 0x01;

  private Rfc7598() {}

  /**
   * The whole domain for a mesh CE: every rule as an FMR (F flag set; the CE picks its BMR by
   * longest match, RFC 7598 §4.1 Figure 2 note), in file order, then the BR.
   *
   * @param domain the domain
   * @return the OPTION_S46_CONT_MAPE bytes, header included
   * @throws MapruleException {@link ErrorCode#NO_RULES} for a domain without rules,
   *     {@link ErrorCode#BR_MISSING} without a BR, {@link ErrorCode#EA_BITS_OUT_OF_RANGE} or
   *     {@link ErrorCode#PSID_OFFSET_OUT_OF_RANGE} for a value the wire cannot carry,
   *     {@link ErrorCode#DHCPV6_OPTION_TOO_LONG} past 65535 bytes
   */
  public static byte[] encode(Domain domain) {
    checkDomain(domain);
    List<S46Rule> rules = new ArrayList<>();
    for (MapRule r : domain.rules()) {
      rules.add(s46Rule(r, true, "rules[" + rules.size() + "]"));
    }
    return encode(rules, List.of(domain.brIpv6Address()));
  }

  /**
   * One CE's BMR only (hub-and-spoke, or a CE that is sent just its own rule), then the BR.
   *
   * @param domain the BMR's domain (for the BR)
   * @param bmr the CE's BMR
   * @param fmr whether to set the F flag: true when the CE may also forward directly to other CEs
   *     of the same rule (mesh), false for a BMR that MUST NOT be used for forwarding
   * @return the OPTION_S46_CONT_MAPE bytes
   * @throws MapruleException as {@link #encode(Domain)}
   */
  public static byte[] encodeBmr(Domain domain, MapRule bmr, boolean fmr) {
    Objects.requireNonNull(bmr, "bmr");
    if (domain.brIpv6Address() == null) {
      throw brMissing(domain);
    }
    return encode(List.of(s46Rule(bmr, fmr, "bmr")), List.of(domain.brIpv6Address()));
  }

  /**
   * Any container: the given rules (each with its own F flag and PORTPARAMS, or none) in order,
   * then the BRs. For tests and operators who build unusual containers; the domain forms above
   * are what maprule serves.
   *
   * @param rules at least one rule
   * @param brs at least one BR
   * @return the OPTION_S46_CONT_MAPE bytes
   * @throws MapruleException {@link ErrorCode#DHCPV6_NO_RULE}, {@link ErrorCode#DHCPV6_NO_BR},
   *     {@link ErrorCode#EA_BITS_OUT_OF_RANGE}, {@link ErrorCode#DHCPV6_OPTION_TOO_LONG}
   */
  public static byte[] encode(List<S46Rule> rules, List<Ipv6Address> brs) {
    if (rules.isEmpty()) {
      throw new MapruleException(ErrorCode.DHCPV6_NO_RULE, "OPTION_S46_RULE", null,
          "an OPTION_S46_CONT_MAPE needs at least one OPTION_S46_RULE (RFC 7598 §5.1)");
    }
    if (brs.isEmpty()) {
      throw new MapruleException(ErrorCode.DHCPV6_NO_BR, "OPTION_S46_BR", null,
          "an OPTION_S46_CONT_MAPE needs at least one OPTION_S46_BR (RFC 7598 §5.1)");
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < rules.size(); i++) {
      writeOption(body, OPTION_S46_RULE, ruleData(rules.get(i), "OPTION_S46_RULE[" + i + "]"));
    }
    for (Ipv6Address br : brs) {
      writeOption(body, OPTION_S46_BR, br.toBytes());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeOption(out, OPTION_S46_CONT_MAPE, body.toByteArray());
    return out.toByteArray();
  }

  /**
   * Decodes exactly one OPTION_S46_CONT_MAPE, header included, with nothing after it.
   *
   * @param bytes the option bytes
   * @return the container
   * @throws MapruleException as listed in the class description
   */
  public static MapeContainer decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < 4) {
      throw new MapruleException(ErrorCode.DHCPV6_TRUNCATED, "OPTION_S46_CONT_MAPE", Hex.format(bytes),
          "the data has " + bytes.length + " byte(s): an option header needs 4");
    }
    int code = u16(bytes, 0);
    if (code != OPTION_S46_CONT_MAPE) {
      throw new MapruleException(ErrorCode.DHCPV6_NOT_MAPE_CONTAINER, "option-code", String.valueOf(code),
          "the first option has code " + code + ", not OPTION_S46_CONT_MAPE (94)");
    }
    int length = u16(bytes, 2);
    if (4 + length > bytes.length) {
      throw truncated("OPTION_S46_CONT_MAPE", length, bytes.length - 4);
    }
    if (4 + length < bytes.length) {
      int extra = bytes.length - 4 - length;
      throw new MapruleException(ErrorCode.DHCPV6_TRAILING_BYTES, "OPTION_S46_CONT_MAPE",
          String.valueOf(extra), extra + " byte(s) follow the OPTION_S46_CONT_MAPE of option-length "
              + length);
    }
    List<S46Rule> rules = new ArrayList<>();
    List<Ipv6Address> brs = new ArrayList<>();
    List<Integer> skipped = new ArrayList<>();
    int pos = 4;
    int end = 4 + length;
    while (pos < end) {
      String where = "OPTION_S46_CONT_MAPE.option[" + (rules.size() + brs.size() + skipped.size()) + "]";
      if (end - pos < 4) {
        throw new MapruleException(ErrorCode.DHCPV6_TRUNCATED, where, String.valueOf(end - pos),
            where + ": " + (end - pos) + " byte(s) left in the container, an option header needs 4");
      }
      int sub = u16(bytes, pos);
      int subLen = u16(bytes, pos + 2);
      if (pos + 4 + subLen > end) {
        throw truncated(where + " (code " + sub + ")", subLen, end - pos - 4);
      }
      int data = pos + 4;
      switch (sub) {
        case OPTION_S46_RULE -> rules.add(decodeRule(bytes, data, subLen, rules.size(), skipped));
        case OPTION_S46_BR -> {
          String f = "OPTION_S46_BR[" + brs.size() + "]";
          if (subLen != 16) {
            throw badLength(f, subLen, "16");
          }
          byte[] a = new byte[16];
          System.arraycopy(bytes, data, a, 0, 16);
          brs.add(Ipv6Address.fromBytes(a));
        }
        case OPTION_S46_DMR, OPTION_S46_V4V6BIND, OPTION_S46_PORTPARAMS, OPTION_S46_CONT_MAPE,
            OPTION_S46_CONT_MAPT, OPTION_S46_CONT_LW -> throw misplaced(where, sub, "an OPTION_S46_CONT_MAPE");
        default -> skipped.add(sub);
      }
      pos = data + subLen;
    }
    if (rules.isEmpty()) {
      throw new MapruleException(ErrorCode.DHCPV6_NO_RULE, "OPTION_S46_RULE", null,
          "the OPTION_S46_CONT_MAPE holds no OPTION_S46_RULE (RFC 7598 §5.1 requires at least one)");
    }
    if (brs.isEmpty()) {
      throw new MapruleException(ErrorCode.DHCPV6_NO_BR, "OPTION_S46_BR", null,
          "the OPTION_S46_CONT_MAPE holds no OPTION_S46_BR (RFC 7598 §5.1 requires at least one)");
    }
    return new MapeContainer(rules, brs, skipped);
  }

  // ---- encoding ----

  private static void checkDomain(Domain domain) {
    Objects.requireNonNull(domain, "domain");
    if (domain.rules().isEmpty()) {
      throw new MapruleException(ErrorCode.NO_RULES, "rules", null,
          "domain '" + domain.name() + "' has no rule to encode");
    }
    if (domain.brIpv6Address() == null) {
      throw brMissing(domain);
    }
  }

  private static MapruleException brMissing(Domain domain) {
    return new MapruleException(ErrorCode.BR_MISSING, "brIpv6Address", null,
        "domain '" + domain.name() + "' has no BR: OPTION_S46_CONT_MAPE requires an OPTION_S46_BR");
  }

  private static S46Rule s46Rule(MapRule r, boolean fmr, String field) {
    if (r.psidOffset() < 0 || r.psidOffset() > 15) {
      throw new MapruleException(ErrorCode.PSID_OFFSET_OUT_OF_RANGE, field + ".psidOffset",
          String.valueOf(r.psidOffset()), field + ".psidOffset " + r.psidOffset() + " is outside 0..15");
    }
    return new S46Rule(fmr, r, PortParams.offsetOnly(r.psidOffset()));
  }

  private static byte[] ruleData(S46Rule s, String field) {
    MapRule r = s.rule();
    if (r.eaBitLength() < 0 || r.eaBitLength() > 48) {
      throw new MapruleException(ErrorCode.EA_BITS_OUT_OF_RANGE, field + ".ea-len",
          String.valueOf(r.eaBitLength()), field + ".ea-len " + r.eaBitLength() + " is outside 0..48");
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(s.fmr() ? FLAG_F : 0);
    b.write(r.eaBitLength());
    b.write(r.ipv4Prefix().length());
    b.writeBytes(r.ipv4Prefix().address().toBytes());
    int n = r.ipv6Prefix().length();
    b.write(n);
    b.write(r.ipv6Prefix().address().toBytes(), 0, (n + 7) / 8);
    PortParams pp = s.portParams();
    if (pp != null) {
      int field16 = pp.psidField();
      writeOption(b, OPTION_S46_PORTPARAMS,
          new byte[] {(byte) pp.offset(), (byte) pp.psidLength(), (byte) (field16 >> 8), (byte) field16});
    }
    return b.toByteArray();
  }

  private static void writeOption(ByteArrayOutputStream out, int code, byte[] data) {
    if (data.length > 0xFFFF) {
      throw new MapruleException(ErrorCode.DHCPV6_OPTION_TOO_LONG, "option-length",
          String.valueOf(data.length), "option " + code + " would carry " + data.length
              + " bytes: option-length is at most 65535");
    }
    out.write(code >> 8);
    out.write(code);
    out.write(data.length >> 8);
    out.write(data.length);
    out.writeBytes(data);
  }

  // ---- decoding ----

  private static S46Rule decodeRule(byte[] b, int data, int len, int index, List<Integer> skipped) {
    String f = "OPTION_S46_RULE[" + index + "]";
    if (len < 8) {
      throw badLength(f, len, "at least 8 (flags, ea-len, prefix4-len, ipv4-prefix, prefix6-len)");
    }
    int flags = b[data] & 0xFF;
    int eaLen = b[data + 1] & 0xFF;
    int p4len = b[data + 2] & 0xFF;
    int v4 = (int) u32(b, data + 3);
    int p6len = b[data + 7] & 0xFF;
    if (eaLen > 48) {
      throw new MapruleException(ErrorCode.EA_BITS_OUT_OF_RANGE, f + ".ea-len", String.valueOf(eaLen),
          f + ".ea-len " + eaLen + " is outside 0..48 (RFC 7598 §4.1)");
    }
    if (p4len > 32) {
      throw new MapruleException(ErrorCode.INVALID_PREFIX, f + ".prefix4-len", String.valueOf(p4len),
          f + ".prefix4-len " + p4len + " is outside 0..32 (RFC 7598 §4.1)");
    }
    Ipv4Address v4addr = Ipv4Address.of(v4);
    if (!Ipv4Prefix.containing(v4addr, p4len).address().equals(v4addr)) {
      throw new MapruleException(ErrorCode.PREFIX_HOST_BITS_SET, f + ".ipv4-prefix", v4addr + "/" + p4len,
          f + ".ipv4-prefix " + v4addr + " has bits set past prefix4-len " + p4len);
    }
    if (p6len > 128) {
      throw new MapruleException(ErrorCode.INVALID_PREFIX, f + ".prefix6-len", String.valueOf(p6len),
          f + ".prefix6-len " + p6len + " is outside 0..128 (RFC 7598 §4.1)");
    }
    int p6bytes = (p6len + 7) / 8;
    if (len < 8 + p6bytes) {
      throw badLength(f, len, "at least " + (8 + p6bytes) + " for prefix6-len " + p6len);
    }
    byte[] a = new byte[16];
    System.arraycopy(b, data + 8, a, 0, p6bytes);
    Ipv6Address v6addr = Ipv6Address.fromBytes(a);
    if (!v6addr.masked(p6len).equals(v6addr)) {
      throw new MapruleException(ErrorCode.PREFIX_HOST_BITS_SET, f + ".ipv6-prefix", v6addr + "/" + p6len,
          f + ".ipv6-prefix " + v6addr + " has bits set past prefix6-len " + p6len);
    }
    PortParams pp = null;
    int pos = data + 8 + p6bytes;
    int end = data + len;
    int subIndex = 0;
    while (pos < end) {
      String where = f + ".option[" + subIndex + "]";
      if (end - pos < 4) {
        throw new MapruleException(ErrorCode.DHCPV6_TRUNCATED, where, String.valueOf(end - pos),
            where + ": " + (end - pos) + " byte(s) left in the rule, an option header needs 4");
      }
      int sub = u16(b, pos);
      int subLen = u16(b, pos + 2);
      if (pos + 4 + subLen > end) {
        throw truncated(where + " (code " + sub + ")", subLen, end - pos - 4);
      }
      switch (sub) {
        case OPTION_S46_PORTPARAMS -> {
          if (pp != null) {
            throw new MapruleException(ErrorCode.DHCPV6_DUPLICATE_OPTION, f + ".OPTION_S46_PORTPARAMS",
                "93", f + " holds a second OPTION_S46_PORTPARAMS: it is a singleton");
          }
          pp = decodePortParams(b, pos + 4, subLen, f + ".OPTION_S46_PORTPARAMS", eaLen, p4len);
        }
        case OPTION_S46_RULE, OPTION_S46_BR, OPTION_S46_DMR, OPTION_S46_V4V6BIND, OPTION_S46_CONT_MAPE,
            OPTION_S46_CONT_MAPT, OPTION_S46_CONT_LW -> throw misplaced(where, sub, "an OPTION_S46_RULE");
        default -> skipped.add(sub);
      }
      pos += 4 + subLen;
      subIndex++;
    }
    MapRule rule = new MapRule(Ipv6Prefix.of(v6addr, p6len), Ipv4Prefix.of(v4addr, p4len), eaLen,
        pp == null ? DEFAULT_PSID_OFFSET : pp.offset());
    return new S46Rule((flags & FLAG_F) != 0, rule, pp);
  }

  private static PortParams decodePortParams(byte[] b, int data, int len, String f, int eaLen, int p4len) {
    if (len != 4) {
      throw badLength(f, len, "4");
    }
    int offset = b[data] & 0xFF;
    int psidLen = b[data + 1] & 0xFF;
    int field = u16(b, data + 2);
    if (offset > 15) {
      throw new MapruleException(ErrorCode.PSID_OFFSET_OUT_OF_RANGE, f + ".offset", String.valueOf(offset),
          f + ".offset " + offset + " is outside 0..15 (RFC 7598 §4.5)");
    }
    if (psidLen > 16) {
      throw new MapruleException(ErrorCode.PSID_LENGTH_TOO_LONG, f + ".PSID-len", String.valueOf(psidLen),
          f + ".PSID-len " + psidLen + " is greater than 16");
    }
    if (offset + psidLen > 16) {
      throw new MapruleException(ErrorCode.PSID_EXCEEDS_PORT_BITS, f + ".PSID-len", String.valueOf(psidLen),
          f + ": offset " + offset + " + PSID-len " + psidLen + " exceeds the 16 port bits");
    }
    int padding = psidLen == 0 ? 0xFFFF : 0xFFFF >>> psidLen;
    if ((field & padding) != 0) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, f + ".PSID", String.format("0x%04x", field),
          f + ".PSID 0x" + String.format("%04x", field) + " has bits set past PSID-len " + psidLen
              + " (the PSID is left-aligned and zero padded, RFC 7598 §4.5)");
    }
    int psid = psidLen == 0 ? 0 : field >>> (16 - psidLen);
    if (psidLen > 0) {
      int k = eaLen - (32 - p4len);
      if (k > 0) {
        throw new MapruleException(ErrorCode.DHCPV6_PSID_WITH_SHARED_ADDRESS, f + ".PSID-len",
            String.valueOf(psidLen), f + " carries an explicit PSID " + psid + " (PSID-len " + psidLen
                + ") but the rule's EA bits already carry a " + k + "-bit PSID (ea-len " + eaLen
                + ", prefix4-len " + p4len + "): every CE of the rule would get the same port set");
      }
      if (k < 0) {
        throw new MapruleException(ErrorCode.DHCPV6_PSID_WITHOUT_FULL_ADDRESS, f + ".PSID-len",
            String.valueOf(psidLen), f + " carries an explicit PSID but the rule gives each CE an IPv4"
                + " prefix /" + (p4len + eaLen) + ", not a full address (RFC 7598 §4.5: discard it)");
      }
    }
    return new PortParams(offset, psidLen, psid);
  }

  private static MapruleException truncated(String where, int announced, int available) {
    return new MapruleException(ErrorCode.DHCPV6_TRUNCATED, where, String.valueOf(announced),
        where + " announces option-length " + announced + " but only " + Math.max(available, 0)
            + " byte(s) follow");
  }

  private static MapruleException badLength(String where, int length, String expected) {
    return new MapruleException(ErrorCode.DHCPV6_BAD_LENGTH, where + ".option-length",
        String.valueOf(length), where + " has option-length " + length + ": expected " + expected);
  }

  private static MapruleException misplaced(String where, int code, String container) {
    return new MapruleException(ErrorCode.DHCPV6_MISPLACED_OPTION, where, String.valueOf(code),
        where + ": option " + code + " is not allowed inside " + container + " (RFC 7598 §6)");
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static long u32(byte[] b, int i) {
    return ((long) u16(b, i) << 16) | u16(b, i + 2);
  }
}
