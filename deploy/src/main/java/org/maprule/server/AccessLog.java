package org.maprule.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Where {@code maprule serve --access-log} writes: one line per answered request, the JSON object
 * of {@link org.maprule.http.MapruleService#accessLogLine} and {@code \n} (JSON Lines). Writes are
 * buffered (64 KiB) and flushed at least once a second ({@link #flush()}, called by the server)
 * and on {@link #close()}, so a busy server does not make one system call per request. A file is
 * opened for appending and re-opened by {@link #reopen()} (after log rotation; {@code serve} does it
 * on SIGHUP). Thread-safe. A write that fails (disk full) is reported once to stderr and the log
 * goes on with the next line; serving never stops for the log.
 */
public final class AccessLog implements AutoCloseable {
  private static final int BUFFER = 64 * 1024;

  private final Path file;
  private OutputStream out;
  private boolean failed;

  private AccessLog(Path file, OutputStream out) {
    this.file = file;
    this.out = new BufferedOutputStream(out, BUFFER);
  }

  /**
   * A log appended to {@code file} (created when absent).
   *
   * @param file the log file
   * @return the log
   * @throws IOException when the file cannot be opened for appending
   */
  public static AccessLog toFile(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return new AccessLog(file, open(file));
  }

  /**
   * A log written to a stream that this log does not close (for example stdout).
   *
   * @param out the stream
   * @return the log
   */
  public static AccessLog to(OutputStream out) {
    Objects.requireNonNull(out, "out");
    return new AccessLog(null, new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    });
  }

  /**
   * Appends one line.
   *
   * @param line the JSON object, without newline
   */
  public synchronized void write(byte[] line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      failed(e);
    }
  }

  /** Writes buffered lines out. */
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      failed(e);
    }
  }

  /**
   * Flushes and re-opens the file (after it was moved by log rotation); nothing for a stream.
   *
   * @throws IOException when the file cannot be opened again; the old one stays in use
   */
  public synchronized void reopen() throws IOException {
    if (file == null) {
      flush();
      return;
    }
    OutputStream next = new BufferedOutputStream(open(file), BUFFER);
    try {
      out.close();
    } catch (IOException e) {
      failed(e);
    }
    out = next;
    failed = false;
  }

  /** Flushes and closes the file (a stream is flushed only). */
  @Override
  public synchronized void close() {
    try {
      if (file == null) {
        out.flush();
      } else {
        out.close();
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  private void failed(IOException e) {
    if (!failed) {
      failed = true;
      System.err.println("maprule: cannot write the access log"
          + (file == null ? "" : " " + file) + ": " + e.getMessage());
    }
  }

  private static OutputStream open(Path file) throws IOException {
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }
}
