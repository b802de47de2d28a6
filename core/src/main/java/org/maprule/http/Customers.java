package org.maprule.http;

import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;

/**
 * Who the client is, for the endpoints tailored to it (HB46PP, JPNE): the trusted client address
 * ({@link ClientAddresses#resolve}) looked up as a /128, which the calculator cuts to the domain's
 * End-user prefix length (docs/domain.md §5), gives the CE's domain and BMR.
 */
final class Customers {
  private Customers() {}

  /**
   * The CE parameters of the client.
   *
   * @param s the served rule set
   * @param config the configuration (which address to trust)
   * @param request the request
   * @return the parameters of the client's /128
   * @throws MapruleException {@link ErrorCode#CLIENT_ADDRESS_UNKNOWN} as
   *     {@link ClientAddresses#resolve}; {@link ErrorCode#NOT_A_CUSTOMER} as {@link #of(ServedRuleSet,
   *     ClientAddress)}
   */
  static CeParameters of(ServedRuleSet s, ServiceConfig config, HttpRequest request) {
    return of(s, ClientAddresses.resolve(config, request));
  }

  /**
   * The CE parameters of a client whose trusted address is known.
   *
   * @param s the served rule set
   * @param client the trusted client address
   * @return the parameters of the client's /128
   * @throws MapruleException {@link ErrorCode#NOT_A_CUSTOMER} when the address is IPv4 or lies in
   *     no rule; its {@code field} names where the address came from (the header or
   *     {@code peer}) and the address itself is not echoed
   */
  static CeParameters of(ServedRuleSet s, ClientAddress client) {
    if (client.ipv6() == null) {
      throw notACustomer(client);
    }
    try {
      return s.calculator().calculate(Ipv6Prefix.containing(client.ipv6(), 128));
    } catch (MapruleException e) {
      if (e.code() == ErrorCode.NO_MATCHING_RULE || e.code() == ErrorCode.END_USER_PREFIX_TOO_SHORT) {
        throw notACustomer(client);
      }
      throw e;
    }
  }

  /**
   * Where a client address came from, for messages that must not echo it: {@code the
   * connection's peer address} or {@code header 'NAME'}.
   */
  static String origin(ClientAddress client) {
    return ClientAddresses.PEER.equals(client.source())
        ? "the connection's peer address" : "header '" + client.source() + "'";
  }

  /** One message for IPv4 and IPv6 alike, so that transports with different peers answer alike. */
  private static MapruleException notACustomer(ClientAddress client) {
    return new MapruleException(ErrorCode.NOT_A_CUSTOMER, client.source(), null,
        "the client address (from " + origin(client) + ") is not an IPv6 address inside a rule of "
            + "this service: not a customer");
  }
}
