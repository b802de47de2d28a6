package org.maprule.http;

import java.util.Locale;
import java.util.Optional;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv6Address;

/**
 * Which client address to believe (docs/design.md §5, docs/domain.md §9), and the text forms CDNs use.
 *
 * <p>Trust: the transport's {@link HttpRequest#peerAddress()} is the default. When
 * {@link ServiceConfig#clientAddressHeader()} is set, that one header replaces it, but only when
 * {@link ServiceConfig#originVerifySecret()} is null (laptops, tests) or the request carries
 * {@link ServiceConfig#originVerifyHeader()} equal to the secret (compared in constant time); a
 * request without the secret is answered from its peer address, as if the header were absent. No
 * other header is ever read.
 *
 * <p>Forms accepted in the header (leading and trailing spaces and tabs ignored):
 * <ul>
 *   <li>a plain IPv6 (RFC 4291 §2.2, any case) or IPv4 address;
 *   <li>{@code ipv4:port} and {@code [ipv6]:port} (also {@code [ipv6]});
 *   <li>{@code ipv6:port} without brackets, the form of CloudFront's
 *       {@code CloudFront-Viewer-Address}. AWS documents the header as "the IP address of the viewer
 *       and the source port of the request", example {@code 198.51.100.10:46532} (Amazon
 *       CloudFront Developer Guide, "Add CloudFront request headers"; awsdocs
 *       amazon-cloudfront-developer-guide PR #97 confirmed it is the source port on the wire); it
 *       shows no IPv6 example. Independent implementations read IPv6 values unbracketed, split at
 *       the last colon (for example the Rust crate http-extract 0.1.3, "CloudFront's unbracketed
 *       IPv6-with-port form"). So for the header named {@value #CLOUDFRONT_VIEWER_ADDRESS} the
 *       text after the last colon is always taken as the port; for any other header an
 *       unbracketed value is first read as a whole IPv6 address and only failing that as
 *       {@code ipv6:port};
 *   <li>a comma-separated list ({@code X-Forwarded-For} style): only the LEFTMOST entry is read,
 *       and only because that header was configured. Note: CloudFront and Azure Front Door append
 *       the viewer's address to a client-sent {@code X-Forwarded-For}, so its leftmost entry is
 *       client-controlled there; configure {@code CloudFront-Viewer-Address} or
 *       {@code X-Azure-ClientIP} behind those CDNs.
 * </ul>
 * Several field lines of the header: the first one is read.
 */
public final class ClientAddresses {
  /** The {@link ClientAddress#source()} of a peer address. */
  public static final String PEER = "peer";
  /** CloudFront's viewer address header, always {@code address:port}. */
  public static final String CLOUDFRONT_VIEWER_ADDRESS = "cloudfront-viewer-address";

  private ClientAddresses() {}

  /**
   * The client address to believe for {@code request}.
   *
   * @param config the deployment's configuration
   * @param request the request
   * @return the address
   * @throws MapruleException {@link ErrorCode#CLIENT_ADDRESS_UNKNOWN} (field: the header name,
   *     value: the header's text or null when absent) when the configured header is trusted for
   *     this request but absent or unparseable
   * @throws IllegalStateException when the peer address is to be used but the transport gave
   *     none or gave text that is not an address (a transport bug, not the client's mistake)
   */
  public static ClientAddress resolve(ServiceConfig config, HttpRequest request) {
    String header = config.clientAddressHeader();
    if (header != null && headerTrusted(config, request)) {
      String value = request.headers().first(header);
      if (value == null) {
        throw new MapruleException(ErrorCode.CLIENT_ADDRESS_UNKNOWN, header, null,
            "the client address header '" + header + "' is missing");
      }
      return parse(value, header).orElseThrow(() -> new MapruleException(
          ErrorCode.CLIENT_ADDRESS_UNKNOWN, header, value,
          "the client address header '" + header + "' value '" + value
              + "' is not an IPv6 or IPv4 address (optionally with :port)"));
    }
    String peer = request.peerAddress();
    if (peer == null) {
      throw new IllegalStateException("the transport gave no peer address");
    }
    return parse(withoutZone(peer), PEER)
        .orElseThrow(() -> new IllegalStateException("the transport's peer address '" + peer
            + "' is not an address"));
  }

  /**
   * Whether the configured client-address header may be believed for {@code request}: a header is
   * configured and either no secret is configured or the request carries it.
   *
   * @param config the configuration
   * @param request the request
   * @return whether to read the header
   */
  public static boolean headerTrusted(ServiceConfig config, HttpRequest request) {
    if (config.clientAddressHeader() == null) {
      return false;
    }
    if (config.originVerifySecret() == null) {
      return true;
    }
    return ConstantTime.equals(request.headers().first(config.originVerifyHeader()),
        config.originVerifySecret());
  }

  /**
   * Parses one header value in any of the forms listed on this class.
   *
   * @param value the field value
   * @param source the header name (any case; {@value #CLOUDFRONT_VIEWER_ADDRESS} means the port is
   *     always present) or {@value #PEER}
   * @return the address, or empty when the value is not one of the forms
   */
  public static Optional<ClientAddress> parse(String value, String source) {
    String src = source.toLowerCase(Locale.ROOT);
    String v = value;
    int comma = v.indexOf(',');
    if (comma >= 0) {
      v = v.substring(0, comma);
    }
    v = trimOws(v);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (v.charAt(0) == '[') {
        int close = v.indexOf(']');
        if (close < 0) {
          return Optional.empty();
        }
        String rest = v.substring(close + 1);
        if (!rest.isEmpty() && !(rest.charAt(0) == ':' && isPort(rest.substring(1)))) {
          return Optional.empty();
        }
        return v6(src, v.substring(1, close));
      }
      int colons = (int) v.chars().filter(c -> c == ':').count();
      if (colons == 0) {
        return Optional.of(new ClientAddress(src, null, Ipv4Address.parse(v)));
      }
      int last = v.lastIndexOf(':');
      if (colons == 1) {
        if (!isPort(v.substring(last + 1))) {
          return Optional.empty();
        }
        return Optional.of(new ClientAddress(src, null, Ipv4Address.parse(v.substring(0, last))));
      }
      if (!src.equals(CLOUDFRONT_VIEWER_ADDRESS)) {
        Optional<ClientAddress> whole = v6(src, v);
        if (whole.isPresent()) {
          return whole;
        }
      }
      if (!isPort(v.substring(last + 1))) {
        return Optional.empty();
      }
      return v6(src, v.substring(0, last));
    } catch (MapruleException e) {
      return Optional.empty();
    }
  }

  private static Optional<ClientAddress> v6(String src, String text) {
    try {
      return Optional.of(new ClientAddress(src, Ipv6Address.parse(text), null));
    } catch (MapruleException e) {
      return Optional.empty();
    }
  }

  /** 1 to 5 ASCII digits, 0..65535. */
  private static boolean isPort(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(s) <= 65535;
  }

  private static String trimOws(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return s.substring(b, e);
  }

  /** A JDK peer such as {@code fe80::1%eth0} or {@code [fe80::1%2]:5} without its zone id. */
  private static String withoutZone(String peer) {
    int pct = peer.indexOf('%');
    if (pct < 0) {
      return peer;
    }
    int close = peer.indexOf(']', pct);
    return close < 0 ? peer.substring(0, pct) : peer.substring(0, pct) + peer.substring(close);
  }
}
