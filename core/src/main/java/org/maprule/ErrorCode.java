package org.maprule;

/**
 * Every stable error and warning code that maprule reports, in one place.
 *
 * <p>The code's {@link #name()} is the wire form (for example {@code "IPV6_RULE_OVERLAP"}) that
 * appears in problem+json bodies, in {@code maprule validate} output and in logs. Names are
 * stable: a code is never renamed or reused with another meaning; new codes are only added.
 *
 * <p>Codes are grouped by where they arise: address parsing, rule-set file reading, rule
 * validation (RFC 7597 §5 and docs/domain.md §7), calculation for one CE, and the HTTP layer.
 */
public enum ErrorCode {
  // ---- address and prefix parsing (org.maprule.addr) ----
  /** Not a dotted-quad IPv4 address in strict form (RFC 6943 §3.1.1: no leading zeros, 4 parts). */
  INVALID_IPV4_ADDRESS,
  /** Not an IPv6 address in RFC 4291 §2.2 text form (no zone id, ASCII only). */
  INVALID_IPV6_ADDRESS,
  /** Prefix text is not {@code address/length}, or the length is not a decimal in range. */
  INVALID_PREFIX,
  /** A prefix has bits set past its length (for example {@code 192.0.2.1/24}). */
  PREFIX_HOST_BITS_SET,

  // ---- rule-set file reading (org.maprule.format) ----
  /** The document is not well-formed JSON (or JSONP), or is not UTF-8. */
  MALFORMED_JSON,
  /** A required field is absent. */
  MISSING_FIELD,
  /** A field has the wrong JSON type (for example a number where a string is required). */
  WRONG_TYPE,
  /** A field has a value outside what the format allows (an unknown enum name, a negative TTL). */
  INVALID_VALUE,
  /**
   * A field the format does not define (native file: any but the known ones and a top-level
   * {@code comment}/{@code description}; OCN: any but the seven rule fields and {@code hostName}).
   * Rejected because a misspelt optional field, such as {@code endUserPrefixLenght}, would
   * otherwise be ignored and silently change every CE address.
   */
  UNKNOWN_FIELD,

  // ---- per-rule checks, RFC 7597 §5 (errors) ----
  /** EA-bits length o outside 0..48. */
  EA_BITS_OUT_OF_RANGE,
  /** Rule IPv6 prefix length plus EA-bits length exceeds 128. */
  EA_BITS_EXCEED_IPV6,
  /** PSID offset a outside 0..15. */
  PSID_OFFSET_OUT_OF_RANGE,
  /** PSID length k = o - (32 - r) exceeds 16. */
  PSID_LENGTH_TOO_LONG,
  /** a + k exceeds 16: the PSID and offset do not fit in a 16-bit port. */
  PSID_EXCEEDS_PORT_BITS,

  // ---- per-rule checks (warnings) ----
  /** n + o > 64: EA bits reach into the interface identifier (RFC 7597 §6; many BRs refuse). */
  EA_BITS_BEYOND_64,
  /** k < 0: each CE gets an IPv4 prefix, not a shared address. */
  IPV4_PREFIX_PER_CE,
  /** o = 0 with r < 32: the rule maps one CE to a whole IPv4 prefix. */
  ONE_TO_ONE_PREFIX,
  /** a = 0 with k > 0: the CE with PSID 0 owns the system ports 0..2^m - 1. */
  PSID_ZERO_SYSTEM_PORTS,

  // ---- per-domain and per-rule-set checks ----
  /** The rule set has no domain. */
  NO_DOMAINS,
  /** A domain has no rule. */
  NO_RULES,
  /** Two domains share a name. */
  DUPLICATE_DOMAIN_NAME,
  /** Domain name empty or not {@code [A-Za-z0-9._-]{1,64}}. */
  INVALID_DOMAIN_NAME,
  /** Two rules have overlapping IPv6 prefixes with different mappings (longest match would silently pick one). */
  IPV6_RULE_OVERLAP,
  /** Two rules have overlapping IPv4 prefixes (two CEs would get the same IPv4 address and PSID). */
  IPV4_RULE_OVERLAP,
  /** Warning: a rule is the same as, or a nested equivalent of, another rule (same result for every CE). */
  REDUNDANT_RULE,
  /** A domain has no BR IPv6 address. */
  BR_MISSING,
  /** The BR address is not global unicast (2000::/3, RFC 4291 §2.4). */
  BR_NOT_GLOBAL_UNICAST,
  /** The BR address lies inside a rule IPv6 prefix. */
  BR_INSIDE_RULE_PREFIX,
  /** The domain's End-user prefix length is outside 1..128 or shorter than some rule's n + o. */
  END_USER_PREFIX_LENGTH_INVALID,
  /** Warning: rules of one domain have different n + o (every published JP table uses 56). */
  END_USER_PREFIX_LENGTH_MIXED,
  /** TTL outside 1..604800 seconds (HB46PP v1.1 caps it at 604800). */
  TTL_OUT_OF_RANGE,
  /** Warning: a domain has more than 256 rules; HB46PP answers are cut to 256 (the CE's BMR kept). */
  HB46PP_RULES_TRIMMED,
  /**
   * Warning: a domain uses the RFC 7597 interface identifier (RFC 7597 §6), which the OCN
   * ({@code /}) and JPNE ({@code /{key}/get_rules}) answers cannot carry; both endpoints are always
   * served and pick the domain from the CE's own prefix, so its OCN and JPNE CEs get
   * {@link #INTERFACE_ID_FORMAT_NOT_CARRIED} and must use HB46PP or the OpenWrt configuration
   * (docs/domain.md §5, §7).
   */
  RFC7597_DOMAIN_NOT_ON_OCN_JPNE,

