package org.maprule.azure;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.maprule.config.ServiceSettings;
import org.maprule.http.MapruleService;

/**
 * The one {@link MapruleService} of this function app instance: the app settings read, the rules
 * read, validated and digested once, when the first invocation creates a {@link MapruleFunction}
 * (class initialisation is thread-safe and happens once per JVM, so concurrent first requests wait
 * for the same load). Nothing here runs per request.
 */
final class FunctionInstance {
  private static final Logger LOG = Logger.getLogger(FunctionInstance.class.getName());
  private static final Object SERVICE_OR_FAILURE = load();

  private FunctionInstance() {}

  /**
   * The instance's service.
   *
   * @return the service
   * @throws IllegalStateException when it could not be built; the cause says why
   */
  static MapruleService service() {
    if (SERVICE_OR_FAILURE instanceof MapruleService) {
      return (MapruleService) SERVICE_OR_FAILURE;
    }
    RuntimeException failure = (RuntimeException) SERVICE_OR_FAILURE;
    throw new IllegalStateException(
        "maprule cannot start on this instance: " + failure.getMessage(), failure);
  }

  private static Object load() {
    long start = System.nanoTime();
    try {
      ServiceSettings settings = AzureSettings.read(System::getenv);
      MapruleService service = settings.service(FunctionInstance.class.getClassLoader());
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (service.isServing()) {
        LOG.info(() -> "maprule: rules " + settings.rules() + " (" + settings.format()
            + ") loaded in " + millis + " ms, rule set " + service.ruleSetDigest());
      } else {
        LOG.warning(() -> "maprule: rules " + settings.rules() + " (" + settings.format()
            + ") do not validate: every CE endpoint answers 503, /health says why");
      }
      return service;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "maprule cannot start on this instance: " + e.getMessage(), e);
      return e;
    }
  }
}
