package org.maprule.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import picocli.CommandLine.Option;

/**
 * The {@code --rules FILE} option of the commands that work on one rule set and fall back to the
 * built-in example ({@code serve}, {@code calc}, {@code lookup} through {@link RuleInput};
 * {@code encode}, whose {@code --format} is the wire format, with its own
 * {@code --rules-format}).
 */
final class RulesFile {
  @Option(names = "--rules", paramLabel = "FILE",
      description = "Rule-set file. Default: the built-in example (documentation prefixes).")
  Path rules;

  /**
   * The rule-set document: the {@code --rules} file, or the built-in example (native) when it
   * was not given.
   *
   * @param command for usage errors
   * @param format the format given, or null for native
   * @param formatOption the option that gave {@code format}, for the usage message
   * @return the bytes
   * @throws CliIoException when the file cannot be read
   * @throws picocli.CommandLine.ParameterException when a non-native format is given without a
   *     file
   */
  byte[] read(CliCommand command, RuleSetFormat format, String formatOption) {
    if (rules == null) {
      if (format != null && format != RuleSetFormat.NATIVE) {
        throw command.usage(formatOption + " " + format.name().toLowerCase(Locale.ROOT)
            + " needs --rules FILE (the built-in example is native)");
      }
      return RuleSetLoader.exampleBytes();
    }
    return RuleInput.readFile("rules file", rules);
  }

  /**
   * Where the rules come from, for messages.
   *
   * @return the file name, or {@code built-in example}
   */
  String source() {
    return rules == null ? "built-in example" : rules.toString();
  }
}
