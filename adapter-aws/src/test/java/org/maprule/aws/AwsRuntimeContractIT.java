package org.maprule.aws;

import org.maprule.aws.runtime.LambdaFunctionUrl;
import org.maprule.contract.ContractSuite;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.ServiceConfig;

/**
 * Core's HTTP contract over the AWS path ({@link LambdaFunctionUrl}): every golden request becomes
 * a Function URL event (payload 2.0), goes through a fake Runtime API to the real runtime
 * interface client running the shaded jar's {@link MapruleHandler} in a child JVM (the jar
 * unpacked in the task root, as Lambda runs an uploaded jar; configured only by {@code MAPRULE_*}
 * environment variables), and the posted response document is turned back into HTTP as the
 * Function URL front end does. One child JVM per contract context, shared with the cross-cloud
 * parity check.
 *
 * <p>The transport's own client address ({@code requestContext.http.sourceIp}) is
 * {@value LambdaFunctionUrl#SOURCE_IP}, as for the core router's transport.
 */
class AwsRuntimeContractIT extends ContractSuite {

  @Override
  protected Transport start(ServiceConfig config, byte[] rules, RuleSetFormat format) throws Exception {
    LambdaFunctionUrl function = LambdaFunctionUrl.serving(config, rules, format);
    return new Transport() {
      @Override
      public HttpResponse exchange(HttpRequest r) {
        return function.exchange(r);
      }

      @Override
      public void close() {
        // shared with other ITs of this JVM; stopped when the JVM exits
      }
    };
  }
}
