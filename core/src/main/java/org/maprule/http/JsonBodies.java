package org.maprule.http;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.maprule.validate.Violation;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The few JSON bodies the HTTP layer writes itself (problem+json, {@code /health}), with Jackson
 * 3's streaming {@link JsonGenerator}: compact, UTF-8, fixed member order, no floats, no trailing
 * newline, non-ASCII written as UTF-8 (not escaped). Strings are made well-formed first (a lone
 * surrogate becomes U+FFFD) so that nothing a client sends can make writing fail.
 */
final class JsonBodies {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private JsonBodies() {}

  /**
   * An RFC 9457 problem object with members in the order {@code type, title, status, detail,
   * code, field, value}; {@code field} and {@code value} are omitted when null.
   */
  static byte[] problem(String type, String title, int status, String detail, String code,
      String field, String value) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringProperty("type", type);
      g.writeStringProperty("title", title);
      g.writeNumberProperty("status", status);
      g.writeStringProperty("detail", clean(detail));
      g.writeStringProperty("code", code);
      if (field != null) {
        g.writeStringProperty("field", clean(field));
      }
      if (value != null) {
        g.writeStringProperty("value", clean(value));
      }
      g.writeEndObject();
    });
  }

  /**
   * The {@code /health} body: {@code status, ruleSet, domains, rules, cloud, version} and, when
   * {@code violations} is non-null, {@code violations} as {@code [{code, field, value,
   * message}]} in the order given, then, when {@code reload} is non-null, {@code reload} as
   * {@code {status:"failed", source, at, message, violations}} ({@link ReloadFailure}).
   */
  static byte[] health(String status, String digest, int domains, int rules, String cloud,
      String version, List<Violation> violations, ReloadFailure reload) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringProperty("status", status);
      if (digest == null) {
        g.writeNullProperty("ruleSet");
      } else {
        g.writeStringProperty("ruleSet", digest);
      }
      g.writeNumberProperty("domains", domains);
      g.writeNumberProperty("rules", rules);
      g.writeStringProperty("cloud", clean(cloud));
      g.writeStringProperty("version", clean(version));
      if (violations != null) {
        violations(g, violations);
      }
      if (reload != null) {
        g.writeName("reload");
        g.writeStartObject();
        g.writeStringProperty("status", "failed");
        g.writeStringProperty("source", clean(reload.source()));
        g.writeStringProperty("at", utc(reload.at()));
        g.writeStringProperty("message", clean(reload.message()));
        violations(g, reload.violations());
        g.writeEndObject();
      }
      g.writeEndObject();
    });
  }

  /** The member {@code violations}: {@code [{code, field, value, message}]} in the order given. */
  private static void violations(JsonGenerator g, List<Violation> violations) {
    g.writeName("violations");
    g.writeStartArray();
    for (Violation v : violations) {
      g.writeStartObject();
      g.writeStringProperty("code", v.code().name());
      g.writeStringProperty("field", clean(v.field()));
      if (v.value() == null) {
        g.writeNullProperty("value");
      } else {
        g.writeStringProperty("value", clean(v.value()));
      }
      g.writeStringProperty("message", clean(v.message()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * An instant as RFC 3339 UTC text with exactly three fraction digits, for example
   * {@code 2026-12-02T21:23:34.120Z} (sub-millisecond digits dropped).
   */
  static String utc(Instant t) {
    return UTC_MILLIS.format(t);
  }

  private static byte[] write(Consumer<JsonGenerator> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out,
        JsonEncoding.UTF8)) {
      body.accept(g);
    }
    return out.toByteArray();
  }

  /** {@code s} with every unpaired surrogate replaced by U+FFFD; null stays null. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c)) {
        bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (!bad) {
          if (b != null) {
            b.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        bad = Character.isLowSurrogate(c);
      }
      if (bad && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(bad ? '\uFFFD' : c);
      }
    }
    return b == null ? s : b.toString();
  }
}
