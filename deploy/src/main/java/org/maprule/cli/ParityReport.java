package org.maprule.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.maprule.json.Json;
import org.maprule.json.JsonWriter;
import org.maprule.parity.Answer;
import org.maprule.parity.AnswerDiff;
import org.maprule.sample.CeRequest;
import org.maprule.sample.Endpoint;

/**
 * What {@code maprule parity} found, and its two renderings (text, {@code --json}; docs/cli.md):
 * both endpoints' {@code /health}, the requests per endpoint, every difference, and a verdict
 * when no requests could be compared. No I/O but the printing.
 */
final class ParityReport {
  /** One endpoint's {@code /health}. */
  record Health(String url, int status, String state, String cloud, String ruleSet) {
    /** Whether it serves a valid rule set: 200 with status {@code ok} and a digest. */
    boolean ok() {
      return status == 200 && "ok".equals(state) && ruleSet != null;
    }
  }

  /** A request whose answers differ, and how. */
  record Difference(CeRequest request, AnswerDiff diff) {}


  final List<Health> health;
  final long seed;
  final int samples;
  final Map<Endpoint, int[]> counts = new EnumMap<>(Endpoint.class);
  final List<Difference> differences = new ArrayList<>();
  boolean sameRuleSet;
  String sampledFrom;
  String verdict;

  /**
   * An empty report.
   *
   * @param health both endpoints' {@code /health}, in order
   * @param seed the seed of the requests
   * @param samples requests per endpoint
   */
  ParityReport(List<Health> health, long seed, int samples) {
    this.health = health;
    this.seed = seed;
    this.samples = samples;
  }

  /** Counts one compared request; {@code diff} null when both answers were the same. */
  void count(CeRequest request, AnswerDiff diff) {
    int[] c = counts.computeIfAbsent(request.endpoint(), k -> new int[2]);
    c[0]++;
    if (diff != null) {
      c[1]++;
      differences.add(new Difference(request, diff));
    }
  }

  int requests() {
    return counts.values().stream().mapToInt(c -> c[0]).sum();
  }

  boolean identical() {
    return verdict == null && differences.isEmpty();
  }

  /**
   * Prints the report.
   *
   * @param out where to
   * @param asJson one JSON object instead of the text
   * @return {@value Maprule#OK} when identical, else {@value ParityCommand#DIFFERENT}
   */
  int print(PrintWriter out, boolean asJson) {
    if (asJson) {
      out.println(new String(json(), StandardCharsets.UTF_8));
    } else {
      text(out);
    }
    out.flush();
    return identical() ? Maprule.OK : ParityCommand.DIFFERENT;
  }

  private void text(PrintWriter out) {
    for (int i = 0; i < health.size(); i++) {
      Health h = health.get(i);
      out.println("endpoint " + (i + 1) + "  " + h.url() + "  /health " + h.status()
          + (h.state() == null ? "" : " " + h.state())
          + (h.cloud() == null ? "" : ", cloud " + h.cloud())
          + ", rule set " + (h.ruleSet() == null ? "none" : h.ruleSet()));
    }
    if (sampledFrom != null) {
      out.println("samples   seed " + seed + ", " + samples + " per format, from endpoint 1 /rules ("
          + sampledFrom + ")");
    }
    int shown = 0;
    for (Difference d : differences) {
      if (shown++ == ParityCommand.SHOWN) {
        out.println("… " + (differences.size() - ParityCommand.SHOWN)
            + " more differences (see --json)");
        break;
      }
      printDifference(out, d);
    }
    if (!counts.isEmpty()) {
      out.println(String.format("%-8s %8s %10s %10s", "format", "requests", "identical", "different"));
      counts.forEach((f, c) -> out.println(String.format("%-8s %8d %10d %10d",
          f.label(), c[0], c[0] - c[1], c[1])));
    }
    if (verdict != null) {
      out.println("parity: DIFFERENT: " + verdict);
    } else {
      out.println("parity: " + requests() + " requests, " + (requests() - differences.size())
          + " identical, " + (differences.isEmpty() ? "0 different"
          : differences.size() + " DIFFERENT"));
    }
  }

