package org.maprule.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.maprule.MapruleException;
import org.maprule.diff.RuleSetDiff;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code maprule diff OLD NEW [--format …] [--old-format … --new-format …] [--json]}: what changes
 * for CEs when the rule set OLD is replaced by NEW ({@link RuleSetDiff}) — every End-user prefix
 * range whose BMR, IPv4 address, PSID, port set, CE address or BR changes, grouped per (old BMR,
 * new BMR), with the number of End-user prefixes (CEs) affected.
 *
 * <p>Both files are read and validated whole first; an invalid one is never compared. Output:
 * {@link RuleSetDiff#toText()} (or {@code no changes}), or with {@code --json} one line of
 * {@link RuleSetDiff#toJson()}.
 *
 * <p>Exit status, like diff(1) — anything from {@value Maprule#USAGE} up means "no answer":
 * {@value #SAME} no CE changes (domain renames alone, which change no CE, are listed but still
 * {@value #SAME}); {@value #CHANGED} some CE changes; {@value Maprule#USAGE} usage error;
 * {@value #CANNOT_COMPARE} a file cannot be read or is not a valid rule set (violations on
 * stderr), nothing compared; {@value Maprule#INTERNAL} internal error. Note that for this
 * command 1 does not mean "invalid".
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Shows what changes for CEs when rule set OLD is replaced by NEW: every "
        + "End-user prefix range whose BMR, IPv4 address, PSID, port set, CE address or BR "
        + "changes, grouped per old rule => new rule, with the number of End-user prefixes (CEs) "
        + "affected; domain setting changes first. Both files are validated whole first; an "
        + "invalid one is not compared. Exit status 0 when no CE changes, 1 when some do "
        + "(like diff(1)); 2 or more: nothing was compared.",
    footerHeading = "%nExit status:%n",
    footer = {"  0  no CE changes (renamed domains alone are listed, but change no CE)",
        "  1  some CE changes",
        "  2  usage error",
        "  3  nothing compared: a file cannot be read, or is not a valid rule set (its",
        "     violations on stderr)",
        "  4  internal error (a bug: please report it)"})
final class DiffCommand extends CliCommand {
  /** No CE changes. */
  static final int SAME = 0;
  /** Some CE changes. */
  static final int CHANGED = 1;
  /** A file cannot be read or is invalid: nothing compared. */
  static final int CANNOT_COMPARE = Maprule.IO;

  @Parameters(index = "0", paramLabel = "OLD", description = "The rule set served now.")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The rule set to be served.")
  Path newFile;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Format of both files: native (default), ocn or hb46pp.")
  RuleSetFormat format;

  @Option(names = "--old-format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Format of OLD (overrides --format).")
  RuleSetFormat oldFormat;

  @Option(names = "--new-format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Format of NEW (overrides --format).")
  RuleSetFormat newFormat;

  @Option(names = "--json", description = "Print one JSON object instead, members empty, "
      + "affectedEndUserPrefixes, domainChanges, ruleChanges (see docs/cli.md).")
  boolean json;

  @Override
  int run() {
    byte[] oldBytes = RuleInput.readFile("rules file", oldFile);
    byte[] newBytes = RuleInput.readFile("rules file", newFile);
    LoadedRuleSet oldSet = ValidRules.check(oldBytes, oldFormat != null ? oldFormat : format,
        oldFile.toString(), "nothing compared", err());
    LoadedRuleSet newSet = ValidRules.check(newBytes, newFormat != null ? newFormat : format,
        newFile.toString(), "nothing compared", err());
    if (oldSet == null || newSet == null) {
      return CANNOT_COMPARE;
    }
    RuleSetDiff diff;
    try {
      diff = RuleSetDiff.diff(oldSet.ruleSet(), newSet.ruleSet());
    } catch (MapruleException e) {
      // not reached for validated rule sets; reported as "cannot compare", never as "changed"
      err().println("maprule: " + e.code() + ": " + e.getMessage() + "; nothing compared");
      err().flush();
      return CANNOT_COMPARE;
    }
    if (json) {
      out().println(new String(diff.toJson(), StandardCharsets.UTF_8));
    } else {
      out().print(diff.toText());
    }
    out().flush();
    return status(diff);
  }

  /** {@value #SAME} when no End-user prefix changes, else {@value #CHANGED}. */
  static int status(RuleSetDiff diff) {
    return diff.ruleChanges().isEmpty() ? SAME : CHANGED;
  }
}
