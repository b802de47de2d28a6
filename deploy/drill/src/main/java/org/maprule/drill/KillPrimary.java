package org.maprule.drill;

/** (a) In mode {@code primary}, SIGKILL that origin mid-stream, then restart it on its port. */
final class KillPrimary implements Scenario {
  private final String primary;

  KillPrimary(String primary) {
    this.primary = primary;
  }

  @Override
  public Result run(Drive d) throws Exception {
    Lab lab = d.lab();
    lab.setMode(primary);
    Origin o = lab.origins.get(primary);
    CeStream s = d.stream();
    s.start(primary + " up");
    s.await(d.phase());
    s.phase(primary + " killed");
    o.kill();
    s.await(d.phase());
    s.phase("restarting");
    o.start(lab.goodRules, o.port);
    s.phase(primary + " back");
    s.await(d.phase());
    Result r = new Result("(a)", "mode " + primary + ": kill " + primary
        + " (SIGKILL) mid-stream, restart it", true, s.stop());
    String other = primary.equals("aws") ? "azure" : "aws";
    r.check("failover exercised: " + other + " served while " + primary + " was down",
        r.served(1, other) > 0 && r.served(1, primary) == 0);
    r.check(primary + " serves again after its restart", r.served(3, primary) > 0);
    return r;
  }
}
