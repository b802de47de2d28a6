package org.maprule.aws.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.maprule.aws.HttpEventCodec;
import org.maprule.aws.runtime.FakeRuntimeApi;
import org.maprule.aws.runtime.LambdaRuntimeProcess;
import org.maprule.aws.runtime.LambdaRuntimeProcess.Layout;
import org.maprule.aws.runtime.LambdaRuntimeProcess.Options;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;

/**
 * Cold start of the shaded Lambda jar under the real runtime interface client, against a fake
 * Runtime API: the time from starting the JVM to the runtime posting the answer to the first
 * request (a CE's {@code GET /hb46pp} on the built-in example rules), median of N runs per
 * variant, variants interleaved round by round so machine noise spreads evenly. Also the child's
 * CPU time (all threads) at that moment, which other load on the machine disturbs far less than
 * wall time, and which is what a Lambda's fractional vCPU has to deliver. Not a test: run
 * with {@code ./mvnw -o -Pbench verify -pl adapter-aws} (docs/benchmarks.md).
 *
 * <p>Arguments: {@code runs=N} (default 10), {@code only=a,b} (variant names),
 * {@code java=/path/to/bin/java}, and {@code jar:NAME=PATH} to add a variant NAME running
 * {@code MapruleHandler} from another build of the jar on {@code -cp} (to compare build choices). Writes a Markdown table to standard output and to
 * {@code target/aws-bench/cold-start.md}.
 */
public final class ColdStartBenchmark {

  private record Variant(String name, String what, Options options, String appCdsTraining) {}

