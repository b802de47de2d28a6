package org.maprule.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.maprule.MapruleException;
import org.maprule.rule.RuleSet;
import org.maprule.validate.ValidationReport;
import org.maprule.validate.Validator;
import org.maprule.validate.Violation;

/**
 * Read, validate whole, digest: the only way to get a {@link LoadedRuleSet}.
 *
 * <p>When every value of the document could be read, the rule set is validated even if the
 * document also had an unknown field or a duplicate name, so one answer lists the parse problems
 * and the validation findings together; when some value could not be read, only the parse
 * problems are reported (validating a partial rule set would report spurious errors).
 */
public final class RuleSetLoader {
  /** Classpath resource of the built-in example. */
  public static final String EXAMPLE_RESOURCE = "/org/maprule/example-rules.json";

  private RuleSetLoader() {}

  /**
   * Reads and validates a rule-set document.
   *
   * @param bytes the document
   * @param format its format
   * @return the loaded rule set (its report holds warnings only; digest as {@link RuleSetDigest})
   * @throws MapruleException {@code RULE_SET_INVALID} listing every parse and validation
   *     violation (warnings included) when there is any error
   */
  public static LoadedRuleSet load(byte[] bytes, RuleSetFormat format) {
    ReadResult read = format.readAll(bytes);
    if (read.ruleSet() == null) {
      throw MapruleException.invalidRuleSet(read.violations());
    }
    RuleSet rs = read.ruleSet();
    ValidationReport report = Validator.validate(rs);
    List<Violation> all = new ArrayList<>(read.violations());
    all.addAll(report.violations());
    if (all.stream().anyMatch(Violation::isError)) {
      throw MapruleException.invalidRuleSet(all);
    }
    return new LoadedRuleSet(rs, report, RuleSetDigest.of(rs));
  }

  /**
   * The built-in example rule set (documentation prefixes, RFC 3849 and RFC 5737): two domains,
   * one per interface-id layout. Read from the classpath resource {@value #EXAMPLE_RESOURCE}
   * once, then cached.
   *
   * @return the loaded example
   */
  public static LoadedRuleSet example() {
    return ExampleLoaded.LOADED;
  }

  /** The raw bytes of the built-in example file (a fresh copy each call). */
  public static byte[] exampleBytes() {
    return ExampleBytes.BYTES.clone();
  }

  /** Lazy holder of the loaded example (class initialisation makes it load once). */
  private static final class ExampleLoaded {
    static final LoadedRuleSet LOADED = load(ExampleBytes.BYTES, RuleSetFormat.NATIVE);
  }

  /** Lazy holder of the example's bytes. */
  private static final class ExampleBytes {
    static final byte[] BYTES = readResource();

    private static byte[] readResource() {
      try (InputStream in = RuleSetLoader.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("classpath resource " + EXAMPLE_RESOURCE + " is missing");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
