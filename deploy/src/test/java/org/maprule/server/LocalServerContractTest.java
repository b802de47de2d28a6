package org.maprule.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.maprule.contract.ContractSuite;
import org.maprule.format.RuleSetFormat;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;

/**
 * The contract suite over the local transport: {@link LocalServer} (Netty) on 127.0.0.1 (a free
 * port), each request sent over real HTTP/1.1 by {@link LoopbackClient}. No known failure: the
 * request target reaches core's URI layer as sent, so {@code //get_rules} and {@code /%zz} get
 * core's answers.
 */
class LocalServerContractTest extends ContractSuite {
  @Override
  protected Transport start(ServiceConfig config, byte[] rules, RuleSetFormat format) throws Exception {
    LocalServer server = LocalServer.start(MapruleService.load(config, rules, format),
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    LoopbackClient client = new LoopbackClient("127.0.0.1", server.port());
    return new Transport() {
      @Override
      public HttpResponse exchange(HttpRequest request) throws Exception {
        return client.exchange(request);
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
