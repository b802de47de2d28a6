package org.maprule.http;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;

/**
 * The query of an HB46PP provisioning request (IPv6 Promotion Council "v6mig-prov" v1.1, docs/domain.md
 * §6.1), checked strictly: {@code vendorid}, {@code product}, {@code version} and
 * {@code capability} required; {@code token} optional; {@code user} and {@code pass} both or
 * neither. Unknown parameters are ignored, as the specification requires of servers.
 *
 * @param vendorid 6 hex digits (an OUI), optionally {@code -} and 1..24 of {@code [0-9A-Za-z_]}
 * @param product {@code [A-Za-z0-9_-]{1,32}}
 * @param version {@code [0-9_]{1,32}}
 * @param capabilities the technology names the CE supports, in the order sent, each
 *     {@code [0-9a-z_]{1,32}}; names this service does not know are kept (and later ignored) so
 *     that future CEs work
 * @param token 64 lower-case hex digits, or null
 * @param user 1..32 characters, or null (then {@code pass} is null too)
 * @param pass 1..32 characters, or null (then {@code user} is null too)
 */
record Hb46ppQuery(String vendorid, String product, String version, Set<String> capabilities,
    String token, String user, String pass) {
  private static final Pattern VENDORID = Pattern.compile("[0-9A-Fa-f]{6}(-[0-9A-Za-z_]{1,24})?");
  private static final Pattern PRODUCT = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Pattern VERSION = Pattern.compile("[0-9_]{1,32}");
  private static final Pattern CAPABILITY = Pattern.compile("[0-9a-z_]{1,32}");
  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
  /** The capability that asks for MAP-E. */
  static final String MAP_E = "map_e";

  /**
   * Reads and checks the query, in the order vendorid, product, version, capability, token,
   * user/pass; the first problem is reported.
   *
   * @param request the request
   * @return the query
   * @throws MapruleException {@link ErrorCode#MISSING_PARAMETER} or
   *     {@link ErrorCode#INVALID_PARAMETER} naming the parameter; the values of {@code token},
   *     {@code user} and {@code pass} are never echoed back
   */
  static Hb46ppQuery parse(HttpRequest request) {
    String vendorid = match(request, "vendorid", VENDORID,
        "expected 6 hex digits (an OUI), optionally '-' and 1 to 24 of [0-9A-Za-z_]");
    String product = match(request, "product", PRODUCT, "expected 1 to 32 of [A-Za-z0-9_-]");
    String version = match(request, "version", VERSION, "expected 1 to 32 of [0-9_]");
    String capability = QueryParams.required(request, "capability");
    Set<String> caps = new LinkedHashSet<>();
    for (String item : capability.split(",", -1)) {
      if (!CAPABILITY.matcher(item).matches()) {
        throw QueryParams.invalid("capability", capability,
            "expected a comma-separated list of technology names, each 1 to 32 of [0-9a-z_]");
      }
      caps.add(item);
    }
    String token = QueryParams.optional(request, "token");
    if (token != null && !TOKEN.matcher(token).matches()) {
      throw QueryParams.invalid("token", null, "expected 64 lower-case hex digits");
    }
    String user = QueryParams.optional(request, "user");
    String pass = QueryParams.optional(request, "pass");
    if (user != null || pass != null) {
      if (user == null) {
        throw new MapruleException(ErrorCode.MISSING_PARAMETER, "user", null,
            "query parameter 'user' is required when 'pass' is given");
      }
      if (pass == null) {
        throw new MapruleException(ErrorCode.MISSING_PARAMETER, "pass", null,
            "query parameter 'pass' is required when 'user' is given");
      }
      checkCredential("user", user);
      checkCredential("pass", pass);
    }
    return new Hb46ppQuery(vendorid, product, version, Collections.unmodifiableSet(caps), token,
        user, pass);
  }

  /** Whether the CE can do MAP-E. */
  boolean mapE() {
    return capabilities.contains(MAP_E);
  }

  private static String match(HttpRequest request, String name, Pattern p, String why) {
    String v = QueryParams.required(request, name);
    if (!p.matcher(v).matches()) {
      throw QueryParams.invalid(name, v, why);
    }
    return v;
  }

  private static void checkCredential(String name, String v) {
    int chars = v.codePointCount(0, v.length());
    if (chars < 1 || chars > 32) {
      throw QueryParams.invalid(name, null, "expected 1 to 32 characters");
    }
  }
}
