package org.maprule.azure.bench;

import com.microsoft.azure.functions.HttpRequestMessage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.maprule.addr.Ipv6Address;
import org.maprule.config.ServiceSettings;
import org.maprule.format.RuleSetFormat;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

/**
 * First request of a fresh Azure Functions instance, without Azure: N fresh JVMs per variant, each
 * with the staged function app's jars ({@code target/azure-functions/<app>/*.jar} and
 * {@code lib/*}) on the class path, answering one CE {@code GET /hb46pp} through
 * {@code MapruleFunction} ({@link FirstRequest}); variants interleaved round by round. Reported per
 * variant: the time from launching the JVM to the answer (median, min, max), the part of it spent
 * in {@code main} (function constructed, rules loaded and validated, first request answered), and
 * the child's CPU time (all threads) at the answer. The Java worker's own start (gRPC, the host's
 * function load) is not included. Not a test: run with
 * {@code ./mvnw -o -Pbench verify -pl adapter-azure -am} (docs/benchmarks.md).
 *
 * <p>Arguments: {@code runs=N} (default 10). System properties: {@code maprule.azure.app} (the
 * staged folder, set by the pom), {@code maprule.sharedData} (for the JP variants, skipped when
 * {@code jp-rules.json} is absent). Writes a Markdown table to standard output and to
 * {@code target/azure-bench/first-request.md}.
 */
public final class FirstRequestBenchmark {
  private static final String EXAMPLE_CE = "2001:db8:12:3400::1";

  private record Variant(String name, String what, List<String> jvmOptions, Path rules, String ce) {}

  private FirstRequestBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code runs=N}
   * @throws Exception when a child fails
   */
  public static void main(String[] args) throws Exception {
    int runs = 10;
    for (String a : args) {
      if (a.startsWith("runs=")) {
        runs = Integer.parseInt(a.substring(5));
      } else if (!a.isBlank()) {
        throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    Path work = Path.of("target/azure-bench").toAbsolutePath();
    Files.createDirectories(work);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = classPath(Path.of(System.getProperty("maprule.azure.app")));

    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("example", "built-in example rules", List.of(), null, EXAMPLE_CE));
    if (JpRules.file() != null) {
      Path jp = work.resolve("jp-rules.native.json");
      List<Domain> domains = new ArrayList<>();
      JpRules.providers().forEach(p -> domains.addAll(JpRules.ruleSet(p).domains()));
      Files.write(jp, RuleSetFormat.NATIVE.write(RuleSet.of(86400, domains)));
      MapRule first = JpRules.rows().get(0).rule();
      String ce = Ipv6Address.of(first.ipv6Prefix().address().high(), 1).toString();
      String what = JpRules.rows().size() + " JP rules, " + domains.size()
          + " domains, native file (MAPRULE_RULES)";
      variants.add(new Variant("jp", what, List.of(), jp, ce));
      variants.add(new Variant("jp-c1", "jp with -XX:TieredStopAtLevel=1",
          List.of("-XX:TieredStopAtLevel=1"), jp, ce));
    } else {
      System.err.println("jp-rules.json absent (maprule.sharedData): JP variants skipped");
    }

    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Map<String, List<long[]>> results = new LinkedHashMap<>();
    variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
    for (int round = 0; round < runs; round++) {
      for (Variant v : variants) {
        results.get(v.name()).add(once(java, classPath, v, work.resolve(v.name() + ".log")));
      }
      System.err.printf(Locale.ROOT, "round %d/%d done%n", round + 1, runs);
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String table = table(variants, results, runs, loadBefore, loadAfter);
    System.out.println(table);
    Files.writeString(work.resolve("first-request.md"), table, StandardCharsets.UTF_8);
  }

  /** The staged app's jars and lib/, the worker's library (not in lib/), and this class. */
  private static String classPath(Path app) throws Exception {
    List<String> entries = new ArrayList<>();
    for (Path dir : List.of(app, app.resolve("lib"))) {
      try (Stream<Path> jars = Files.list(dir)) {
        jars.filter(p -> p.toString().endsWith(".jar")).sorted()
            .forEach(p -> entries.add(p.toString()));
      }
    }
    if (entries.size() < 2) {
      throw new IllegalStateException("no staged function app in " + app + " (run package)");
    }
    entries.add(location(HttpRequestMessage.class));
    entries.add(location(FirstRequest.class));
    return String.join(File.pathSeparator, entries);
  }

  private static String location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** One fresh JVM: {from launch, from JVM start, in main, CPU} in microseconds. */
  private static long[] once(String java, String classPath, Variant v, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(v.jvmOptions());
    long launch = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    command.addAll(List.of("-Dbench.launchMicros=" + launch, "-cp", classPath,
        FirstRequest.class.getName(), v.ce()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("MAPRULE_"));
    if (v.rules() != null) {
      pb.environment().put(ServiceSettings.RULES, v.rules().toString());
    }
    int exit = pb.start().waitFor();
    List<String> lines = Files.readAllLines(log);
    String line = lines.stream().filter(l -> l.startsWith("bench ")).findFirst().orElse(null);
    if (exit != 0 || line == null) {
      throw new IllegalStateException(v.name() + " exited " + exit + ", see " + log);
    }
    String[] f = line.split(" ");
    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
        Long.parseLong(f[4])};
  }

  private static String table(List<Variant> variants, Map<String, List<long[]>> results, int runs,
      double loadBefore, double loadAfter) {
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT,
        "%d runs per variant, %s %s, %d cores, load average %.1f before, %.1f after%n%n", runs,
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
    t.append("| variant | first answer, median ms | min | max | from JVM start, median ms "
        + "| in main, median ms | CPU, median ms | what |\n");
    t.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Variant v : variants) {
      List<long[]> r = results.get(v.name());
      List<Long> first = column(r, 0);
      t.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s |%n", v.name(),
          ms(median(first)), ms(first.get(0)), ms(first.get(first.size() - 1)),
          ms(median(column(r, 1))), ms(median(column(r, 2))), ms(median(column(r, 3))),
          v.what()));
    }
    return t.toString();
  }

  private static List<Long> column(List<long[]> rows, int i) {
    List<Long> c = new ArrayList<>();
    rows.forEach(r -> c.add(r[i]));
    Collections.sort(c);
    return c;
  }

  private static long median(List<Long> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long ms(long micros) {
    return Math.round(micros / 1000.0);
  }
}
