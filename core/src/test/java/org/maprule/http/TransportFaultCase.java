package org.maprule.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;

/**
 * One golden transport-fault answer, read from {@code http/transport-faults/<name>.txt} on the
 * classpath (core's test-jar; format in that folder's README): the fault, value and reason a
 * transport hands to {@link MapruleService#transportFault}, and the exact answer (status, every
 * header in order, body) core gives for them.
 *
 * @param name the file name without {@code .txt}
 * @param context {@code example} (the built-in rules) or {@code invalid} (no valid rule set)
 * @param fault the fault
 * @param value the offending client text, or null
 * @param reason what the transport saw, or null
 * @param status the expected status
 * @param headers the expected headers, in order, {@code {{digest}}} replaced
 * @param body the expected body, {@code {{digest}}} replaced
 */
public record TransportFaultCase(String name, String context, TransportFault fault, String value,
    String reason, int status, Headers headers, String body) {

  /** The classpath folder of the cases. */
  public static final String FOLDER = "http/transport-faults/";

  /**
   * Every case of {@code index.txt}, in its order.
   *
   * @return the cases
   * @throws IllegalArgumentException naming the file and line of a malformed case
   */
  public static List<TransportFaultCase> loadAll() {
    List<TransportFaultCase> out = new ArrayList<>();
    for (String line : read(FOLDER + "index.txt").split("\n")) {
      String n = line.strip();
      if (!n.isEmpty() && !n.startsWith("#")) {
        out.add(load(n));
      }
    }
    return out;
  }

  /**
   * The case named {@code name}.
   *
   * @param name the file name without {@code .txt}
   * @return the case
   * @throws IllegalArgumentException when the case is absent or malformed
   */
  public static TransportFaultCase load(String name) {
    return parse(name, read(FOLDER + name + ".txt"));
  }

  /**
   * The service a context stands for: the built-in example rules or a rule document that fails
   * validation, default configuration, cloud {@code contract}.
   *
   * @param context {@code example} or {@code invalid}
   * @return the service
   */
  public static MapruleService service(String context) {
    ServiceConfig config = ServiceConfig.defaults().withCloud("contract");
    return switch (context) {
      case "example" -> MapruleService.load(config, RuleSetLoader.exampleBytes(),
          RuleSetFormat.NATIVE);
      case "invalid" -> MapruleService.load(config, "{\"ttl\":0,\"domains\":[]}"
          .getBytes(StandardCharsets.UTF_8), RuleSetFormat.NATIVE);
      default -> throw new IllegalArgumentException("unknown context " + context);
    };
  }

  /** What core answers for this case's fault, value and reason in its context. */
  public HttpResponse answer() {
    return service(context).transportFault(fault, value, reason);
  }

  static TransportFaultCase parse(String name, String text) {
    List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
    int i = 0;
    while (i < lines.size() && lines.get(i).startsWith("#")) {
      i++;
    }
    String context = field(lines, i++, "context", name);
    TransportFault fault;
    try {
      fault = TransportFault.valueOf(field(lines, i++, "fault", name));
    } catch (IllegalArgumentException e) {
      throw bad(name, i, "not a TransportFault constant");
    }
    String value = null;
    String reason = null;
    if (lines.get(i).startsWith("value ")) {
      value = field(lines, i++, "value", name);
    }
    if (lines.get(i).startsWith("reason ")) {
      reason = field(lines, i++, "reason", name);
    }
    if (!lines.get(i++).isEmpty()) {
      throw bad(name, i, "expected a blank line after the fault");
    }
    String digest = service(context).ruleSetDigest();
    int status;
    try {
      status = Integer.parseInt(lines.get(i++));
    } catch (NumberFormatException e) {
      throw bad(name, i, "expected a status code");
    }
    Headers.Builder h = Headers.builder();
    while (!lines.get(i).isEmpty()) {
      String line = lines.get(i++);
      int c = line.indexOf(": ");
      if (c <= 0) {
        throw bad(name, i, "expected 'name: value'");
      }
      h.add(line.substring(0, c), line.substring(c + 2).replace("{{digest}}", digest));
    }
    String body = String.join("\n", lines.subList(i + 1, lines.size()));
    if (body.endsWith("\n")) {
      body = body.substring(0, body.length() - 1);
    }
    return new TransportFaultCase(name, context, fault, value, reason, status, h.build(),
        body.replace("{{digest}}", digest));
  }

  private static String field(List<String> lines, int i, String key, String name) {
    if (i >= lines.size() || !lines.get(i).startsWith(key + " ")) {
      throw bad(name, i + 1, "expected '" + key + " …'");
    }
    return lines.get(i).substring(key.length() + 1);
  }

  private static IllegalArgumentException bad(String name, int line, String what) {
    return new IllegalArgumentException(FOLDER + name + ".txt line " + line + ": " + what);
  }

  private static String read(String resource) {
    try (InputStream in = TransportFaultCase.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
