package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstantTimeTest {
  @Test
  void equalsIsExactEquality() {
    assertThat(ConstantTime.equals("secret", "secret")).isTrue();
    for (String other : List.of("secre", "secret ", "Secret", "secrett", "", "sëcret")) {
      assertThat(ConstantTime.equals("secret", other)).as(other).isFalse();
    }
    assertThat(ConstantTime.equals(null, "secret")).isFalse();
    assertThat(ConstantTime.equals("secret", null)).isFalse();
  }

  @Test
  void containsSecretFindsAnyOfTheCodes() {
    Set<String> codes = Set.of("alpha", "beta", "gamma");
    for (String c : codes) {
      assertThat(ConstantTime.containsSecret(codes, c)).isTrue();
    }
    assertThat(ConstantTime.containsSecret(codes, "delta")).isFalse();
    assertThat(ConstantTime.containsSecret(codes, "")).isFalse();
    assertThat(ConstantTime.containsSecret(codes, null)).isFalse();
    assertThat(ConstantTime.containsSecret(Set.of(), "alpha")).isFalse();
  }
}
