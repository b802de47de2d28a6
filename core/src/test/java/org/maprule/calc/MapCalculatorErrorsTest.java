package org.maprule.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.maprule.calc.Rules.calculator;
import static org.maprule.calc.Rules.domain;
import static org.maprule.calc.Rules.p6;
import static org.maprule.calc.Rules.rule;

import org.junit.jupiter.api.Test;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.addr.Ipv4Address;
import org.maprule.rule.InterfaceIdFormat;

/** Errors of calculate and lookup: stable code, field, the offending value, a message naming both. */
class MapCalculatorErrorsTest {
  private final MapCalculator calc = calculator(
      domain("a", InterfaceIdFormat.RFC7597, null,
          rule("2001:db8::/40", "192.0.2.0/24", 16, 6),
          rule("2001:db8:100::/40", "198.51.100.0/24", 16, 6)),
      domain("b", InterfaceIdFormat.DRAFT03, 58,
          rule("2001:db8:8000::/36", "203.0.112.0/22", 22, 4)));

  private MapruleException failure(String prefix) {
    return catchThrowableOfType(MapruleException.class, () -> calc.calculate(p6(prefix)));
  }

  @Test
  void prefixOutsideEveryRule() {
    MapruleException e = failure("3fff:1234::/56");
    assertThat(e.code()).isEqualTo(ErrorCode.NO_MATCHING_RULE);
    assertThat(e.field()).isEqualTo("prefix");
    assertThat(e.value()).isEqualTo("3fff:1234::/56");
    assertThat(e.getMessage()).contains("3fff:1234::/56");
    // next to a rule but not in it
    assertThat(failure("2001:db8:200::/56").code()).isEqualTo(ErrorCode.NO_MATCHING_RULE);
    assertThat(failure("2001:db9::/128").code()).isEqualTo(ErrorCode.NO_MATCHING_RULE);
    assertThat(failure("::/0").code()).isEqualTo(ErrorCode.END_USER_PREFIX_TOO_SHORT);
  }

  @Test
  void prefixInsideARuleButShorterThanNPlusO() {
    MapruleException e = failure("2001:db8:12::/48");
    assertThat(e.code()).isEqualTo(ErrorCode.END_USER_PREFIX_TOO_SHORT);
    assertThat(e.field()).isEqualTo("prefix");
    assertThat(e.value()).isEqualTo("2001:db8:12::/48");
    assertThat(e.getMessage()).contains("2001:db8:12::/48").contains("/56");
    // exactly the rule prefix, and one bit short
    assertThat(failure("2001:db8::/40").code()).isEqualTo(ErrorCode.END_USER_PREFIX_TOO_SHORT);
    assertThat(failure("2001:db8:12:3400::/55").code()).isEqualTo(ErrorCode.END_USER_PREFIX_TOO_SHORT);
    assertThat(calc.calculate(p6("2001:db8:12:3400::/56")).psid()).isEqualTo(0x34);
  }

  @Test
  void prefixContainingRulesIsTooShortNotUnmatched() {
    MapruleException e = failure("2001:db8::/32");
    assertThat(e.code()).isEqualTo(ErrorCode.END_USER_PREFIX_TOO_SHORT);
    assertThat(e.field()).isEqualTo("prefix");
    assertThat(e.value()).isEqualTo("2001:db8::/32");
    assertThat(e.getMessage()).contains("2001:db8::/32").contains("at least /56");
    MapruleException one = failure("2001:db8::/39");
    assertThat(one.code()).isEqualTo(ErrorCode.END_USER_PREFIX_TOO_SHORT);
    assertThat(one.getMessage()).contains("needs /56");
    MapruleException b = failure("2001:db8:8000::/33");
    assertThat(b.code()).isEqualTo(ErrorCode.END_USER_PREFIX_TOO_SHORT);
    assertThat(b.getMessage()).contains("2001:db8:8000::/36").contains("needs /58");
  }

  @Test
  void tooShortInADomainWithAnEndUserPrefixLength() {
    MapruleException e = failure("2001:db8:8000::/48");
    assertThat(e.code()).isEqualTo(ErrorCode.END_USER_PREFIX_TOO_SHORT);
    assertThat(e.getMessage()).contains("/58");
    assertThat(calc.calculate(p6("2001:db8:8001:2340::/60")).endUserPrefix())
        .isEqualTo(p6("2001:db8:8001:2340::/58"));
  }
}
