package org.maprule.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;

/**
 * The rule set a tool command ({@code encode}, {@code lookup}, {@code diff}) works on: read,
 * validated whole, and either returned (warnings are not printed, as in {@code calc}) or refused
 * with every violation on stderr — a command never works on an invalid rule set.
 */
final class ValidRules {
  private ValidRules() {}

  /**
   * The rule-set document: {@code file}, or the built-in example (native) when {@code file} is
   * null.
   *
   * @param command for usage errors
   * @param file the rules file, or null
   * @param format the format given, or null for native
   * @param formatOption the option that gave {@code format}, for the usage message
   * @return the bytes
   * @throws CliIoException when the file cannot be read
   * @throws picocli.CommandLine.ParameterException when a non-native format is given without a file
   */
  static byte[] read(CliCommand command, Path file, RuleSetFormat format, String formatOption) {
    if (file == null) {
      if (format != null && format != RuleSetFormat.NATIVE) {
        throw command.usage(formatOption + " " + format.name().toLowerCase(Locale.ROOT)
            + " needs --rules FILE (the built-in example is native)");
      }
      return RuleSetLoader.exampleBytes();
    }
    return RuleInput.readFile("rules file", file);
  }

  /**
   * Validates {@code bytes}; on an error prints every violation (errors and warnings, the
   * {@code validate} table) and {@code maprule: SOURCE is invalid (N errors); CONSEQUENCE} to
   * {@code err}.
   *
   * @param bytes the document
   * @param format its format (null: native)
   * @param source the file name or {@code built-in example}, for the message
   * @param consequence what is not done, for example {@code nothing encoded}
   * @param err standard error
   * @return the loaded rule set, or null when it is invalid
   */
  static LoadedRuleSet check(byte[] bytes, RuleSetFormat format, String source, String consequence,
      PrintWriter err) {
    RuleCheck check = RuleCheck.of(bytes, format == null ? RuleSetFormat.NATIVE : format);
    if (check.valid()) {
      return check.loaded();
    }
    ViolationTable.print(check.violations(), err);
    err.println("maprule: " + source + " is invalid ("
        + ViolationTable.count(check.errors(), "error") + "); " + consequence);
    err.flush();
    return null;
  }

  /** {@code FILE} or {@code built-in example}. */
  static String source(Path file) {
    return file == null ? "built-in example" : file.toString();
  }
}
