package org.maprule.aws.runtime;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The shaded Lambda jar running under the real AWS Lambda runtime interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}) in a child JVM, talking
 * to a {@link FakeRuntimeApi}: the way the managed {@code java21} runtime runs a function.
 *
 * <p>The runtime client and its own dependencies are on the JVM class path (as the managed runtime
 * has them under {@code /var/runtime}); the function is found by the client's
 * {@code CustomerClassLoader} in the working directory, the task root ({@code /var/task} on
 * Lambda), laid out per {@link Layout}. Environment: only what Lambda sets
 * ({@code AWS_LAMBDA_RUNTIME_API}, {@code _HANDLER}, {@code LAMBDA_TASK_ROOT}, function name,
 * version, memory, region, {@code TZ}, {@code LANG}) plus the caller's variables; nothing is
 * inherited from the test JVM. Standard output and error go to a log file.
 */
public final class LambdaRuntimeProcess implements AutoCloseable {
  /** The handler every maprule deployment uses. */
  public static final String HANDLER = "org.maprule.aws.MapruleHandler::handleRequest";
  /** Spring Cloud Function's own handler (works too, without SnapStart priming). */
  public static final String SCF_HANDLER =
      "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
  /** JVM options close to the managed java21 runtime's defaults. */
  public static final List<String> LAMBDA_JVM_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx512m");

  /** Where the function's code sits in the task root. */
  public enum Layout {
    /** The jar's entries unpacked into the task root: what Lambda does with an uploaded jar. */
    EXTRACTED,
    /** The jar as {@code lib/maprule-aws.jar} under the task root: a zip with a {@code lib/} folder. */
    LIB_JAR,
    /** The jar on the JVM class path next to the runtime client (only for benchmarks). */
    CLASSPATH
  }

  /** The options of one child JVM. */
  public static final class Options {
    private Layout layout = Layout.EXTRACTED;
    private String handler = HANDLER;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(LAMBDA_JVM_OPTIONS);
    private final List<Path> extraClasspath = new ArrayList<>();
    private List<Path> functionJars;
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private Path logFile;

    /**
     * Sets the jars holding the function (default: the shaded jar); with {@link Layout#CLASSPATH}
     * they go on the JVM class path, otherwise only the first is used.
     */
    public Options functionJars(Path... jars) {
      this.functionJars = List.of(jars);
      return this;
    }

    /** Sets the {@code java} launcher (default: this JVM's). */
    public Options java(Path launcher) {
      this.java = launcher;
      return this;
    }

    /** A copy of these options. */
    public Options copy() {
      Options o = new Options();
      o.layout = layout;
      o.handler = handler;
      o.env.putAll(env);
      o.jvmOptions.clear();
      o.jvmOptions.addAll(jvmOptions);
      o.extraClasspath.addAll(extraClasspath);
      o.functionJars = functionJars;
      o.java = java;
      o.logFile = logFile;
      return o;
    }

    /** Sets the code layout. */
    public Options layout(Layout l) {
      this.layout = l;
      return this;
    }

    /** Sets the handler string ({@code class::method}). */
    public Options handler(String h) {
      this.handler = h;
      return this;
    }

    /** Adds an environment variable. */
    public Options env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /** Adds environment variables. */
    public Options env(Map<String, String> vars) {
      env.putAll(vars);
      return this;
    }

    /** Replaces the JVM options. */
    public Options jvmOptions(List<String> options) {
      jvmOptions.clear();
      jvmOptions.addAll(options);
      return this;
    }

    /** Adds JVM options. */
    public Options addJvmOptions(String... options) {
      jvmOptions.addAll(List.of(options));
      return this;
    }

    /** Adds class path entries after the runtime client (test classes for stub applications). */
    public Options extraClasspath(Path... entries) {
      extraClasspath.addAll(List.of(entries));
      return this;
    }

    /** Sets the log file (default: a temporary file). */
    public Options logFile(Path f) {
      this.logFile = f;
      return this;
    }
  }

  private final Process process;
  private final FakeRuntimeApi api;
  private final Path logFile;
  private final long startNanos;

  private LambdaRuntimeProcess(Process process, FakeRuntimeApi api, Path logFile, long startNanos) {
    this.process = process;
    this.api = api;
    this.logFile = logFile;
    this.startNanos = startNanos;
  }

