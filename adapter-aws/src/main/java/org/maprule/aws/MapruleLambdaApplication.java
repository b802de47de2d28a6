package org.maprule.aws;

import java.io.InputStream;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The Spring application behind the Lambda handler, registered functionally: Spring Cloud
 * Function's {@code FunctionInvoker} finds this class through the jar manifest's
 * {@code Start-Class}, sees an {@link ApplicationContextInitializer} and starts it with
 * {@code FunctionalSpringApplication} (no component scanning, no configuration-class
 * processing), which is what keeps the cold start short.
 *
 * <p>The one bean is the {@value #FUNCTION_NAME} function ({@link MapruleFunction}), built from
 * the environment when the context starts: the rule set is loaded and validated then, once per
 * execution environment (and before the SnapStart snapshot).
 *
 * <p>{@link SpringBootConfiguration} is only a marker here: SCF's {@code FunctionClassUtils}
 * accepts a manifest {@code Start-Class} only when it carries it. In functional mode the class is
 * never processed as a configuration class ({@code FunctionalSpringApplication} skips bean
 * definition loading), so no annotation processing or scanning happens.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
public final class MapruleLambdaApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /** The function's name ({@code spring.cloud.function.definition}). */
  public static final String FUNCTION_NAME = "maprule";

  /** Instantiated by Spring Cloud Function. */
  public MapruleLambdaApplication() {}

  /**
   * Builds the {@value #FUNCTION_NAME} function now (reading the settings and loading the rule
   * set) and registers it, typed {@code Function<InputStream, byte[]>}. Building it here rather
   * than in a bean supplier makes a configuration error end the context start with the
   * {@code MAPRULE_*} message itself, which the runtime reports on {@code /init/error}.
   *
   * @param context the context being prepared
   * @throws org.maprule.MapruleException naming the variable and its value when the
   *     {@code MAPRULE_*} environment cannot be understood or the rules cannot be read
   */
  @Override
  public void initialize(GenericApplicationContext context) {
    FunctionRegistration<MapruleFunction> registration = new FunctionRegistration<>(
        MapruleFunction.fromEnvironment(System::getenv, MapruleLambdaApplication.class.getClassLoader()),
        FUNCTION_NAME)
        .type(FunctionTypeUtils.functionType(InputStream.class, byte[].class));
    context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () -> registration);
  }
}
