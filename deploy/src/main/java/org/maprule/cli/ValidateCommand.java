package org.maprule.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.maprule.format.RuleSetFormat;
import org.maprule.json.Json;
import org.maprule.validate.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maprule validate --rules FILE [--format …] [--json]} (docs/design.md §4): reads and validates
 * a rule set, lists every violation; exit {@value Maprule#OK} when valid (warnings allowed),
 * {@value Maprule#INVALID} when any error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Reads and validates a rule-set file, listing every violation (errors and "
        + "warnings) as SEVERITY CODE field value message, then a summary line.",
    footerHeading = "%nExit status:%n",
    footer = Maprule.EXIT_CODES)
final class ValidateCommand extends CliCommand {
  @Option(names = "--rules", paramLabel = "FILE", required = true, description = "Rule-set file.")
  Path rules;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Format of the file: native (default), ocn or hb46pp.")
  RuleSetFormat format;

  @Option(names = "--json", description = "Print one JSON object instead: "
      + "{\"valid\",\"digest\",\"errors\",\"warnings\",\"violations\":[{\"severity\",\"code\",\"field\",\"value\",\"message\"}]}")
  boolean json;

  @Override
  int run() {
    byte[] bytes = RuleInput.readFile("rules file", rules);
    RuleCheck check = RuleCheck.of(bytes, format == null ? RuleSetFormat.NATIVE : format);
    if (json) {
      out().println(new String(report(check), StandardCharsets.UTF_8));
    } else {
      ViolationTable.print(check.violations(), out());
      String counts = ViolationTable.count(check.errors(), "error") + ", "
          + ViolationTable.count(check.warnings(), "warning");
      out().println(check.valid()
          ? rules + ": valid (" + check.sizes() + "), " + counts + ", digest " + check.loaded().digest()
          : rules + ": invalid, " + counts + "; it would not be served");
    }
    out().flush();
    return check.valid() ? Maprule.OK : Maprule.INVALID;
  }

  /**
   * The {@code --json} object, fields in the documented order: {@code valid}, {@code digest}
   * (null when invalid), {@code errors}, {@code warnings}, {@code violations} as
   * {@code [{severity, code, field, value, message}]} ({@code value} null when absent).
   */
  static byte[] report(RuleCheck check) {
    return Json.write(w -> {
      w.beginObject()
          .field("valid", check.valid())
          .field("digest", check.valid() ? check.loaded().digest() : null)
          .field("errors", check.errors())
          .field("warnings", check.warnings())
          .name("violations").beginArray();
      for (Violation v : check.violations()) {
        w.beginObject()
            .field("severity", v.severity().name())
            .field("code", v.code().name())
            .field("field", v.field())
            .field("value", v.value())
            .field("message", v.message())
            .endObject();
      }
      w.endArray().endObject();
    });
  }
}
