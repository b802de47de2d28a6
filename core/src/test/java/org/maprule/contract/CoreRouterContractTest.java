package org.maprule.contract;

import org.maprule.format.RuleSetFormat;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;

/** The contract suite on the core router itself: {@link MapruleService#handle}, peer 127.0.0.1. */
class CoreRouterContractTest extends ContractSuite {
  @Override
  protected Transport start(ServiceConfig config, byte[] rules, RuleSetFormat format) {
    MapruleService service = MapruleService.load(config, rules, format);
    return new Transport() {
      @Override
      public HttpResponse exchange(HttpRequest r) {
        return service.handle(new HttpRequest(r.method(), r.path(), r.query(), r.headers(),
            r.body(), "127.0.0.1"));
      }

      @Override
      public void close() {}
    };
  }
}
