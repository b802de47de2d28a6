package org.maprule.format;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.json.Json;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * The JPNE v6プラス {@code get_rules} answer (docs/domain.md §6.3): a JSONP body
 * {@code CALLBACK({"dmr":"<BR>","id":"<rule-set id>","ipv6_fixlen":56,"fmr":[{"ipv6":"240b:10::/32",
 * "ipv4":"106.72.0.0/16","psid_offset":4,"ea_length":24},…]})}, byte-exact: UTF-8, this field
 * order, numbers as JSON numbers, no whitespace, no trailing semicolon or newline. The JSON is
 * written by the shared codec ({@link Json}), so its escaping (U+2028 and U+2029 included, which
 * matters inside script) and bytes are those of every other maprule answer.
 *
 * <p>The callback name comes from the client, so it is the one place where a request could put
 * script into the answer: {@link #validateCallback} admits only a plain JavaScript identifier
 * {@code [A-Za-z_$][A-Za-z0-9_$]{0,63}} (ASCII), and everything else is refused.
 */
public final class JpneFormat {
  /** The longest callback name accepted, characters. */
  public static final int MAX_CALLBACK_LENGTH = 64;

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
   * The {@code get_rules} body: every rule of the domain in file order as {@code fmr}, wrapped in
   * the client's callback ({@link #object} inside {@link #jsonp}).
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
    return wrap(name, object(domain, id));
  }

  /**
   * The JSON object inside the JSONP answer, {@code {"dmr":…,"id":…,"ipv6_fixlen":…,"fmr":[…]}},
   * written by the shared codec ({@link Json#write}: compact UTF-8, this member order, numbers as
   * JSON numbers). It depends only on the domain and the id, so a server can build it once per
   * domain and wrap it per request with {@link #jsonp}.
   *
   * @param domain the domain served to the key's CEs
   * @param id the rule-set id (the digest); 1 to 128 characters of {@code [0-9A-Za-z._-]}
   * @return the UTF-8 JSON bytes, no trailing newline
   * @throws MapruleException {@link ErrorCode#BR_MISSING} for a domain without BR;
   *     {@link ErrorCode#NO_RULES} without rules; {@link ErrorCode#INVALID_VALUE} (field
   *     {@code id}) for an id outside the character set above
   */
  public static byte[] object(Domain domain, String id) {
    checkId(id);
    if (domain.brIpv6Address() == null) {
      throw new MapruleException(ErrorCode.BR_MISSING, "brIpv6Address", null,
          "domain '" + domain.name() + "' has no BR: get_rules needs dmr");
    }
    int fixlen = ipv6FixLength(domain);
    return Json.write(w -> {
      w.beginObject()
          .field("dmr", domain.brIpv6Address().toString())
          .field("id", id)
          .field("ipv6_fixlen", fixlen)
          .name("fmr").beginArray();
      for (MapRule r : domain.rules()) {
        w.beginObject()
            .field("ipv6", r.ipv6Prefix().toString())
            .field("ipv4", r.ipv4Prefix().toString())
            .field("psid_offset", r.psidOffset())
            .field("ea_length", r.eaBitLength())
            .endObject();
      }
      w.endArray().endObject();
    });
  }

  /**
   * {@code CALLBACK(OBJECT)}: a JSON value wrapped as a JSONP call, no trailing semicolon or
   * newline.
   *
   * @param callback the client's callback name, checked by {@link #validateCallback}
   * @param object one JSON value, UTF-8 (for example from {@link #object})
   * @return the UTF-8 JSONP bytes
   * @throws MapruleException as {@link #validateCallback}
   */
  public static byte[] jsonp(String callback, byte[] object) {
    return wrap(validateCallback(callback), object);
  }

  private static byte[] wrap(String name, byte[] object) {
    byte[] out = new byte[name.length() + object.length + 2];
    int i = 0;
    for (; i < name.length(); i++) {
      out[i] = (byte) name.charAt(i); // ASCII: validated
    }
    out[i++] = '(';
    System.arraycopy(object, 0, out, i, object.length);
    out[out.length - 1] = ')';
    return out;
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
