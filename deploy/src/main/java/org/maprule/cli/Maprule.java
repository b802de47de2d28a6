package org.maprule.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code maprule} command line (docs/design.md §4): {@code serve}, {@code validate} and
 * {@code calc}. Exit status: {@value #OK} ok, {@value #INVALID} invalid rule set or unmappable
 * prefix, {@value #USAGE} usage error, {@value #IO} file or socket error, {@value #INTERNAL}
 * internal error (a bug).
 */
@Command(
    name = "maprule",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "MAP-E (RFC 7597) rule distribution: serve rules to CEs; validate, calculate,"
        + " look up, diff and encode rule sets; compare two deployments (parity) and switch the"
        + " CDN's traffic between the clouds.",
    subcommands = {ServeCommand.class, ValidateCommand.class, CalcCommand.class,
        EncodeCommand.class,
        DecodeCommand.class,
        LookupCommand.class,
        DiffCommand.class,
        ParityCommand.class,
        TrafficCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExit status:%n",
    footer = Maprule.EXIT_CODES)
public final class Maprule implements Callable<Integer> {
  /** Success. */
  public static final int OK = 0;
  /** The rule set is invalid, or a prefix cannot be mapped. */
  public static final int INVALID = 1;
  /** Bad command line (picocli's usage error status). */
  public static final int USAGE = 2;
  /** A file could not be read, or the server could not listen. */
  public static final int IO = 3;
  /** Anything else: a bug in maprule, reported in one line without a stack trace. */
  public static final int INTERNAL = 4;

  /** The exit-status table every command's help ends with. */
  static final String EXIT_CODES = "  0  ok%n"
      + "  1  invalid rule set, or a prefix that cannot be mapped%n"
      + "  2  usage error (unknown option, bad value)%n"
      + "  3  I/O error: a file cannot be read, or the address cannot be bound%n"
      + "  4  internal error (a bug: please report it)";

  @Spec CommandSpec spec;

  /**
   * Runs maprule and exits with its status.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with maprule's error handling installed: every failure is one line on
   * stderr and an exit status from the table above, never a stack trace.
   *
   * @return a fresh command line; set its out/err to capture output
   */
  public static CommandLine commandLine() {
    return new CommandLine(new Maprule()).setExecutionExceptionHandler(new Failures());
  }

  /** {@code maprule} alone: prints the usage and fails as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }
}
