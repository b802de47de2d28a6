package org.maprule.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.maprule.http.Headers;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A maprule subcommand: {@link #run()} does the work; any exception it throws becomes one line
 * on stderr and an exit status through {@link Failures}, even when the command line was built
 * without {@link Maprule#commandLine()}.
 */
abstract class CliCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /**
   * Does the command's work.
   *
   * @return the exit status
   * @throws Exception any failure, reported by {@link Failures}
   */
  abstract int run() throws Exception;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (Exception e) {
      return Failures.report(e, spec.commandLine());
    }
  }

  /** The command's standard output (captured in tests). */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** The command's standard error (captured in tests). */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** A usage error found after parsing, exit status {@value Maprule#USAGE}. */
  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * Checks a header-name option's value.
   *
   * @param option the option, for the message ({@code --client-address-header})
   * @param name its value
   * @return {@code name}, an HTTP field name (RFC 9110 §5.1)
   * @throws CommandLine.ParameterException (usage) when {@code name} is not a token
   */
  String headerName(String option, String name) {
    if (!Headers.isFieldName(name)) {
      throw usage(option + " '" + name + "' is not an HTTP header name");
    }
    return name;
  }
}
