package org.maprule.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {
  private static final ServiceConfig FULL = new ServiceConfig(Set.of("c"), "x-client", "x-verify",
      "s3cret", "aws", 42, Set.of("k1", "k2"));

  @Test
  void theSixArgumentFormHasNoJpneKeys() {
    ServiceConfig six = new ServiceConfig(Set.of("c"), "x-client", "x-verify", "s3cret", "aws", 42);
    assertThat(six.jpneKeys()).isEmpty();
    assertThat(six).isEqualTo(new ServiceConfig(Set.of("c"), "x-client", "x-verify", "s3cret",
        "aws", 42, Set.of()));
    assertThat(ServiceConfig.defaults().jpneKeys()).isEmpty();
  }

  @Test
  void everyWitherKeepsTheJpneKeys() {
    assertThat(FULL.withOcnCodes(Set.of()).jpneKeys()).containsExactlyInAnyOrder("k1", "k2");
    assertThat(FULL.withClientAddressHeader("X-Other").jpneKeys()).containsExactlyInAnyOrder("k1", "k2");
    assertThat(FULL.withOriginVerify("x-v", "t").jpneKeys()).containsExactlyInAnyOrder("k1", "k2");
    assertThat(FULL.withCloud("azure").jpneKeys()).containsExactlyInAnyOrder("k1", "k2");
  }

  @Test
  void withJpneKeysChangesOnlyTheKeys() {
    ServiceConfig c = FULL.withJpneKeys(Set.of("k3"));
    assertThat(c.jpneKeys()).containsExactly("k3");
    assertThat(c.withJpneKeys(FULL.jpneKeys())).isEqualTo(FULL);
    assertThat(c.ocnCodes()).isEqualTo(FULL.ocnCodes());
    assertThat(c.clientAddressHeader()).isEqualTo("x-client");
    assertThat(c.originVerifySecret()).isEqualTo("s3cret");
    assertThat(c.sharedMaxAgeSeconds()).isEqualTo(42);
  }

  @Test
  void theKeySetIsCopied() {
    Set<String> keys = new HashSet<>(Set.of("a"));
    ServiceConfig c = ServiceConfig.defaults().withJpneKeys(keys);
    keys.add("b");
    assertThat(c.jpneKeys()).containsExactly("a");
    assertThatThrownBy(() -> c.jpneKeys().add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ServiceConfig.defaults().withJpneKeys(null))
        .isInstanceOf(NullPointerException.class);
  }
}
