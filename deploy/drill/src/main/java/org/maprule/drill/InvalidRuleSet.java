package org.maprule.drill;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.maprule.sample.CeRequest;

/**
 * (b) In mode {@code aws}, restart aws with an invalid rule set: it answers 503, never its rules,
 * and every CE is answered by azure; then restart it with the valid rules.
 */
final class InvalidRuleSet implements Scenario {
  @Override
  public Result run(Drive d) throws Exception {
    Lab lab = d.lab();
    lab.setMode("aws");
    Origin aws = lab.origins.get("aws");
    CeStream s = d.stream();
    s.start("aws valid");
    s.await(d.phase());
    s.phase("aws restarting invalid");
    aws.kill();
    aws.start(lab.invalidRules, aws.port);
    s.phase("aws invalid");
    CeRequest ocn = d.load().items().get(0).request();
    HttpResponse<byte[]> health = aws.direct("/health", Map.of());
    HttpResponse<byte[]> ce = aws.direct(ocn.target(), ocn.headers());
    String ceBody = new String(ce.body(), StandardCharsets.UTF_8);
    String parity = lab.parity();
    s.await(d.phase());
    s.phase("aws restarting valid");
    aws.kill();
    aws.start(lab.goodRules, aws.port);
    s.phase("aws valid again");
    s.await(d.phase());
    Result r = new Result("(b)", "mode aws: restart aws with an invalid rule set, then with the "
        + "valid one", true, s.stop());
    r.check("invalid aws answers /health 503 \"invalid\"", health.statusCode() == 503
        && new String(health.body(), StandardCharsets.UTF_8).contains("\"status\":\"invalid\""));
    r.check("invalid aws answers a CE 503 RULE_SET_INVALID, x-maprule-ruleset none, never rules",
        ce.statusCode() == 503 && ceBody.contains("RULE_SET_INVALID")
            && !ceBody.contains("basicMapRules")
            && "none".equals(ce.headers().firstValue("x-maprule-ruleset").orElse(null)));
    r.check("maprule parity aws azure exits 1 (" + parity.replaceFirst("^exit \\d+: ", "") + ")",
        parity.startsWith("exit 1:"));
    r.check("every answer while aws was invalid came from azure",
        r.served(2, "azure") > 0 && r.served(2, "aws") == 0);
    r.check("aws serves again once valid", r.served(4, "aws") > 0);
    return r;
  }
}
