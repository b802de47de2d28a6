package org.maprule.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.maprule.json.Json;
import org.maprule.json.JsonWriter;
import org.maprule.validate.Violation;

/**
 * The few JSON bodies the HTTP layer writes itself (problem+json, {@code /health}), through the
 * one codec ({@link Json#write}: compact UTF-8, members in the order below, no floats, no trailing
 * newline, non-ASCII as UTF-8, U+2028/U+2029 escaped, an unpaired surrogate as U+FFFD, so nothing
 * a client sends can make writing fail).
 */
final class JsonBodies {
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private JsonBodies() {}

  /**
   * An RFC 9457 problem object with members in the order {@code type, title, status, detail,
   * code, field, value}; {@code field} and {@code value} are omitted when null.
   */
  static byte[] problem(String type, String title, int status, String detail, String code,
      String field, String value) {
    return Json.write(w -> w.beginObject()
        .field("type", type)
        .field("title", title)
        .field("status", status)
        .field("detail", detail)
        .field("code", code)
        .fieldIfPresent("field", field)
        .fieldIfPresent("value", value)
        .endObject());
  }

  /**
   * The {@code /health} body: {@code status, ruleSet, domains, rules, cloud, version} and, when
   * {@code violations} is non-null, {@code violations} as {@code [{code, field, value,
   * message}]} in the order given, then, when {@code reload} is non-null, {@code reload} as
   * {@code {status:"failed", source, at, message, violations}} ({@link ReloadFailure});
   * {@code ruleSet} and a violation's {@code value} are {@code null} when absent.
   */
  static byte[] health(String status, String digest, int domains, int rules, String cloud,
      String version, List<Violation> violations, ReloadFailure reload) {
    return Json.write(w -> {
      w.beginObject()
          .field("status", status)
          .field("ruleSet", digest)
          .field("domains", domains)
          .field("rules", rules)
          .field("cloud", cloud)
          .field("version", version);
      if (violations != null) {
        violations(w, violations);
      }
      if (reload != null) {
        w.name("reload").beginObject()
            .field("status", "failed")
            .field("source", reload.source())
            .field("at", utc(reload.at()))
            .field("message", reload.message());
        violations(w, reload.violations());
        w.endObject();
      }
      w.endObject();
    });
  }

  /** The member {@code violations}: {@code [{code, field, value, message}]} in the order given. */
  private static void violations(JsonWriter w, List<Violation> violations) {
    w.name("violations").beginArray();
    for (Violation v : violations) {
      w.beginObject()
          .field("code", v.code().name())
          .field("field", v.field())
          .field("value", v.value())
          .field("message", v.message())
          .endObject();
    }
    w.endArray();
  }

  /**
   * An instant as RFC 3339 UTC text with exactly three fraction digits, for example
   * {@code 2026-12-02T21:23:34.120Z} (sub-millisecond digits dropped).
   */
  static String utc(Instant t) {
    return UTC_MILLIS.format(t);
  }
}