  // ---- calculation for one CE (org.maprule.calc) ----
  /** No rule IPv6 prefix contains the End-user prefix. */
  NO_MATCHING_RULE,
  /** The End-user prefix is shorter than the BMR's n + o, so its EA bits are not all known. */
  END_USER_PREFIX_TOO_SHORT,
  /** No End-user prefix owns that IPv4 address and port (reverse lookup). */
  NO_OWNER,

  // ---- HTTP layer (org.maprule.http) ----
  /** A required query parameter is missing. */
  MISSING_PARAMETER,
  /** A query parameter is malformed. */
  INVALID_PARAMETER,
  /** No endpoint at that path. */
  NOT_FOUND,
  /** Only GET and HEAD are served. */
  METHOD_NOT_ALLOWED,
  /** The OCN {@code code} or JPNE key is not one of the configured ones. */
  FORBIDDEN_CODE,
  /** The client address lies in no rule of any domain (HB46PP: not the operator's customer). */
  NOT_A_CUSTOMER,
  /** The loaded rule set failed validation; nothing is served from it. */
  RULE_SET_INVALID,
  /** The client address could not be determined or parsed. */
  CLIENT_ADDRESS_UNKNOWN,
  /**
   * The CE's domain uses the RFC 7597 interface identifier and the endpoint's format (OCN
   * {@code /}, JPNE {@code /{key}/get_rules}) cannot say so: the CEs that read it always build the
   * draft-03 address, which the BR drops (docs/domain.md §5). Answered 409 with the endpoints that
   * carry the layout: {@code /hb46pp} ({@code map_e.version} 1) and {@code /calc?format=openwrt}.
   */
  INTERFACE_ID_FORMAT_NOT_CARRIED,
  /**
   * An unexpected failure inside the service (a bug, not the client's doing): answered 503
   * without details so the CDN fails over; the cause is logged, never sent.
   */
  INTERNAL_ERROR,

  // ---- HTTP/1.1 transport faults (org.maprule.http.TransportFault): answered by core for
  //      requests a transport could not parse or will not read ----
  /**
   * 400: not a valid HTTP/1.1 request (RFC 9112): a malformed request line, method or header
   * field, a line not ended by CRLF, an invalid or conflicting Content-Length, a framing
   * Transfer-Encoding that is not chunked last.
   */
  MALFORMED_REQUEST,
  /** 408: the request (line, header fields and any body) did not arrive in time (RFC 9110 §15.5.9). */
  REQUEST_TIMEOUT,
  /** 413: the request body is larger than the server reads (RFC 9110 §15.5.14). */
  BODY_TOO_LARGE,
  /** 414: the request line is longer than the server reads (RFC 9112 §3, RFC 9110 §15.5.15). */
  REQUEST_LINE_TOO_LONG,
  /** 431: the header fields are too large or too many (RFC 6585 §5). */
  HEADERS_TOO_LARGE,
  /** 501: a transfer coding the server does not implement, anything but chunked (RFC 9112 §6.1). */
  TRANSFER_CODING_UNKNOWN,
  /** 505: a major HTTP version other than 1 on an HTTP/1.x connection (RFC 9110 §15.6.6). */
  HTTP_VERSION_NOT_SUPPORTED,
  /** 503: the server holds as many connections as it is configured to; try again later. */
  CONNECTION_LIMIT,

  // ---- RFC 7598 DHCPv6 (org.maprule.dhcpv6) ----
  /** An option header or its announced option-length runs past the end of the enclosing data. */
  DHCPV6_TRUNCATED,
  /**
   * An option-length impossible for its option: OPTION_S46_BR not 16, OPTION_S46_PORTPARAMS not 4,
   * OPTION_S46_RULE shorter than its fixed fields plus ceil(prefix6-len / 8) prefix bytes.
   */
  DHCPV6_BAD_LENGTH,
  /** Bytes follow the end of the decoded container option. */
  DHCPV6_TRAILING_BYTES,
  /** The data does not start with OPTION_S46_CONT_MAPE (94). */
  DHCPV6_NOT_MAPE_CONTAINER,
  /** The MAP-E container holds no OPTION_S46_RULE (RFC 7598 §5.1 requires at least one). */
  DHCPV6_NO_RULE,
  /** The MAP-E container holds no OPTION_S46_BR (RFC 7598 §5.1 requires at least one). */
  DHCPV6_NO_BR,
  /** A known Softwire46 option where RFC 7598 §6 does not allow it (for example S46_DMR in a MAP-E container). */
  DHCPV6_MISPLACED_OPTION,
  /** A second OPTION_S46_PORTPARAMS in one OPTION_S46_RULE. */
  DHCPV6_DUPLICATE_OPTION,
  /** An explicit PSID (PSID-len > 0) in a rule whose EA bits already carry a PSID (o + r > 32). */
  DHCPV6_PSID_WITH_SHARED_ADDRESS,
  /** An explicit PSID in a rule giving each CE an IPv4 prefix (o + r < 32): RFC 7598 §4.5 says discard it. */
  DHCPV6_PSID_WITHOUT_FULL_ADDRESS,
  /** An explicit PSID in a 1:1 rule (o + r = 32) is valid RFC 7598 but per CE: no rule set can hold it. */
  DHCPV6_EXPLICIT_PSID_UNSUPPORTED,
  /** A container with more than one OPTION_S46_BR cannot become one domain (a domain has one BR). */
  DHCPV6_MULTIPLE_BR,
  /** An encoded option would exceed the 65535-byte option-length limit. */
  DHCPV6_OPTION_TOO_LONG,
  /**
   * Kea {@code option-data} cannot express rules with different PSID offsets: Kea adds the same
   * {@code s46-portparams} to every {@code s46-rule} of a scope.
   */
  DHCPV6_KEA_MIXED_PSID_OFFSETS
}
