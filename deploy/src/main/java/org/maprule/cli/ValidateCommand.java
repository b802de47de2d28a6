package org.maprule.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maprule.format.RuleSetFormat;
import org.maprule.validate.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

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
  private static final JsonMapper JSON = JsonMapper.builder().build();

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
      out().println(JSON.writeValueAsString(report(check)));
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

  /** The {@code --json} object, fields in the documented order. */
  static Map<String, Object> report(RuleCheck check) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", check.valid());
    m.put("digest", check.valid() ? check.loaded().digest() : null);
    m.put("errors", check.errors());
    m.put("warnings", check.warnings());
    m.put("violations", check.violations().stream().map(ValidateCommand::violation).toList());
    return m;
  }

  private static Map<String, Object> violation(Violation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", v.severity().name());
    m.put("code", v.code().name());
    m.put("field", v.field());
    m.put("value", v.value());
    m.put("message", v.message());
    return m;
  }
}
