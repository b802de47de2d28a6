package org.maprule.cli;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.dhcpv6.Hex;
import org.maprule.dhcpv6.KeaOptionData;
import org.maprule.dhcpv6.Rfc7598;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.rule.Domain;
import org.maprule.rule.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maprule encode --format dhcpv6 [--rules FILE] [--rules-format …] [--domain NAME |
 * --prefix P/LEN] [--no-fmr] [--kea]}: a MAP-E domain, or one CE's BMR, as the RFC 7598
 * {@code OPTION_S46_CONT_MAPE} a DHCPv6 server sends (docs/domain.md §6.4).
 *
 * <p>Output, one of two so it can be piped: by default one line of lower-case hex, the whole
 * option header included ({@link Rfc7598#encode(Domain)}: every rule with the F flag, each with
 * an {@code OPTION_S46_PORTPARAMS} carrying its PSID offset, then the BR); with {@code --kea} the
 * ISC Kea {@code option-data} entries that make Kea send the same bytes
 * ({@link KeaOptionData}, pretty-printed JSON array). With {@code --prefix} only the BMR of that
 * End-user prefix is encoded ({@link Rfc7598#encodeBmr}), with the F flag unless
 * {@code --no-fmr}.
 *
 * <p>Exit status: {@value Maprule#OK} printed; {@value Maprule#INVALID} the rule set is invalid
 * (violations on stderr), the prefix cannot be mapped, or Kea cannot express the domain
 * ({@code DHCPV6_KEA_MIXED_PSID_OFFSETS}) — one line {@code maprule: CODE: message} on stderr;
 * {@value Maprule#USAGE} usage error, also an unknown {@code --domain} or a missing one when the
 * rule set has several domains; {@value Maprule#IO} the rules file cannot be read.
 */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = "Encodes a MAP-E domain (every rule as an FMR, then the BR) or, with --prefix, "
        + "one CE's BMR as the RFC 7598 DHCPv6 option OPTION_S46_CONT_MAPE (94): one line of "
        + "lower-case hex, header included; with --kea the ISC Kea option-data entries that "
        + "send the same option instead. Every rule carries OPTION_S46_PORTPARAMS with its PSID "
        + "offset and no explicit PSID.",
    footerHeading = "%nExit status:%n",
    footer = {"  0  printed",
        "  1  invalid rule set (violations on stderr), a prefix that cannot be",
        "     mapped, or a domain Kea cannot express (DHCPV6_KEA_MIXED_PSID_OFFSETS)",
        "  2  usage error, also an unknown --domain, or none given for a rule set",
        "     of several domains",
        "  3  I/O error: the rules file cannot be read",
        "  4  internal error (a bug: please report it)"})
final class EncodeCommand extends CliCommand {
  /** The one wire format so far. */
  static final String DHCPV6 = "dhcpv6";

  @Option(names = "--format", paramLabel = "FORMAT", required = true,
      description = "Wire format: dhcpv6 (RFC 7598 OPTION_S46_CONT_MAPE).")
  String format;

  @Mixin RulesFile rules;

  @Option(names = "--rules-format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Format of the rules file: native (default), ocn or hb46pp.")
  RuleSetFormat rulesFormat;

  @Option(names = "--domain", paramLabel = "NAME",
      description = "The domain to encode; may be left out when the rule set has one domain.")
  String domain;

  @Option(names = "--prefix", paramLabel = "P/LEN",
      description = "Encode only the BMR of this End-user prefix (and its domain's BR).")
  String prefix;

  @Option(names = "--no-fmr",
      description = "With --prefix: clear the F flag, so the CE must not forward by its BMR "
          + "(hub-and-spoke). Default: F set, as for a whole domain (mesh).")
  boolean noFmr;

  @Option(names = "--kea",
      description = "Print the Kea option-data entries (JSON array, for a Dhcp6 or subnet "
          + "\"option-data\" list) instead of the hex.")
  boolean kea;

  @Override
  int run() {
    if (!DHCPV6.equals(format.toLowerCase(Locale.ROOT))) {
      throw usage("--format '" + format + "' is not a wire format: expected dhcpv6");
    }
    if (domain != null && prefix != null) {
      throw usage("give --domain NAME or --prefix P/LEN, not both (the prefix selects its domain)");
    }
    if (noFmr && prefix == null) {
      throw usage("--no-fmr needs --prefix: a whole domain is sent as FMRs");
    }
    byte[] bytes = rules.read(this, rulesFormat, "--rules-format");
    LoadedRuleSet loaded = ValidRules.check(bytes, rulesFormat, rules.source(),
        "nothing encoded", err());
    if (loaded == null) {
      return Maprule.INVALID;
    }
    RuleSet ruleSet = loaded.ruleSet();
    String text;
    if (prefix != null) {
      CeParameters ce = MapCalculator.of(ruleSet).calculate(Ipv6Prefix.parse(prefix, "prefix"));
      text = kea
          ? new String(KeaOptionData.mapEBmr(ce.domain(), ce.bmr(), !noFmr), StandardCharsets.UTF_8)
          : Hex.format(Rfc7598.encodeBmr(ce.domain(), ce.bmr(), !noFmr));
    } else {
      Domain d = select(ruleSet);
      text = kea
          ? new String(KeaOptionData.mapE(d), StandardCharsets.UTF_8)
          : Hex.format(Rfc7598.encode(d));
    }
    out().println(text);
    out().flush();
    return Maprule.OK;
  }

  /** The {@code --domain}, or the only domain; usage errors otherwise. */
  private Domain select(RuleSet ruleSet) {
    if (domain == null) {
      if (ruleSet.domains().size() == 1) {
        return ruleSet.domains().get(0);
      }
      throw usage(rules.source() + " has " + ruleSet.domains().size()
          + " domains: give --domain NAME (one of " + names(ruleSet) + ") or --prefix P/LEN");
    }
    for (Domain d : ruleSet.domains()) {
      if (d.name().equals(domain)) {
        return d;
      }
    }
    throw usage("--domain '" + domain + "' is not a domain of " + rules.source()
        + ": expected one of " + names(ruleSet));
  }

  private static String names(RuleSet ruleSet) {
    return ruleSet.domains().stream().map(Domain::name).collect(Collectors.joining(", "));
  }
}
