package org.maprule.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule-set corpus under {@code src/test/resources/rulesets/}: {@code invalid/*.json} must be
 * rejected by {@link RuleSetLoader#load} with the code and field listed in
 * {@code invalid/EXPECTED.txt} (one line per file); {@code valid/*.json} must load, with exactly
 * the warnings listed in {@code valid/EXPECTED.txt} (one line per warning, {@code -}: no violation
 * at all). Lines are {@code FILE CODE FIELD # reason}; FIELD {@code ""} is the whole document. The
 * same files serve the CLI's tests.
 */
class RuleSetCorpusTest {
  /** One line of an EXPECTED.txt. */
  record Expected(String dir, String file, String code, String field, String reason) {
    @Override
    public String toString() {
      return file + " " + code + " " + field;
    }

    byte[] bytes() {
      try {
        return Files.readAllBytes(directory(dir).resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The parse-level codes of org.maprule.addr and org.maprule.format (not the validator's). */
  private static final Set<ErrorCode> PARSE_CODES = EnumSet.of(ErrorCode.MALFORMED_JSON,
      ErrorCode.MISSING_FIELD, ErrorCode.WRONG_TYPE, ErrorCode.INVALID_VALUE,
      ErrorCode.INVALID_PREFIX, ErrorCode.PREFIX_HOST_BITS_SET, ErrorCode.INVALID_IPV4_ADDRESS,
      ErrorCode.INVALID_IPV6_ADDRESS);

  /** Every error code of docs/domain.md §7 that the validator reports. */
  private static final Set<ErrorCode> VALIDATOR_ERRORS = EnumSet.of(ErrorCode.EA_BITS_OUT_OF_RANGE,
      ErrorCode.EA_BITS_EXCEED_IPV6, ErrorCode.PSID_OFFSET_OUT_OF_RANGE,
      ErrorCode.PSID_LENGTH_TOO_LONG, ErrorCode.PSID_EXCEEDS_PORT_BITS, ErrorCode.NO_DOMAINS,
      ErrorCode.NO_RULES, ErrorCode.DUPLICATE_DOMAIN_NAME, ErrorCode.INVALID_DOMAIN_NAME,
      ErrorCode.IPV6_RULE_OVERLAP, ErrorCode.IPV4_RULE_OVERLAP, ErrorCode.BR_MISSING,
      ErrorCode.BR_NOT_GLOBAL_UNICAST, ErrorCode.BR_INSIDE_RULE_PREFIX,
      ErrorCode.END_USER_PREFIX_LENGTH_INVALID, ErrorCode.TTL_OUT_OF_RANGE);

  /** Every warning code the validator reports. */
  private static final Set<ErrorCode> VALIDATOR_WARNINGS = EnumSet.of(ErrorCode.EA_BITS_BEYOND_64,
      ErrorCode.IPV4_PREFIX_PER_CE, ErrorCode.ONE_TO_ONE_PREFIX, ErrorCode.PSID_ZERO_SYSTEM_PORTS,
      ErrorCode.REDUNDANT_RULE, ErrorCode.END_USER_PREFIX_LENGTH_MIXED,
      ErrorCode.HB46PP_RULES_TRIMMED, ErrorCode.RFC7597_DOMAIN_NOT_ON_OCN_JPNE);

  static Path directory(String dir) {
    try {
      return Path.of(RuleSetCorpusTest.class.getResource("/rulesets/" + dir + "/EXPECTED.txt").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Expected> expected(String dir) {
    List<Expected> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(directory(dir).resolve("EXPECTED.txt"), StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int hash = line.indexOf(" # ");
        assertThat(hash).as("reason on line: " + line).isPositive();
        String[] parts = line.substring(0, hash).trim().split(" +");
        String field = parts.length > 2 ? parts[2] : "";
        out.add(new Expected(dir, parts[0], parts[1], field.equals("\"\"") ? "" : field,
            line.substring(hash + 3)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Stream<Expected> invalid() {
    return expected("invalid").stream();
  }

  static Stream<Expected> valid() {
    return expected("valid").stream();
  }

  static Stream<Expected> validatorLevel() {
    return Stream.concat(invalid(), valid())
        .filter(e -> e.code().equals("-") || !PARSE_CODES.contains(ErrorCode.valueOf(e.code())));
  }

  private static boolean has(List<Violation> violations, Expected e) {
    return violations.stream().anyMatch(v -> v.code().name().equals(e.code()) && v.field().equals(e.field()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidFileIsRejectedByTheLoader(Expected e) {
    MapruleException thrown = catchThrowableOfType(MapruleException.class,
        () -> RuleSetLoader.load(e.bytes(), RuleSetFormat.NATIVE));
    assertThat(thrown).as("%s (%s) must be rejected", e.file(), e.reason()).isNotNull();
    assertThat(thrown.code()).isEqualTo(ErrorCode.RULE_SET_INVALID);
    assertThat(has(thrown.violations(), e)).as("%s among %s", e, thrown.violations()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validFileLoads(Expected e) {
    LoadedRuleSet loaded = RuleSetLoader.load(e.bytes(), RuleSetFormat.NATIVE);
    assertValidReport(e, loaded.report());
  }

  private static void assertValidReport(Expected e, ValidationReport report) {
    assertThat(report.errors()).as(e.file()).isEmpty();
    if (e.code().equals("-")) {
      assertThat(report.violations()).as(e.file()).isEmpty();
    } else {
      assertThat(has(report.warnings(), e)).as("%s among %s", e, report.warnings()).isTrue();
      List<Expected> listed = valid().filter(x -> x.file().equals(e.file())).toList();
      assertThat(report.warnings()).as("%s: every warning listed", e.file())
          .allMatch(v -> listed.stream().anyMatch(x -> x.code().equals(v.code().name())
              && x.field().equals(v.field())));
    }
  }

  /**
   * The validator alone (without the loader) on every file that parses: this checks the corpus
   * and the validator together, whatever state the loader is in.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("validatorLevel")
  void validatorAloneAgrees(Expected e) {
    ValidationReport report = Validator.validate(readNative(e.bytes()));
    if (e.dir().equals("valid")) {
      assertValidReport(e, report);
    } else {
      assertThat(report.isValid()).as(e.file()).isFalse();
      assertThat(has(report.violations(), e)).as("%s among %s", e, report.violations()).isTrue();
    }
  }

  @Test
  void corpusCoversEveryCodeAndListsEveryFile() throws IOException {
    for (String dir : List.of("invalid", "valid")) {
      Set<String> listed = new TreeSet<>();
      Set<String> lines = new TreeSet<>();
      for (Expected e : expected(dir)) {
        assertThat(dir.equals("valid") ? lines.add(e.toString()) : listed.add(e.file()))
            .as("listed once: " + e).isTrue();
        listed.add(e.file());
        assertThat(e.code().equals("-") || Set.of(ErrorCode.values()).contains(ErrorCode.valueOf(e.code())))
            .isTrue();
      }
      Set<String> present = new TreeSet<>();
      try (Stream<Path> files = Files.list(directory(dir))) {
        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(present::add);
      }
      assertThat(listed).as(dir).isEqualTo(present);
    }
    Set<ErrorCode> invalidCodes = EnumSet.noneOf(ErrorCode.class);
    invalid().forEach(e -> invalidCodes.add(ErrorCode.valueOf(e.code())));
    assertThat(invalidCodes).containsAll(VALIDATOR_ERRORS).containsAll(PARSE_CODES);
    Set<ErrorCode> warningCodes = EnumSet.noneOf(ErrorCode.class);
    valid().filter(e -> !e.code().equals("-")).forEach(e -> warningCodes.add(ErrorCode.valueOf(e.code())));
    assertThat(warningCodes).isEqualTo(VALIDATOR_WARNINGS);
  }

  /**
   * A minimal reader of the native format (docs/design.md §3) for files known to parse: just enough to
   * hand the validator what the loader would. The loader's own strictness is tested above.
   */
  static RuleSet readNative(byte[] bytes) {
    JsonNode root = JsonMapper.builder().build().readTree(bytes);
    List<Domain> domains = new ArrayList<>();
    int d = 0;
    for (JsonNode dn : root.get("domains")) {
      String path = "domains[" + d++ + "]";
      List<MapRule> rules = new ArrayList<>();
      for (JsonNode r : dn.get("rules")) {
        rules.add(new MapRule(Ipv6Prefix.parse(r.get("ipv6Prefix").asString()),
            Ipv4Prefix.parse(r.get("ipv4Prefix").asString()), r.get("eaBitLength").asInt(),
            r.get("psidOffset").asInt()));
      }
      domains.add(new Domain(dn.get("name").asString(),
          dn.has("brIpv6Address") ? Ipv6Address.parse(dn.get("brIpv6Address").asString()) : null,
          InterfaceIdFormat.fromWireName(dn.get("interfaceIdFormat").asString(), path + ".interfaceIdFormat"),
          dn.has("endUserPrefixLength") ? OptionalInt.of(dn.get("endUserPrefixLength").asInt())
              : OptionalInt.empty(), rules));
    }
    return new RuleSet(root.get("ttl").asInt(),
        root.has("enablerName") ? root.get("enablerName").asString() : RuleSet.DEFAULT_NAME,
        root.has("serviceName") ? root.get("serviceName").asString() : RuleSet.DEFAULT_NAME,
        root.has("ispName") ? root.get("ispName").asString() : null, domains);
  }
}
