package org.maprule.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.maprule.format.RuleSetFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --rules FILE} ({@link RulesFile}) and {@code --format} options shared by
 * {@code serve}, {@code calc} and {@code lookup}: without {@code --rules}, the built-in example
 * rule set (native format).
 */
final class RuleInput {
  @Mixin RulesFile file;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Format of the rules file: native (default), ocn or hb46pp.")
  RuleSetFormat format;

  /** The format to read with: {@code --format}, else native. */
  RuleSetFormat format() {
    return format == null ? RuleSetFormat.NATIVE : format;
  }

  /**
   * The rule-set document: the {@code --rules} file, or the built-in example.
   *
   * @param command for usage errors
   * @return the bytes
   * @throws CliIoException when the file cannot be read
   * @throws picocli.CommandLine.ParameterException when {@code --format} is given without {@code --rules}
   */
  byte[] read(CliCommand command) {
    return file.read(command, format, "--format");
  }

  /** Where the rules come from, for messages: the file name or {@code built-in example}. */
  String source() {
    return file.source();
  }

  /**
   * Reads a whole file.
   *
   * @param what what the file is, for the message
   * @param file the file
   * @return its bytes
   * @throws CliIoException naming the file when it cannot be read
   */
  static byte[] readFile(String what, Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new CliIoException("cannot read " + what + " '" + file + "': is a directory", null);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw CliIoException.reading(what, file, e);
    }
  }
}
