package org.maprule.aws.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The cold-start baseline: the smallest useful plain-Java Lambda HTTP handler. It reads the
 * event and answers a fixed payload 2.0 document, with no framework, no JSON library and no
 * rules: what the runtime client and the JVM cost by themselves.
 */
public final class BaselineHandler implements RequestStreamHandler {
  private static final byte[] ANSWER = ("{\"statusCode\":200,\"headers\":{\"content-type\":"
      + "\"application/json\"},\"body\":\"{}\",\"isBase64Encoded\":false}")
      .getBytes(StandardCharsets.UTF_8);

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    output.write(ANSWER);
  }
}
