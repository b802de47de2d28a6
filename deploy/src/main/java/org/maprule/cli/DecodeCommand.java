package org.maprule.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv6Address;
import org.maprule.dhcpv6.Hex;
import org.maprule.dhcpv6.MapeContainer;
import org.maprule.dhcpv6.PortParams;
import org.maprule.dhcpv6.Rfc7598;
import org.maprule.dhcpv6.S46Rule;
import org.maprule.json.Json;
import org.maprule.rule.MapRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code maprule decode --format dhcpv6 HEX…}: reads one RFC 7598 {@code OPTION_S46_CONT_MAPE}
 * ({@link Rfc7598#decode}) and prints it as one JSON line, members in this order:
 * <pre>{@code
 * {"rules":[{"fmr":true,"ipv6Prefix":"2001:db8::/40","ipv4Prefix":"192.0.2.0/24","eaBitLength":16,
 *   "psidOffset":6,"portParams":{"offset":6,"psidLength":0,"psid":0}}],
 *  "brs":["2001:db8:ffff::1"],"skippedOptionCodes":[]}
 * }</pre>
 * {@code psidOffset} is the PORTPARAMS offset, or the RFC 7597 default 6 when the rule carries
 * none ({@code portParams} is then null); {@code psid} is the plain value (the wire's field is
 * left-aligned). Bytes the decoder refuses give {@code {"error":{"code","field","value",
 * "message"}}} on stdout and exit {@value Maprule#INVALID}.
 *
 * <p>The hex may be split over several arguments and may hold blanks, {@code :} and {@code -}
 * ({@link Hex#parse}); {@code -} alone reads it from standard input.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "Decodes one RFC 7598 OPTION_S46_CONT_MAPE given in hex (header included; "
        + "blanks, ':' and '-' ignored; several arguments are joined; '-' reads standard input) "
        + "and prints one JSON line with members rules (each: fmr, ipv6Prefix, ipv4Prefix, "
        + "eaBitLength, psidOffset, portParams {offset, psidLength, psid} or null), brs and "
        + "skippedOptionCodes; or, for bytes it refuses, an object error {code, field, value, "
        + "message} with a stable code such as DHCPV6_TRUNCATED, DHCPV6_NO_BR or "
        + "DHCPV6_PSID_WITH_SHARED_ADDRESS.",
    footerHeading = "%nExit status:%n",
    footer = {"  0  decoded",
        "  1  malformed: not hex, or bytes RFC 7598 does not allow (the error line says why)",
        "  2  usage error",
        "  3  I/O error: standard input cannot be read",
        "  4  internal error (a bug: please report it)"})
final class DecodeCommand extends CliCommand {
  @Option(names = "--format", paramLabel = "FORMAT", required = true,
      description = "Wire format: dhcpv6 (RFC 7598 OPTION_S46_CONT_MAPE).")
  String format;

  @Parameters(paramLabel = "HEX", arity = "1..*",
      description = "The option bytes in hex, or - to read them from standard input.")
  List<String> hex = new ArrayList<>();

  /** Standard input (replaced in tests). */
  InputStream stdin = System.in;

  @Override
  int run() {
    if (!EncodeCommand.DHCPV6.equals(format.toLowerCase(Locale.ROOT))) {
      throw usage("--format '" + format + "' is not a wire format: expected dhcpv6");
    }
    String text = hex.equals(List.of("-")) ? readStdin() : String.join(" ", hex);
    byte[] line;
    boolean ok;
    try {
      line = container(Rfc7598.decode(Hex.parse(text)));
      ok = true;
    } catch (MapruleException e) {
      line = error(e);
      ok = false;
    }
    out().println(new String(line, StandardCharsets.UTF_8));
    out().flush();
    return ok ? Maprule.OK : Maprule.INVALID;
  }

  private String readStdin() {
    try {
      return new String(stdin.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CliIoException("cannot read standard input: " + CliIoException.reason(e), e);
    }
  }

  /** The decoded container as the documented JSON object. */
  static byte[] container(MapeContainer c) {
    return Json.write(w -> {
      w.beginObject().name("rules").beginArray();
      for (S46Rule s : c.rules()) {
        MapRule r = s.rule();
        w.beginObject()
            .field("fmr", s.fmr())
            .field("ipv6Prefix", r.ipv6Prefix().toString())
            .field("ipv4Prefix", r.ipv4Prefix().toString())
            .field("eaBitLength", r.eaBitLength())
            .field("psidOffset", r.psidOffset())
            .name("portParams");
        PortParams p = s.portParams();
        if (p == null) {
          w.nullValue();
        } else {
          w.beginObject()
              .field("offset", p.offset())
              .field("psidLength", p.psidLength())
              .field("psid", p.psid())
              .endObject();
        }
        w.endObject();
      }
      w.endArray().name("brs").beginArray();
      for (Ipv6Address br : c.brs()) {
        w.value(br.toString());
      }
      w.endArray().name("skippedOptionCodes").beginArray();
      for (int code : c.skippedOptionCodes()) {
        w.value(code);
      }
      w.endArray().endObject();
    });
  }

  /** {@code {"error":{"code","field","value","message"}}}; field and value null when absent. */
  static byte[] error(MapruleException e) {
    return Json.write(w -> w.beginObject()
        .name("error").beginObject()
        .field("code", e.code().name())
        .field("field", e.field())
        .field("value", e.value())
        .field("message", e.getMessage())
        .endObject()
        .endObject());
  }
}
