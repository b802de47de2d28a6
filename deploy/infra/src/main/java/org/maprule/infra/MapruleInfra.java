package org.maprule.infra;

import com.pulumi.Pulumi;
import java.nio.file.Path;

/**
 * The Pulumi program's entry point: {@code pulumi up} in {@code deploy/infra} runs it (through
 * {@code mvn compile exec:java}, see {@code Pulumi.yaml}). Reads the stack configuration, checks
 * it, and declares the stack.
 */
public final class MapruleInfra {

  private MapruleInfra() {}

  /**
   * Runs the program under the Pulumi engine.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Pulumi.run(ctx -> {
      var config = ctx.config();
      StackSettings settings = StackSettings.load(ctx.projectName(), ctx.stackName(),
          config::get, config.requireSecret("originVerifySecret"), Path.of("").toAbsolutePath());
      MapruleStack.define(ctx, settings);
    });
  }
}
