package org.maprule.cli;

import java.nio.charset.StandardCharsets;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.LookupFormat;
import org.maprule.json.Json;
import org.maprule.lookup.ReverseLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maprule lookup [--rules FILE] [--format …] --ipv4 A [--port N]}: who owns an IPv4
 * address and port (RFC 7597 §5.2 inverted, {@link ReverseLookup}), for abuse handling. Prints
 * one JSON line, the same bytes as {@code GET /lookup} ({@link LookupFormat#owner} with a port,
 * {@link LookupFormat#owners} without).
 *
 * <p>An address in no Rule IPv4 prefix, port 0, a port in the excluded range, a malformed address
 * or port give {@code {"ipv4":…,"port":…,"error":{"code":…,"message":…}}} on stdout (the
 * {@code calc} convention; {@code ipv4} and {@code port} echo the input as given, as strings;
 * {@code port} only when given) and exit status {@value Maprule#INVALID}. An invalid rule set
 * looks nothing up: violations on stderr, exit {@value Maprule#INVALID}.
 */
@Command(
    name = "lookup",
    mixinStandardHelpOptions = true,
    description = "Finds who owns an IPv4 address and port (RFC 7597 §5.2 inverted), for abuse "
        + "handling: one JSON line, the same as GET /lookup. With --port: {ipv4, port, domain, "
        + "rule, ceIpv4Prefix, psid, psidLength, endUserPrefix, ceAddress, ceAddressRfc7597, "
        + "ceAddressDraft03, portRanges, portCount, brIpv6Address}. Without: every End-user "
        + "prefix sharing the address, {ipv4, domain, rule, ceIpv4Prefix, psidLength, "
        + "endUserPrefixes{count, first, last, block}}. No owner or malformed input: "
        + "{\"ipv4\":…,\"port\":…,\"error\":{\"code\":…,\"message\":…}} and exit 1.",
    footerHeading = "%nExit status:%n",
    footer = {"  0  found",
        "  1  no owner (NO_OWNER: the address is in no rule, or the port is 0 or in the",
        "     excluded range), a malformed address or port, or an invalid rule set",
        "  2  usage error",
        "  3  I/O error: the rules file cannot be read",
        "  4  internal error (a bug: please report it)"})
final class LookupCommand extends CliCommand {
  @Mixin RuleInput input;

  @Option(names = "--ipv4", paramLabel = "A", required = true,
      description = "IPv4 address, dotted quad, for example 192.0.2.18.")
  String ipv4;

  @Option(names = "--port", paramLabel = "N",
      description = "Transport port 1..65535 (decimal, no leading zero). Without it: every "
          + "End-user prefix sharing the address.")
  String port;

  @Override
  int run() {
    LoadedRuleSet loaded = ValidRules.check(input.read(this), input.format(), input.source(),
        "nothing looked up", err());
    if (loaded == null) {
      return Maprule.INVALID;
    }
    byte[] line;
    boolean found;
    try {
      Ipv4Address address = Ipv4Address.parse(ipv4, "ipv4");
      ReverseLookup lookup = ReverseLookup.of(loaded.ruleSet());
      line = port == null
          ? LookupFormat.owners(lookup.lookup(address))
          : LookupFormat.owner(lookup.lookup(address, port(port)));
      found = true;
    } catch (MapruleException e) {
      line = error(ipv4, port, e.code(), e.getMessage());
      found = false;
    }
    out().println(new String(line, StandardCharsets.UTF_8));
    out().flush();
    return found ? Maprule.OK : Maprule.INVALID;
  }

  /**
   * A port as {@code /lookup} reads it: 1 to 5 ASCII digits without a leading zero (but
   * {@code 0}), 0..65535.
   *
   * @param text the port as given
   * @return the port
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE}, field {@code port}, otherwise
   */
  static int port(String text) {
    boolean digits = !text.isEmpty() && text.length() <= 5 && (text.length() == 1 || text.charAt(0) != '0');
    for (int i = 0; digits && i < text.length(); i++) {
      digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
    int value = digits ? Integer.parseInt(text) : -1;
    if (value < 0 || value > 65535) {
      throw new MapruleException(ErrorCode.INVALID_VALUE, "port", text,
          "port '" + text + "' is not a decimal port 0..65535 without a leading zero");
    }
    return value;
  }

  /**
   * The error line: {@code {"ipv4":…,"port":…,"error":{"code":…,"message":…}}}, the input as
   * given (strings), {@code port} only when given.
   */
  static byte[] error(String ipv4, String port, ErrorCode code, String message) {
    return Json.write(w -> w.beginObject()
        .field("ipv4", ipv4)
        .fieldIfPresent("port", port)
        .name("error").beginObject()
        .field("code", code.name())
        .field("message", message)
        .endObject()
        .endObject());
  }
}