  /**
   * Starts a fake Runtime API and the child JVM. Returns at once; the first {@link #invoke}
   * waits for the function's init.
   *
   * @param options the options
   * @return the running process
   * @throws IOException when the JVM cannot be started or the jar laid out
   */
  public static LambdaRuntimeProcess start(Options options) throws IOException {
    List<Path> jars = options.functionJars != null ? options.functionJars : List.of(shadedJar());
    Path jar = jars.isEmpty() ? null : jars.get(0);
    Path work = Path.of(System.getProperty("maprule.aws.work", "target/aws-runtime"));
    Files.createDirectories(work);
    List<String> classpath = new ArrayList<>();
    for (Path p : runtimeClientClasspath()) {
      classpath.add(p.toString());
    }
    Path taskRoot;
    switch (options.layout) {
      case EXTRACTED -> taskRoot = extracted(jar, work);
      case LIB_JAR -> {
        taskRoot = work.resolve("task-lib");
        Files.createDirectories(taskRoot.resolve("lib"));
        Files.copy(jar, taskRoot.resolve("lib/maprule-aws.jar"), StandardCopyOption.REPLACE_EXISTING);
      }
      default -> {
        taskRoot = work.resolve("task-empty");
        Files.createDirectories(taskRoot);
        for (int i = jars.size() - 1; i >= 0; i--) {
          classpath.add(0, jars.get(i).toAbsolutePath().toString());
        }
      }
    }
    for (Path p : options.extraClasspath) {
      classpath.add(p.toAbsolutePath().toString());
    }
    Path log = options.logFile != null ? options.logFile
        : Files.createTempFile(work, "runtime-", ".log");
    FakeRuntimeApi api = new FakeRuntimeApi();
    List<String> command = new ArrayList<>();
    command.add(options.java.toString());
    command.addAll(options.jvmOptions);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
    command.add(options.handler);
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(taskRoot.toAbsolutePath().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("TZ", ":UTC");
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("_HANDLER", options.handler);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
    env.put("AWS_LAMBDA_FUNCTION_NAME", "maprule");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.put("AWS_REGION", "ap-northeast-1");
    env.putAll(options.env);
    long start = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      api.close();
      throw e;
    }
    return new LambdaRuntimeProcess(p, api, log, start);
  }

  /**
   * Sends one event through the runtime and waits for what the function posts back.
   *
   * @param event the event JSON
   * @param timeout how long to wait (init included on the first call)
   * @return the posted result ({@code /response} or {@code /error})
   * @throws IllegalStateException when the runtime reports an init error, dies or times out; the
   *     message holds the end of the child's log
   */
  public FakeRuntimeApi.Result invoke(byte[] event, Duration timeout) {
    try {
      return api.invoke(event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer from the runtime (" + e + ");"
          + (process.isAlive() ? "" : " exit " + process.exitValue()) + " log:\n" + logTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The fake Runtime API this process talks to. */
  public FakeRuntimeApi api() {
    return api;
  }

  /** {@link System#nanoTime()} just before the child JVM was started. */
  public long startNanos() {
    return startNanos;
  }

  /** The child's whole log (standard output and error) so far. */
  public String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log file. */
  public Path logFile() {
    return logFile;
  }

  /** The process. */
  public Process process() {
    return process;
  }

  private String logTail() {
    String l = log();
    return l.length() > 6000 ? l.substring(l.length() - 6000) : l;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    api.close();
  }

  /** The shaded jar built by {@code package} (system property {@code maprule.aws.jar}). */
  public static Path shadedJar() {
    String p = System.getProperty("maprule.aws.jar");
    if (p == null) {
      throw new IllegalStateException("system property maprule.aws.jar is not set (run through "
          + "'mvn verify', which builds the shaded jar first)");
    }
    Path jar = Path.of(p);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no shaded jar at " + jar + " (run 'mvn package' first)");
    }
    return jar;
  }

  /**
   * The runtime interface client and its dependencies, found on this JVM's class path (Maven
   * resolves them as test dependencies; failsafe runs without a manifest-only jar so they show).
   */
  public static List<Path> runtimeClientClasspath() {
    String[] wanted = {"aws-lambda-java-runtime-interface-client-", "aws-lambda-java-serialization-",
        "aws-lambda-java-core-", "utils-lite-", "/software/amazon/awssdk/annotations/"};
    List<Path> out = new ArrayList<>();
    for (String w : wanted) {
      for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
        String name = w.startsWith("/") ? e.replace(File.separatorChar, '/') : Path.of(e).getFileName().toString();
        if ((w.startsWith("/") ? name.contains(w) : name.startsWith(w)) && e.endsWith(".jar")) {
          out.add(Path.of(e));
          break;
        }
      }
    }
    if (out.size() != wanted.length) {
      throw new IllegalStateException("runtime interface client jars not all on the class path: "
          + out + " (failsafe/surefire need useManifestOnlyJar=false)");
    }
    return out;
  }

  private static Path extracted(Path jar, Path work) throws IOException {
    String key = Long.toHexString(Files.size(jar)) + "-"
        + Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
    Path dir = work.resolve("task-extracted-" + key);
    Path done = dir.resolve(".extracted");
    if (Files.exists(done)) {
      return dir;
    }
    synchronized (LambdaRuntimeProcess.class) {
      if (Files.exists(done)) {
        return dir;
      }
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          Path target = dir.resolve(e.getName()).normalize();
          if (!target.startsWith(dir)) {
            throw new IOException("bad zip entry " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(e)) {
              Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
      Files.writeString(done, jar.toString());
      return dir;
    }
  }
}
