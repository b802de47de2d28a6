package org.maprule.drill;

import java.util.List;

/** The drill's scenarios, in the order they run (deploy/drill/README.md, "Scenarios"). */
final class Scenarios {
  private Scenarios() {}

  /** Every scenario, in order. */
  static List<Scenario> all() {
    return List.of(
        new KillPrimary("aws"),
        new KillPrimary("azure"),
        new InvalidRuleSet(),
        new SwitchModes(),
        new OnlyModeWithItsOriginDown());
  }
}
