package org.maprule.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.MapCalculator;
import org.maprule.format.CeFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maprule calc [--rules FILE] [--format …] --prefix P/LEN… [--prefixes FILE]} (DESIGN.md
 * §4, fixed): one JSON object per line per End-user prefix ({@link CeFormats#calc}); a prefix
 * that cannot be parsed or mapped gives an error object ({@link CeFormats#calcError}) on its line
 * and exit status {@value Maprule#INVALID}.
 */
@Command(
    name = "calc",
    mixinStandardHelpOptions = true,
    description = "Calculates what a CE derives from its End-user IPv6 prefix: one JSON object per "
        + "line per prefix (prefix, domain, bmr, ipv4Address, ipv4PrefixLength, psid, "
        + "psidLength, psidOffset, portRanges, portCount, ceAddress, ceAddressRfc7597, "
        + "ceAddressDraft03, brIpv6Address), or "
        + "{\"prefix\":…,\"error\":{\"code\":…,\"message\":…}} for a prefix that cannot be "
        + "mapped. Prefixes from --prefix come first, then those of --prefixes, in order.",
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
    RuleCheck check = RuleCheck.of(input.read(this), input.format());
    if (!check.valid()) {
      ViolationTable.print(check.violations(), err());
      err().println("maprule: " + input.source() + " is invalid ("
          + ViolationTable.count(check.errors(), "error") + "); nothing calculated");
      err().flush();
      return Maprule.INVALID;
    }
    MapCalculator calculator = MapCalculator.of(check.loaded().ruleSet());
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
