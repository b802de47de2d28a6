package org.maprule.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.maprule.format.Fixtures.utf8;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;
import org.maprule.validate.Validator;
import org.maprule.validate.Violation;

class RuleSetLoaderTest {

  @BeforeEach
  void needsTheValidator() {
    try {
      Validator.validate(Fixtures.RFC);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("SKIPPED: validate.Validator is still a stub on this branch; runs after merging main");
    }
  }

  @Test
  void exampleLoadsValidWithItsDigestAndIsCached() {
    LoadedRuleSet ex = RuleSetLoader.example();
    assertThat(ex.ruleSet()).isEqualTo(Fixtures.EXAMPLE);
    assertThat(ex.digest()).isEqualTo(GoldenBytesTest.EXAMPLE_DIGEST);
    assertThat(ex.report().isValid()).isTrue();
    assertThat(ex.report().errors()).isEmpty();
    assertThat(RuleSetLoader.example()).isSameAs(ex);
  }

  @Test
  void exampleBytesAreTheResourceAndACopy() throws IOException {
    byte[] resource;
    try (InputStream in = RuleSetLoader.class.getResourceAsStream(RuleSetLoader.EXAMPLE_RESOURCE)) {
      resource = in.readAllBytes();
    }
    byte[] a = RuleSetLoader.exampleBytes();
    assertThat(a).isEqualTo(resource);
    a[0] = 'X';
    assertThat(RuleSetLoader.exampleBytes()).isEqualTo(resource);
  }

  @Test
  void theRulesBodyHashesToItsOwnDigest() {
    LoadedRuleSet ex = RuleSetLoader.example();
    assertThat(RuleSetDigest.ofBytes(RuleSetFormat.NATIVE.write(ex.ruleSet()))).isEqualTo(ex.digest());
    assertThat(RuleSetLoader.load(RuleSetFormat.NATIVE.write(ex.ruleSet()), RuleSetFormat.NATIVE).digest())
        .isEqualTo(ex.digest());
  }

  @Test
  void parseProblemsAloneWhenAValueIsUnreadable() {
    // psidOffset 99 is also out of range, but with ttl unreadable the validator does not run
    byte[] doc = utf8("{\"ttl\":\"1\",\"domains\":[{\"name\":\"d\",\"brIpv6Address\":\"2001:db8:ffff::1\","
        + "\"interfaceIdFormat\":\"rfc7597\",\"rules\":[{\"ipv6Prefix\":\"2001:db8::/40\","
        + "\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,\"psidOffset\":99}]}]}");
    MapruleException e = catchThrowableOfType(MapruleException.class, () -> RuleSetLoader.load(doc, RuleSetFormat.NATIVE));
    assertThat(e.code()).isEqualTo(ErrorCode.RULE_SET_INVALID);
    assertThat(e.violations()).extracting(Violation::code).containsExactly(ErrorCode.WRONG_TYPE);
  }

  @Test
  void parseAndValidationProblemsTogetherWhenEveryValueIsReadable() {
    byte[] doc = utf8("{\"ttl\":86400,\"domains\":[{\"name\":\"d\",\"brIpv6Address\":\"2001:db8:ffff::1\","
        + "\"interfaceIdFormat\":\"rfc7597\",\"endUserPrefixLenght\":56,\"rules\":[{\"ipv6Prefix\":\"2001:db8::/40\","
        + "\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,\"psidOffset\":99}]}]}");
    MapruleException e = catchThrowableOfType(MapruleException.class, () -> RuleSetLoader.load(doc, RuleSetFormat.NATIVE));
    assertThat(e.violations()).extracting(Violation::code)
        .startsWith(ErrorCode.UNKNOWN_FIELD)
        .contains(ErrorCode.PSID_OFFSET_OUT_OF_RANGE);
    assertThat(e.violations().get(0).field()).isEqualTo("domains[0].endUserPrefixLenght");
  }

  @Test
  void validationErrorsAreThrownWithWarnings() {
    // BR missing (an error) in a rule set that reads fine
    byte[] doc = utf8("{\"ttl\":86400,\"domains\":[{\"name\":\"d\",\"interfaceIdFormat\":\"rfc7597\","
        + "\"rules\":[{\"ipv6Prefix\":\"2001:db8::/40\",\"ipv4Prefix\":\"192.0.2.0/24\",\"eaBitLength\":16,\"psidOffset\":6}]}]}");
    RuleSet rs = RuleSetFormat.NATIVE.read(doc);
    assertThat(rs.domains().get(0).brIpv6Address()).isNull();
    MapruleException e = catchThrowableOfType(MapruleException.class, () -> RuleSetLoader.load(doc, RuleSetFormat.NATIVE));
    assertThat(e.violations()).extracting(Violation::code).contains(ErrorCode.BR_MISSING);
    assertThat(e.violations()).isEqualTo(Validator.validate(rs).violations());
  }

  @Test
  void sameRulesFromOcnAndNativeGiveTheSameDigest() {
    RuleSet fromOcn = RuleSetFormat.OCN.read(RuleSetFormat.OCN.write(Fixtures.RFC));
    byte[] nativeDoc = utf8("{ \"domains\": [ { \"rules\": [ { \"psidOffset\": 6, \"eaBitLength\": 16,"
        + " \"ipv4Prefix\": \"192.0.2.0/24\", \"ipv6Prefix\": \"2001:0db8::/40\" } ], \"endUserPrefixLength\": 56,"
        + " \"interfaceIdFormat\": \"draft03\", \"brIpv6Address\": \"2001:DB8:FFFF::1\", \"name\": \"ocn\" } ],"
        + " \"ttl\": 86400 }");
    LoadedRuleSet a = RuleSetLoader.load(RuleSetFormat.OCN.write(fromOcn), RuleSetFormat.OCN);
    LoadedRuleSet b = RuleSetLoader.load(nativeDoc, RuleSetFormat.NATIVE);
    assertThat(a.ruleSet()).isEqualTo(b.ruleSet());
    assertThat(a.digest()).isEqualTo(b.digest()).matches("[0-9a-f]{64}");
  }

  @Test
  void jpTablesLoadFromOcnBytes() {
    JpRules.assumePresent();
    for (String provider : JpRules.providers()) {
      LoadedRuleSet l = RuleSetLoader.load(RuleSetFormat.OCN.write(JpRules.ruleSet(provider)), RuleSetFormat.OCN);
      assertThat(l.ruleSet().ruleCount()).as(provider).isEqualTo(JpRules.rules(provider).size());
      assertThat(l.report().errors()).as(provider).isEmpty();
    }
  }
}