  private ColdStartBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code runs=N}, {@code only=a,b}, {@code java=PATH}
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int runs = 10;
    List<String> only = List.of();
    Map<String, Path> otherJars = new LinkedHashMap<>();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> words = new ArrayList<>();
    for (String a : args) {
      words.addAll(List.of(a.trim().split("\\s+"))); // Maven passes bench.args as one argument
    }
    for (String a : words) {
      if (a.startsWith("runs=")) {
        runs = Integer.parseInt(a.substring(5));
      } else if (a.startsWith("only=")) {
        only = List.of(a.substring(5).split(","));
      } else if (a.startsWith("jar:") && a.indexOf('=') > 4) {
        otherJars.put(a.substring(4, a.indexOf('=')), Path.of(a.substring(a.indexOf('=') + 1)).toAbsolutePath());
      } else if (a.startsWith("java=")) {
        java = Path.of(a.substring(5));
      } else if (!a.isBlank()) {
        throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    Path work = Path.of("target/aws-bench").toAbsolutePath();
    Files.createDirectories(work);
    System.setProperty("maprule.aws.work", work.toString());
    Path shaded = LambdaRuntimeProcess.shadedJar().toAbsolutePath();
    Path handlers = benchJar(work.resolve("bench-handlers.jar"));

    List<Variant> all = variants(java, shaded, handlers, work);
    for (Map.Entry<String, Path> e : otherJars.entrySet()) {
      all.add(new Variant(e.getKey(), "MapruleHandler from " + e.getValue().getFileName() + " on -cp",
          base(java).layout(Layout.CLASSPATH).functionJars(e.getValue()), null));
    }
    List<Variant> chosen = new ArrayList<>();
    for (Variant v : all) {
      if (only.isEmpty() || only.contains(v.name()) || otherJars.containsKey(v.name())) {
        chosen.add(v);
      }
    }
    // AppCDS archives: one training run each (dumped at JVM exit)
    for (Variant v : chosen) {
      if (v.appCdsTraining() != null) {
        train(v, work);
      }
    }
    Map<String, List<Long>> firstAnswer = new LinkedHashMap<>();
    Map<String, List<Long>> initDone = new LinkedHashMap<>();
    Map<String, List<Long>> cpu = new LinkedHashMap<>();
    for (Variant v : chosen) {
      firstAnswer.put(v.name(), new ArrayList<>());
      initDone.put(v.name(), new ArrayList<>());
      cpu.put(v.name(), new ArrayList<>());
    }
    byte[] event = event();
    for (int round = 0; round < runs; round++) {
      for (Variant v : chosen) {
        long[] t = once(v.options(), event, work.resolve(v.name() + ".log"));
        firstAnswer.get(v.name()).add(t[0]);
        initDone.get(v.name()).add(t[1]);
        cpu.get(v.name()).add(t[2]);
      }
      System.err.printf(Locale.ROOT, "round %d/%d done%n", round + 1, runs);
    }
    String table = table(chosen, firstAnswer, initDone, cpu, runs, java);
    System.out.println(table);
    Files.writeString(work.resolve("cold-start.md"), table, StandardCharsets.UTF_8);
  }

  private static List<Variant> variants(Path java, Path shaded, Path handlers, Path work) {
    String baseline = BaselineHandler.class.getName() + "::handleRequest";
    String plain = PlainCoreHandler.class.getName() + "::handleRequest";
    List<Variant> v = new ArrayList<>();
    v.add(new Variant("baseline", "plain RequestStreamHandler, fixed answer (bench jar on -cp)",
        base(java).layout(Layout.CLASSPATH).functionJars(handlers).handler(baseline), null));
    v.add(new Variant("baseline+cds", "baseline + AppCDS archive",
        base(java).layout(Layout.CLASSPATH).functionJars(handlers).handler(baseline), "baseline"));
    v.add(new Variant("plain-core", "codec + core, no Spring (shaded jar on -cp)",
        base(java).layout(Layout.CLASSPATH).functionJars(shaded, handlers).handler(plain), null));
    v.add(new Variant("maprule", "MapruleHandler, jar unpacked in the task root (as Lambda runs an uploaded jar)",
        base(java).layout(Layout.EXTRACTED).functionJars(shaded), null));
    v.add(new Variant("maprule-jar", "MapruleHandler, shaded jar on -cp",
        base(java).layout(Layout.CLASSPATH).functionJars(shaded), null));
    v.add(new Variant("maprule-annotated", "maprule-jar, but @SpringBootApplication + @Bean (auto-configuration, scanning)",
        base(java).layout(Layout.CLASSPATH).functionJars(shaded, handlers)
            .env("MAIN_CLASS", AnnotatedApplication.class.getName()), null));
    v.add(new Variant("maprule-c2", "maprule-jar without -XX:TieredStopAtLevel=1",
        base(java).layout(Layout.CLASSPATH).functionJars(shaded)
            .jvmOptions(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m")), null));
    v.add(new Variant("maprule-lazy", "maprule-jar + spring.main.lazy-initialization=true",
        base(java).layout(Layout.CLASSPATH).functionJars(shaded)
            .addJvmOptions("-Dspring.main.lazy-initialization=true"), null));
    v.add(new Variant("maprule+cds", "maprule-jar + AppCDS archive",
        base(java).layout(Layout.CLASSPATH).functionJars(shaded), "maprule"));
    v.add(new Variant("maprule-lib+cds", "jar as task-root lib/ + AppCDS archive",
        base(java).layout(Layout.LIB_JAR).functionJars(shaded), "maprule-lib"));
    v.add(new Variant("plain-core+cds", "plain-core + AppCDS archive",
        base(java).layout(Layout.CLASSPATH).functionJars(shaded, handlers).handler(plain), "plain-core"));
    return v;
  }

  private static Options base(Path java) {
    return new Options().java(java);
  }

  /** Trains an AppCDS archive for {@code v} and points its options at it. */
  private static void train(Variant v, Path work) throws Exception {
    Path archive = work.resolve(v.appCdsTraining() + ".jsa");
    Files.deleteIfExists(archive);
    Options training = copyWith(v.options(), "-XX:ArchiveClassesAtExit=" + archive);
    try (LambdaRuntimeProcess p = LambdaRuntimeProcess.start(
        training.logFile(work.resolve(v.name() + "-training.log")))) {
      for (String target : List.of("/hb46pp?vendorid=acde48&product=bench&version=1&capability=map_e",
          "/?ipv6Prefix=2001:db8:12:3400::&ipv6PrefixLength=56&code=x", "/health", "/rules",
          "/calc?prefix=2001:db8:12:3400::/56", "/nowhere")) {
        p.invoke(HttpEventCodec.functionUrlEvent(HttpRequest.get(target,
            Headers.of("user-agent", "bench"), "2001:db8:12:3400::1")), Duration.ofSeconds(120));
      }
      // SIGTERM: the JVM exits normally and writes the dynamic archive
      p.process().destroy();
      p.process().waitFor();
    }
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("no AppCDS archive written for " + v.name()
          + "; see " + work.resolve(v.name() + "-training.log"));
    }
    v.options().addJvmOptions("-XX:SharedArchiveFile=" + archive);
  }

  private static Options copyWith(Options o, String extraJvmOption) {
    return o.copy().addJvmOptions(extraJvmOption);
  }

  private static long[] once(Options options, byte[] event, Path log) throws IOException {
    try (LambdaRuntimeProcess p = LambdaRuntimeProcess.start(options.logFile(log))) {
      FakeRuntimeApi.Result r = p.invoke(event, Duration.ofSeconds(120));
      if (r.error() || !r.text().startsWith("{\"statusCode\":")) {
        throw new IllegalStateException("bad answer: " + r.text() + "\n" + p.log());
      }
      long first = (r.nanoTime() - p.startNanos()) / 1_000_000;
      long init = (p.api().firstNext().join() - p.startNanos()) / 1_000_000;
      long cpu = p.process().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
      return new long[] {first, init, cpu};
    }
  }

  private static byte[] event() {
    return HttpEventCodec.functionUrlEvent(HttpRequest.get(
        "/hb46pp?vendorid=acde48-maprule&product=bench&version=1_0&capability=map_e",
        Headers.of("user-agent", "bench", "accept", "application/json"), "2001:db8:12:3400::1"));
  }

  private static String table(List<Variant> variants, Map<String, List<Long>> first,
      Map<String, List<Long>> init, Map<String, List<Long>> cpu, int runs, Path java)
      throws Exception {
    long baseline = first.containsKey("baseline") ? median(first.get("baseline")) : -1;
    StringBuilder b = new StringBuilder();
    b.append("Cold start, ").append(runs).append(" runs per variant, ")
        .append(Instant.now().toString(), 0, 16).append("Z; JVM: ").append(javaVersion(java))
        .append("; ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load ")
        .append(String.format(Locale.ROOT, "%.1f",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
        .append("\n\n");
    b.append("| variant | median ms to first answer | min | max | median ms to init done "
        + "| median CPU ms | × baseline | what |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Variant v : variants) {
      List<Long> f = first.get(v.name());
      long m = median(f);
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s | %s |%n", v.name(), m,
          f.stream().mapToLong(x -> x).min().orElse(0), f.stream().mapToLong(x -> x).max().orElse(0),
          median(init.get(v.name())), median(cpu.get(v.name())),
          baseline > 0 ? String.format(Locale.ROOT, "%.2f", (double) m / baseline) : "–", v.what()));
    }
    return b.toString();
  }

  private static long median(List<Long> values) {
    long[] s = values.stream().mapToLong(x -> x).sorted().toArray();
    if (s.length == 0) {
      return 0;
    }
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String javaVersion(Path java) throws Exception {
    Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().skip(1).findFirst().orElse(out).trim();
  }

  /** A jar with the bench handlers (AppCDS archives classes from jars only). */
  private static Path benchJar(Path jar) throws IOException {
    Path classes = Path.of("target/test-classes");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes.resolve("org/maprule/aws/bench"))) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = classes.relativize(f).toString().replace('\\', '/');
        j.putNextEntry(new JarEntry(name));
        try (InputStream in = Files.newInputStream(f)) {
          in.transferTo(j);
        }
        j.closeEntry();
      }
    }
    return jar;
  }

}
