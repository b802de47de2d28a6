package org.maprule.drill;

/**
 * (d) Mode {@code aws-only} while aws is down: the CEs see the outage, as an operator who picks a
 * {@code -only} mode accepts. Expected failures: not counted in the goal.
 */
final class OnlyModeWithItsOriginDown implements Scenario {
  /** Few requests: each waits for HAProxy's 1 s turn-around before its retry on the same server. */
  private static final int REQUESTS = 40;

  @Override
  public Result run(Drive d) throws Exception {
    Lab lab = d.lab();
    Origin aws = lab.origins.get("aws");
    lab.setMode("aws-only");
    aws.kill();
    CeStream s = d.stream();
    s.start("aws-only, aws down");
    s.await(REQUESTS);
    Result r = new Result("(d)", "mode aws-only with aws down: expected failures, NOT counted",
        false, s.stop());
    aws.start(lab.goodRules, aws.port);
    lab.setMode("aws");
    r.check("every request failed with HAProxy's 503 (no failover in -only modes)",
        r.run.outcomes().stream().allMatch(o -> o.failed() && o.status() == 503));
    return r;
  }
}
