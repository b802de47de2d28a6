package org.maprule.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file that cannot be read or an address that cannot be bound: exit status
 * {@value Maprule#IO}, with a message naming the file or address and the reason.
 */
final class CliIoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliIoException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The failure to read {@code file}.
   *
   * @param what what the file is, for example {@code rules file}
   * @param file the file
   * @param cause the I/O error
   * @return the exception, with a message such as {@code cannot read rules file 'x.json': no such file}
   */
  static CliIoException reading(String what, Path file, IOException cause) {
    return new CliIoException("cannot read " + what + " '" + file + "': " + reason(cause), cause);
  }

  /** A short reason for an I/O error, without the exception's class name. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
