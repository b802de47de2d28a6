package org.maprule.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JPNE v6プラス {@code get_rules} answer (DOMAIN.md §6.3): a JSONP body
 * {@code CALLBACK({"dmr":"<BR>","id":"<rule-set id>","ipv6_fixlen":56,"fmr":[{"ipv6":"240b:10::/32",
 * "ipv4":"106.72.0.0/16","psid_offset":4,"ea_length":24},…]})}, byte-exact: UTF-8, this field
 * order, numbers as JSON numbers, no whitespace, no trailing semicolon or newline.
 *
 * <p>The callback name comes from the client, so it is the one place where a request could put
 * script into the answer: {@link #validateCallback} admits only a plain JavaScript identifier
 * {@code [A-Za-z_$][A-Za-z0-9_$]{0,63}} (ASCII), and everything else is refused.
 */
public final class JpneFormat {
  /** The longest callback name accepted, characters. */
  public static final int MAX_CALLBACK_LENGTH = 64;
  private static final JsonFactory JSON = new JsonFactory();

  private JpneFormat() {}

  /**
   * Checks a client's callback name.
   *
   * @param callback the {@code callback} query parameter as received
   * @return the same name
   * @throws MapruleException {@link ErrorCode#MISSING_PARAMETER} (field {@code callback}) when it
   *     is null; {@link ErrorCode#INVALID_PARAMETER} (field {@code callback}, the value as sent)
   *     unless it is 1 to 64 ASCII characters, the first a letter, {@code _} or {@code $}, the
   *     rest letters, digits, {@code _} or {@code $}
   */
  public static String validateCallback(String callback) {
    if (callback == null) {
      throw new MapruleException(ErrorCode.MISSING_PARAMETER, "callback", null,
          "callback is missing: the JSONP answer needs a callback name");
    }
    String reason = null;
    if (callback.isEmpty()) {
      reason = "is empty";
    } else if (callback.length() > MAX_CALLBACK_LENGTH) {
      reason = "is longer than " + MAX_CALLBACK_LENGTH + " characters";
    } else {
      for (int i = 0; i < callback.length(); i++) {
        char c = callback.charAt(i);
        boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
        boolean digit = c >= '0' && c <= '9';
        if (!(letter || (digit && i > 0))) {
          reason = i == 0 && digit ? "starts with a digit"
              : "has the character U+" + String.format("%04X", (int) c) + " at index " + i;
          break;
        }
      }
    }
    if (reason != null) {
      throw new MapruleException(ErrorCode.INVALID_PARAMETER, "callback", callback,
          "callback " + reason + ": expected a JavaScript identifier [A-Za-z_$][A-Za-z0-9_$]{0,63}");
    }
    return callback;
  }

  /**
   * {@code ipv6_fixlen}: the length the CE cuts its IPv6 prefix to before taking its EA bits, bits.
   * The domain's End-user prefix length when it sets one; else the longest n + o of its rules
   * (every rule of a published JP table has n + o = 56; the longest is the only value that leaves
   * every rule's EA bits inside the prefix when they differ).
   *
   * @param domain the domain, at least one rule
   * @return bits, 0..128
   * @throws MapruleException {@link ErrorCode#NO_RULES} for a domain without rules
   */
  public static int ipv6FixLength(Domain domain) {
    if (domain.endUserPrefixLength().isPresent()) {
      return domain.endUserPrefixLength().getAsInt();
    }
    if (domain.rules().isEmpty()) {
      throw new MapruleException(ErrorCode.NO_RULES, "rules", null,
          "domain '" + domain.name() + "' has no rule: no ipv6_fixlen");
    }
    int max = 0;
    for (MapRule r : domain.rules()) {
      max = Math.max(max, r.endUserPrefixLength());
    }
    return max;
  }

  /**
   * The {@code get_rules} body: every rule of the domain in file order as {@code fmr}.
   *
   * @param domain the domain served to the key's CEs
   * @param id the rule-set id (the digest); 1 to 128 characters of {@code [0-9A-Za-z._-]}
   * @param callback the client's callback name, checked by {@link #validateCallback}
   * @return the UTF-8 JSONP bytes
   * @throws MapruleException as {@link #validateCallback}; {@link ErrorCode#BR_MISSING} for a
   *     domain without BR; {@link ErrorCode#NO_RULES} without rules; {@link ErrorCode#INVALID_VALUE}
   *     (field {@code id}) for an id outside the character set above
   */
  public static byte[] getRules(Domain domain, String id, String callback) {
    String name = validateCallback(callback);
    checkId(id);
    if (domain.brIpv6Address() == null) {
      throw new MapruleException(ErrorCode.BR_MISSING, "brIpv6Address", null,
          "domain '" + domain.name() + "' has no BR: get_rules needs dmr");
    }
    int fixlen = ipv6FixLength(domain);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
    out.write('(');
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("dmr", domain.brIpv6Address().toString());
      g.writeStringProperty("id", id);
      g.writeNumberProperty("ipv6_fixlen", fixlen);
      g.writeName("fmr");
      g.writeStartArray();
      for (MapRule r : domain.rules()) {
        g.writeStartObject();
        g.writeStringProperty("ipv6", r.ipv6Prefix().toString());
        g.writeStringProperty("ipv4", r.ipv4Prefix().toString());
        g.writeNumberProperty("psid_offset", r.psidOffset());
        g.writeNumberProperty("ea_length", r.eaBitLength());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write(')');
    return out.toByteArray();
  }

  private static void checkId(String id) {
    boolean ok = id != null && !id.isEmpty() && id.length() <= 128;
    for (int i = 0; ok && i < id.length(); i++) {
      char c = id.charAt(i);
      ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '_'
          || c == '-';
    }
    if (!ok) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, "id", id,
          "id '" + id + "' is not 1 to 128 characters of [0-9A-Za-z._-]");
    }
  }
}
