package org.maprule.aws;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * The Lambda handler: {@code org.maprule.aws.MapruleHandler::handleRequest}.
 *
 * <p>It is Spring Cloud Function's {@link FunctionInvoker} (a {@code RequestStreamHandler})
 * pinned to the {@value MapruleLambdaApplication#FUNCTION_NAME} function, plus SnapStart
 * readiness: the constructor, which the runtime calls once during init, registers a
 * {@link SnapStartPriming} resource with the global CRaC context, so that before the snapshot
 * canned CE requests run through this very handler.
 */
public final class MapruleHandler extends FunctionInvoker {
  private final SnapStartPriming priming;

  /**
   * Starts the Spring context (loading and validating the rule set) and registers the priming
   * resource.
   *
   * @throws org.maprule.MapruleException naming the variable and its value when the
   *     {@code MAPRULE_*} environment cannot be understood (the runtime reports it as an init
   *     error)
   */
  public MapruleHandler() {
    super(MapruleLambdaApplication.FUNCTION_NAME);
    this.priming = SnapStartPriming.register(this, AwsSettings.read(System::getenv).config());
  }

  /** The priming resource registered for this handler (kept strongly reachable here). */
  SnapStartPriming priming() {
    return priming;
  }
}
