package org.maprule.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published JP rule tables (../shared/data/jp-rules.json) through the validator. */
class JpRulesValidationTest {

  private static JsonNode file() throws IOException {
    JpRules.assumePresent();
    return JsonMapper.builder().build().readTree(Files.readAllBytes(JpRules.file()));
  }

  /** A rule from a row of the file; the address types throw on a bad prefix. */
  private static MapRule rule(JsonNode r) {
    return new MapRule(
        Ipv6Prefix.of(Ipv6Address.parse(r.get("ipv6Prefix").asString()), r.get("ipv6PrefixLength").asInt()),
        Ipv4Prefix.of(Ipv4Address.parse(r.get("ipv4Prefix").asString()), r.get("ipv4PrefixLength").asInt()),
        r.get("eaBitLength").asInt(), r.get("psidOffset").asInt());
  }

  @Test
  void everyProviderTableHasNoError() {
    List<String> providers = JpRules.providers();
    assertThat(providers).containsExactly("JPNE", "BIGLOBE", "OCN", "NURO");
    for (String p : providers) {
      RuleSet set = JpRules.ruleSet(p);
      ValidationReport report = Validator.validate(set);
      assertThat(report.errors()).as(p).isEmpty();
      // every published table uses n + o = 56, a > 0, k > 0, EA bits inside the first 64 bits
      assertThat(report.warnings()).as(p)
          .allMatch(v -> v.code() == ErrorCode.HB46PP_RULES_TRIMMED, "only the HB46PP size warning");
    }
  }

  @Test
  void allFourProvidersInOneRuleSetHaveNoError() {
    List<Domain> domains = new ArrayList<>();
    for (String p : JpRules.providers()) {
      domains.addAll(JpRules.ruleSet(p).domains());
    }
    RuleSet all = RuleSet.of(86400, domains);
    assertThat(all.ruleCount()).isEqualTo(430);
    ValidationReport report = Validator.validate(all);
    assertThat(report.errors()).isEmpty();
    assertThat(report.isValid()).isTrue();
  }

  @Test
  void equivalentAlternativeFormsAreRedundantNotErrors() throws IOException {
    JsonNode forms = file().get("equivalentAlternativeForms");
    assertThat(forms.size()).isPositive();
    RuleSet jpne = JpRules.ruleSet("JPNE");
    assertThat(jpne.domains()).hasSize(1);
    Domain domain = jpne.domains().get(0);
    List<MapRule> rules = new ArrayList<>(domain.rules());
    int firstAdded = rules.size();
    for (JsonNode f : forms) {
      assertThat(f.get("brIpv6Address").asString()).isEqualTo(domain.brIpv6Address().toString());
      rules.add(rule(f));
    }
    ValidationReport report = Validator.validate(
        RuleSet.of(86400, List.of(TestRules.withRules(domain, rules))));
    assertThat(report.errors()).isEmpty();
    // each /31 form is the nested equivalent of exactly two /32 rules of the table
    for (int i = firstAdded; i < rules.size(); i++) {
      String field = "domains[0].rules[" + i + "].ipv6Prefix";
      assertThat(report.warnings()).as(field)
          .filteredOn(v -> v.field().equals(field))
          .hasSize(2)
          .allMatch(v -> v.code() == ErrorCode.REDUNDANT_RULE);
    }
    assertThat(report.warnings()).hasSize(2 * forms.size());
  }

  @Test
  void alternativeFormsWithoutTheTableRulesAreValidToo() throws IOException {
    // the /31 forms alone, in place of the /32 rules, are a clean table
    List<MapRule> rules = new ArrayList<>();
    for (JsonNode f : file().get("equivalentAlternativeForms")) {
      rules.add(rule(f));
    }
    Domain jpne = JpRules.ruleSet("JPNE").domains().get(0);
    assertThat(Validator.validate(RuleSet.of(86400, List.of(TestRules.withRules(jpne, rules))))
        .violations()).isEmpty();
  }

  @Test
  void everySuspectEntryThatParsesIsRejected() throws IOException {
    JsonNode suspects = file().get("suspectOrRejected");
    int complete = 0;
    for (JsonNode s : suspects) {
      boolean hasAllFields = s.has("ipv6Prefix") && s.has("ipv6PrefixLength") && s.has("ipv4Prefix")
          && s.has("ipv4PrefixLength") && s.has("eaBitLength") && s.has("psidOffset");
      if (!hasAllFields) {
        // a range or a note, not a rule: nothing to parse (for example "240d:f:4000::..240d:10:1000::")
        continue;
      }
      complete++;
      MapruleException rejected = catchThrowableOfType(MapruleException.class, () -> rule(s));
      if (rejected != null) {
        // the published problems are host bits set past the IPv4 prefix length
        assertThat(s.get("problem").asString()).containsIgnoringCase("host bits");
        assertThat(rejected.code()).isEqualTo(ErrorCode.PREFIX_HOST_BITS_SET);
        assertThat(rejected.field()).isEqualTo("ipv4Prefix");
      } else {
        List<MapRule> rules = new ArrayList<>(JpRules.rules(s.get("provider").asString()));
        rules.add(rule(s));
        Domain d = JpRules.ruleSet(s.get("provider").asString()).domains().get(0);
        assertThat(Validator.validate(RuleSet.of(86400, List.of(TestRules.withRules(d, rules))))
            .errors()).as(s.toString()).isNotEmpty();
      }
    }
    assertThat(complete).as("suspect entries with every rule field").isEqualTo(2);
  }
}
