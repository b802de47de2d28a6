package org.maprule.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maprule.format.RuleSetLoader;
import org.maprule.parity.Answer;
import org.maprule.sample.Endpoint;

/** The drill's workload over the example rules, and how an answer through the proxy is judged. */
class WorkloadTest {
  private static final Workload LOAD = Workload.of(RuleSetLoader.exampleBytes(), 1);

  @Test
  void eightWellFormedRequestsOfEachEndpointAllAnswered200ByCore() {
    assertThat(LOAD.items()).hasSize(48);
    assertThat(LOAD.digest()).isEqualTo(RuleSetLoader.example().digest());
    for (Endpoint e : Workload.ENDPOINTS) {
      assertThat(LOAD.items()).filteredOn(i -> i.request().endpoint() == e).hasSize(8);
    }
    assertThat(LOAD.items()).allSatisfy(i -> {
      assertThat(i.expected().status()).isEqualTo(200);
      assertThat(i.expected().headers()).containsExactly(
          Map.entry("x-maprule-ruleset", LOAD.digest()));
      assertThat(i.request().headers()).containsKey(Lab.CLIENT_HEADER);
      assertThat(i.request().method()).isEqualTo("GET");
    });
    assertThat(LOAD.clientAddresses()).isEqualTo(48);
    assertThat(Workload.of(RuleSetLoader.exampleBytes(), 1).items())
        .map(Workload.Item::request).isEqualTo(LOAD.items().stream().map(Workload.Item::request)
            .toList());
    assertThat(Workload.of(RuleSetLoader.exampleBytes(), 2).items().get(0))
        .isNotEqualTo(LOAD.items().get(0));
  }

  @Test
  void coresOwnAnswerIsRight() {
    for (Workload.Item i : LOAD.items()) {
      assertThat(Workload.judge(i, i.expected(), "aws"))
          .isEqualTo(new Workload.Verdict(false, false, null));
    }
  }

  @Test
  void anotherStatusOrNoAnswerIsAFailureAnotherBodyOrRuleSetAWrongBody() {
    Workload.Item i = LOAD.items().get(0);
    String target = i.request().target();
    Answer problem = new Answer(503, Map.of("x-maprule-ruleset", "none"),
        "{\"code\":\"RULE_SET_INVALID\"}\n".getBytes(StandardCharsets.UTF_8), null);
    assertThat(Workload.judge(i, problem, "aws")).isEqualTo(new Workload.Verdict(true, false,
        "ocn " + target + " -> 503 via aws: {\"code\":\"RULE_SET_INVALID\"}"));
    assertThat(Workload.judge(i, Answer.none("java.net.ConnectException"), "-"))
        .isEqualTo(new Workload.Verdict(true, false, "ocn " + target
            + ": java.net.ConnectException"));

    byte[] body = i.expected().body().clone();
    body[5] ^= 1;
    assertThat(Workload.judge(i, new Answer(200, i.expected().headers(), body, null), "azure"))
        .isEqualTo(new Workload.Verdict(false, true, "ocn " + target
            + " via azure: body differs at byte 5"));
    assertThat(Workload.judge(i, new Answer(200, Map.of("x-maprule-ruleset", "other"),
        i.expected().body(), null), "azure"))
        .isEqualTo(new Workload.Verdict(false, true, "ocn " + target
            + " via azure: x-maprule-ruleset other instead of " + LOAD.digest()));
  }
}
