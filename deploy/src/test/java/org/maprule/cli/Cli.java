package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.maprule.server.LocalServer;
import org.maprule.server.LoopbackClient;
import picocli.CommandLine;

/** Runs the maprule command line in-process with captured output. */
final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    /** The stdout lines. */
    List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\r?\n"));
    }

    /** Asserts that nothing looks like a stack trace. */
    Result noStackTrace() {
      assertThat(out + err).doesNotContain("\tat ").doesNotContain("Exception:");
      return this;
    }
  }

  /**
   * Runs {@code new CommandLine(new Maprule()).execute(args)} — the command line exactly as a
   * test or embedder would build it, without {@link Maprule#commandLine()}'s handler.
   */
  static Result run(String... args) {
    return run(new CommandLine(new Maprule()), args);
  }

  /** Runs {@code args} on {@code cl} with captured stdout and stderr. */
  static Result run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** A running {@code maprule serve}, stopped by {@link #close()}. */
  static final class Served implements AutoCloseable {
    final ServeCommand command;
    final LocalServer server;
    final LoopbackClient client;
    private final FutureTask<Integer> task;
    private final StringWriter out;
    private final StringWriter err;

    private Served(ServeCommand command, LocalServer server, FutureTask<Integer> task,
        StringWriter out, StringWriter err) {
      this.command = command;
      this.server = server;
      this.task = task;
      this.out = out;
      this.err = err;
      this.client = new LoopbackClient(server.address().getAddress().getHostAddress().replaceFirst("%.*", ""),
          server.port());
    }

    String out() {
      return out.toString();
    }

    String err() {
      return err.toString();
    }

    /** Stops the server; returns the command's exit status. */
    int stop() throws ExecutionException, TimeoutException {
      command.stop();
      try {
        return task.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while stopping serve", e);
      }
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
      if (!task.isDone()) {
        stop();
      }
    }
  }

  /**
   * Starts {@code maprule serve ARGS} on a thread and waits until it listens.
   *
   * @throws IllegalStateException with its output when serve ended without listening
   */
  static Served serve(String... args) throws Exception {
    CommandLine cl = new CommandLine(new Maprule());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    ServeCommand command = (ServeCommand) cl.getSubcommands().get("serve").getCommand();
    String[] all = Stream.concat(Stream.of("serve"), Stream.of(args)).toArray(String[]::new);
    FutureTask<Integer> task = new FutureTask<>(() -> cl.execute(all));
    Thread t = new Thread(task, "maprule-serve-test");
    t.setDaemon(true);
    t.start();
    try {
      return new Served(command, command.started().get(60, TimeUnit.SECONDS), task, out, err);
    } catch (ExecutionException e) {
      throw new IllegalStateException("serve did not start, exit " + task.get(10, TimeUnit.SECONDS)
          + "\nstdout: " + out + "\nstderr: " + err);
    }
  }

  /** A classpath resource's bytes (core's test-jar included). */
  static byte[] resource(String name) {
    try (InputStream in = Cli.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no classpath resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file names directly in a classpath resource folder, from a directory or a jar; empty
   * when the folder is absent.
   */
  static List<String> resourceFolder(String folder) {
    URL url = Cli.class.getClassLoader().getResource(folder);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return list(fs.getPath(folder));
      }
      return list(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list " + url, e);
    }
  }

  private static List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }
}