  private static void printDifference(PrintWriter out, Difference d) {
    CeRequest r = d.request();
    StringBuilder sent = new StringBuilder();
    r.headers().forEach((k, v) -> sent.append("  (").append(k).append(": ").append(v).append(')'));
    out.println("DIFFERENT " + r.endpoint().label() + " " + r.method() + " " + r.target() + sent);
    AnswerDiff diff = d.diff();
    Answer a = diff.first();
    Answer b = diff.second();
    if (diff.unanswered()) {
      out.println("  answer        " + (a.answered() ? "ok" : "none (" + a.error() + ")")
          + " | " + (b.answered() ? "ok" : "none (" + b.error() + ")"));
      return;
    }
    if (diff.status()) {
      out.println("  status        " + a.status() + " | " + b.status());
    }
    for (AnswerDiff.HeaderDiff h : diff.headers()) {
      out.println(String.format("  %-13s %s | %s", h.name(), quote(h.first()), quote(h.second())));
    }
    int at = diff.bodyOffset();
    if (at >= 0) {
      out.println("  body          first difference at byte " + at + " (lengths "
          + a.body().length + " | " + b.body().length + ")");
      out.println("    1: " + AnswerDiff.snippet(a.body(), at));
      out.println("    2: " + AnswerDiff.snippet(b.body(), at));
    }
  }

  private byte[] json() {
    return Json.write(w -> {
      w.beginObject().field("identical", identical());
      w.name("endpoints").beginArray();
      for (Health h : health) {
        w.beginObject()
            .field("url", h.url())
            .field("health", h.status())
            .field("status", h.state())
            .field("cloud", h.cloud())
            .field("ruleSet", h.ruleSet())
            .endObject();
      }
      w.endArray()
          .field("sameRuleSet", sameRuleSet)
          .field("verdict", verdict)
          .field("seed", seed)
          .field("samplesPerFormat", samples)
          .field("requests", requests())
          .field("different", differences.size());
      w.name("formats").beginObject();
      counts.forEach((f, c) -> w.name(f.label()).beginObject()
          .field("requests", c[0])
          .field("identical", c[0] - c[1])
          .field("different", c[1])
          .endObject());
      w.endObject();
      w.name("differences").beginArray();
      for (Difference d : differences) {
        json(w, d);
      }
      w.endArray().endObject();
    });
  }

  private static void json(JsonWriter w, Difference d) {
    w.beginObject()
        .field("format", d.request().endpoint().label())
        .field("method", d.request().method())
        .field("target", d.request().target());
    w.name("headers").beginObject();
    d.request().headers().forEach(w::field);
    w.endObject();
    AnswerDiff diff = d.diff();
    Answer a = diff.first();
    Answer b = diff.second();
    if (diff.unanswered()) {
      w.name("errors").beginArray().value(a.error()).value(b.error()).endArray().endObject();
      return;
    }
    w.name("status").beginArray().value(a.status()).value(b.status()).endArray();
    w.name("headerDifferences").beginObject();
    for (AnswerDiff.HeaderDiff h : diff.headers()) {
      w.name(h.name()).beginArray().value(h.first()).value(h.second()).endArray();
    }
    w.endObject();
    int at = diff.bodyOffset();
    if (at >= 0) {
      w.name("body").beginObject().field("offset", at);
      w.name("lengths").beginArray().value(a.body().length).value(b.body().length).endArray();
      w.name("snippets").beginArray().value(AnswerDiff.snippet(a.body(), at))
          .value(AnswerDiff.snippet(b.body(), at)).endArray();
      w.endObject();
    }
    w.endObject();
  }

  private static String quote(String s) {
    return s == null ? "(absent)" : s;
  }
}
