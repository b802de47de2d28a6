package org.maprule.cli;

import java.io.PrintWriter;
import org.maprule.MapruleException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and an exit status ({@link Maprule}): a file or socket
 * error {@value Maprule#IO}, a {@link MapruleException} {@value Maprule#INVALID}, a usage
 * problem found late {@value Maprule#USAGE}, anything else {@value Maprule#INTERNAL}. Never
 * prints a stack trace.
 */
final class Failures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    return report(ex, commandLine);
  }

  /**
   * Reports {@code failure} on {@code commandLine}'s error stream.
   *
   * @param failure what went wrong
   * @param commandLine the (sub)command that failed
   * @return the exit status
   */
  static int report(Exception failure, CommandLine commandLine) {
    PrintWriter err = commandLine.getErr();
    int status;
    if (failure instanceof CliIoException) {
      err.println("maprule: " + failure.getMessage());
      status = Maprule.IO;
    } else if (failure instanceof CommandLine.ParameterException) {
      err.println("maprule " + commandLine.getCommandName() + ": " + failure.getMessage());
      err.println("Try 'maprule " + commandLine.getCommandName() + " --help' for more information.");
      status = Maprule.USAGE;
    } else if (failure instanceof MapruleException m) {
      err.println("maprule: " + m.code() + ": " + m.getMessage());
      status = Maprule.INVALID;
    } else {
      err.println("maprule: internal error: " + failure);
      status = Maprule.INTERNAL;
    }
    err.flush();
    return status;
  }
}
