package org.maprule.http;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.maprule.validate.Violation;

/**
 * A reload of the rule set that was refused (docs/design.md §5): the new document could not be
 * read or failed validation, so the rule set loaded before stays served, as nginx keeps its
 * configuration on a bad reload. {@link MapruleService#withReloadFailure} shows it on
 * {@code /health} as the member {@code reload}:
 * {@code {"status":"failed","source":…,"at":…,"message":…,"violations":[{code, field, value,
 * message}…]}} (violations errors first, as {@code /health} lists them).
 *
 * @param source what was read, for example the file name {@code rules.json} (no directory: the
 *     answer is public)
 * @param at when the reload was tried, UTC; written with millisecond precision
 * @param message one sentence saying what went wrong and that the earlier rule set stays
 * @param violations the new document's violations, errors and warnings; empty when it could not
 *     be read at all
 */
public record ReloadFailure(String source, Instant at, String message, List<Violation> violations) {
  /** Checks non-null members and copies the list. */
  public ReloadFailure {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
    violations = List.copyOf(violations);
  }
}
