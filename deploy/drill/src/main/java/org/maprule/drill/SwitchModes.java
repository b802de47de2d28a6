package org.maprule.drill;

import java.util.List;

/** (c) Switch through the four traffic modes under load; each request goes where its mode says. */
final class SwitchModes implements Scenario {
  private static final List<String> MODES = List.of("aws", "azure", "aws-only", "azure-only", "aws");

  @Override
  public Result run(Drive d) throws Exception {
    Lab lab = d.lab();
    lab.setMode(MODES.get(0));
    CeStream s = d.stream();
    s.start("mode " + MODES.get(0));
    s.await(d.phase());
    for (String m : MODES.subList(1, MODES.size())) {
      s.phase("mode " + m);
      lab.setMode(m);
      s.await(d.phase());
    }
    Result r = new Result("(c)", "switch modes under load: " + String.join(" -> ", MODES), true,
        s.stop());
    long checked = 0;
    long misrouted = 0;
    for (Outcome o : r.run.outcomes()) {
      if (o.modeAtSend().equals(o.modeAtEnd()) && !o.modeAtSend().equals("switching")) {
        checked++;
        String primary = o.modeAtSend().startsWith("azure") ? "azure" : "aws";
        if (!o.servedBy().equals(primary)) {
          misrouted++;
        }
      }
    }
    r.check("every request sent and answered within one mode went to that mode's origin ("
        + checked + " checked, " + misrouted + " elsewhere)", misrouted == 0 && checked > 0);
    return r;
  }
}
