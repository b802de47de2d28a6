package org.maprule.aws.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.maprule.aws.MapruleFunction;

/**
 * The same function as the product (event codec, settings, core) as a plain
 * {@code RequestStreamHandler}, without Spring Cloud Function: isolates what the framework costs
 * at cold start.
 */
public final class PlainCoreHandler implements RequestStreamHandler {
  private final MapruleFunction function =
      MapruleFunction.fromEnvironment(System::getenv, PlainCoreHandler.class.getClassLoader());

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    output.write(function.apply(input));
  }
}
