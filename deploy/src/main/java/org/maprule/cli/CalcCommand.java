package org.maprule.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.calc.MapCalculator;
import org.maprule.format.CeFormats;
import org.maprule.format.OpenWrtFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maprule calc [--rules FILE] [--format …] --prefix P/LEN… [--prefixes FILE]
 * [--output json|openwrt]} (docs/design.md §4, fixed): one JSON object per line per End-user prefix
 * ({@link CeFormats#calc}); a prefix that cannot be parsed or mapped gives an error object
 * ({@link CeFormats#calcError}) on its line and exit status {@value Maprule#INVALID}.
 *
 * <p>{@code --output openwrt}: per prefix the OpenWrt {@code /etc/config/network} MAP interface
 * section ({@link OpenWrtFormat#network(CeParameters, String, String)}, the same text as
 * {@code /calc?format=openwrt}), sections separated by one blank line. stdout is then a config
 * file, so a prefix that cannot be mapped is reported on stderr instead, one line
 * {@code maprule: PREFIX: CODE: message}; the other prefixes are still written and the exit
 * status is {@value Maprule#INVALID}.
 */
@Command(
    name = "calc",
    mixinStandardHelpOptions = true,
    description = "Calculates what a CE derives from its End-user IPv6 prefix: one JSON object per "
        + "line per prefix (prefix, domain, bmr, ipv4Address, ipv4PrefixLength, psid, "
        + "psidLength, psidOffset, portRanges, portCount, ceAddress, ceAddressRfc7597, "
        + "ceAddressDraft03, brIpv6Address), or "
        + "{\"prefix\":…,\"error\":{\"code\":…,\"message\":…}} for a prefix that cannot be "
        + "mapped. Prefixes from --prefix come first, then those of --prefixes, in order. "
        + "--output openwrt prints the OpenWrt /etc/config/network MAP interface section per "
        + "prefix instead (blank line between sections; errors on stderr as "
        + "'maprule: PREFIX: CODE: message').",
    footerHeading = "%nExit status:%n",
    footer = Maprule.EXIT_CODES)
final class CalcCommand extends CliCommand {
  @Mixin RuleInput input;

  @Option(names = "--prefix", paramLabel = "P/LEN",
      description = "End-user IPv6 prefix, for example 2001:db8:12:3400::/56 (repeatable).")
  List<String> prefixes = new ArrayList<>();

  @Option(names = "--prefixes", paramLabel = "FILE",
      description = "File with one prefix per line; blank lines and # comments are skipped.")
  Path prefixesFile;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "json",
      description = "json (default): one JSON line per prefix; openwrt: one OpenWrt "
          + "/etc/config/network 'config interface' section per prefix.")
  String output;

  @Option(names = "--interface", paramLabel = "NAME",
      description = "With --output openwrt: the UCI interface name, 1..11 of [A-Za-z0-9_]. "
          + "Default: " + OpenWrtFormat.DEFAULT_INTERFACE + ".")
  String interfaceName;

  @Option(names = "--tunlink", paramLabel = "NAME",
      description = "With --output openwrt: the IPv6 uplink interface, 1..15 of [A-Za-z0-9_]. "
          + "Default: " + OpenWrtFormat.DEFAULT_TUNLINK + ".")
  String tunlink;

  @Override
  int run() {
    List<String> all = new ArrayList<>(prefixes);
    if (prefixesFile != null) {
      all.addAll(prefixLines(new String(RuleInput.readFile("prefixes file", prefixesFile),
          StandardCharsets.UTF_8)));
    }
    if (all.isEmpty()) {
      throw usage("give at least one --prefix P/LEN or a --prefixes FILE that lists one");
    }
    boolean openWrt = openWrt();
    RuleCheck check = RuleCheck.of(input.read(this), input.format());
    if (!check.valid()) {
      ViolationTable.print(check.violations(), err());
      err().println("maprule: " + input.source() + " is invalid ("
          + ViolationTable.count(check.errors(), "error") + "); nothing calculated");
      err().flush();
      return Maprule.INVALID;
    }
    MapCalculator calculator = MapCalculator.of(check.loaded().ruleSet());
    if (openWrt) {
      return openWrt(calculator, all);
    }
    boolean failed = false;
    for (String text : all) {
      byte[] line;
      try {
        line = CeFormats.calc(calculator.calculate(Ipv6Prefix.parse(text, "prefix")));
      } catch (MapruleException e) {
        line = CeFormats.calcError(text, e.code(), e.getMessage());
        failed = true;
      }
      out().println(new String(line, StandardCharsets.UTF_8));
    }
    out().flush();
    return failed ? Maprule.INVALID : Maprule.OK;
  }

  /**
   * Checks {@code --output}, {@code --interface} and {@code --tunlink} before anything is read.
   *
   * @return whether the output is OpenWrt
   */
  private boolean openWrt() {
    boolean openWrt = output.equals("openwrt");
    if (!openWrt && !output.equals("json")) {
      throw usage("--output '" + output + "' is not an output format: expected json or openwrt");
    }
    if (!openWrt && (interfaceName != null || tunlink != null)) {
      throw usage((interfaceName != null ? "--interface" : "--tunlink") + " needs --output openwrt");
    }
    if (interfaceName == null) {
      interfaceName = OpenWrtFormat.DEFAULT_INTERFACE;
    }
    if (tunlink == null) {
      tunlink = OpenWrtFormat.DEFAULT_TUNLINK;
    }
    if (openWrt) {
      checkName("--interface", interfaceName, 11);
      checkName("--tunlink", tunlink, 15);
    }
    return openWrt;
  }

  private void checkName(String option, String name, int max) {
    if (!name.matches("[A-Za-z0-9_]{1," + max + "}")) {
      throw usage(option + " '" + name + "' is not 1 to " + max + " characters of [A-Za-z0-9_]");
    }
  }

  /** {@code --output openwrt}: sections on stdout, a blank line between; errors on stderr. */
  private int openWrt(MapCalculator calculator, List<String> all) {
    boolean failed = false;
    boolean first = true;
    for (String text : all) {
      String section;
      try {
        section = OpenWrtFormat.network(calculator.calculate(Ipv6Prefix.parse(text, "prefix")),
            interfaceName, tunlink);
      } catch (MapruleException e) {
        err().println("maprule: " + text + ": " + e.code() + ": " + e.getMessage());
        failed = true;
        continue;
      }
      if (!first) {
        out().print("\n");
      }
      out().print(section);
      first = false;
    }
    out().flush();
    err().flush();
    return failed ? Maprule.INVALID : Maprule.OK;
  }

  /**
   * The prefixes of a {@code --prefixes} file: one per line, surrounding blanks trimmed, blank
   * lines skipped, everything from {@code #} to the end of a line ignored.
   *
   * @param text the file's text
   * @return the prefixes in order
   */
  static List<String> prefixLines(String text) {
    List<String> out = new ArrayList<>();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String line : body.split("\r?\n|\r")) {
      int hash = line.indexOf('#');
      String p = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }
}
