package org.maprule.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.maprule.aws.runtime.AwsEnvironment;
import org.maprule.aws.runtime.FunctionUrlFrontEnd;
import org.maprule.aws.runtime.LambdaRuntimeProcess;
import org.maprule.contract.ContractSuite;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.ServiceConfig;

/**
 * Core's HTTP contract over the AWS path: every golden request becomes a Function URL event
 * (payload 2.0), goes through a fake Runtime API to the real runtime interface client running
 * the shaded jar's {@link MapruleHandler} in a child JVM (the jar unpacked in the task root, as
 * Lambda runs an uploaded jar; configured only by {@code MAPRULE_*} environment variables), and
 * the posted response document is turned back into HTTP as the Function URL front end does. One
 * child JVM per contract context.
 *
 * <p>The transport's own client address ({@code requestContext.http.sourceIp}) is
 * {@value #SOURCE_IP}, as for the core router's transport.
 */
class AwsRuntimeContractIT extends ContractSuite {
  /** The address the Function URL reports as the TCP peer. */
  static final String SOURCE_IP = "127.0.0.1";

  @Override
  protected Transport start(ServiceConfig config, byte[] rules, RuleSetFormat format) throws Exception {
    Path work = Path.of("target/aws-runtime");
    Files.createDirectories(work);
    Path file = Files.createTempFile(work, "contract-rules-", ".json");
    Files.write(file, rules);
    LambdaRuntimeProcess runtime = LambdaRuntimeProcess.start(new LambdaRuntimeProcess.Options()
        .env(AwsEnvironment.of(config, file.toAbsolutePath().toString(), format)));
    return new Transport() {
      @Override
      public HttpResponse exchange(HttpRequest r) {
        byte[] event = HttpEventCodec.functionUrlEvent(
            new HttpRequest(r.method(), r.path(), r.query(), r.headers(), r.body(), SOURCE_IP));
        return FunctionUrlFrontEnd.toHttp(runtime.invoke(event, Duration.ofSeconds(90)));
      }

      @Override
      public void close() {
        runtime.close();
      }
    };
  }
}
