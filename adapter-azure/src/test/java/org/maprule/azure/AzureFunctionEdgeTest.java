package org.maprule.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;

/**
 * Requests at the edges, each answered through the Azure path and compared with core's own
 * answer to the same client request: the adapter may add nothing and lose nothing.
 */
class AzureFunctionEdgeTest {
  private static final String CE = "2001:db8:12:3400::1";
  private static final String ELSEWHERE = "2001:db9::1";
  private static final String HB46PP =
      "/hb46pp?vendorid=acde48&product=maprule-test&version=1_0&capability=map_e";

  private static MapruleService service(ServiceConfig config) {
    return MapruleService.load(config, RuleSetLoader.exampleBytes(), RuleSetFormat.NATIVE);
  }

  /** Core's answer as the client receives it from Azure: one value per header name. */
  private static Map<String, String> flat(Headers headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.asMap().forEach((k, v) -> out.put(k, String.join(", ", v)));
    return out;
  }

  private static HttpResponse sameAsCore(MapruleService service, HttpRequest request) {
    HttpResponse viaAzure = AzureFunctionTransport.over(service).exchange(request);
    HttpResponse core = service.handle(request);
    assertThat(viaAzure.status()).isEqualTo(core.status());
    assertThat(flat(viaAzure.headers())).isEqualTo(flat(core.headers()));
    assertThat(viaAzure.body()).isEqualTo(core.body());
    return viaAzure;
  }

  private static HttpRequest get(String target, String peer, String... headers) {
    return HttpRequest.get(target, Headers.of(headers), peer);
  }

  private static HttpRequest head(String target, String peer) {
    HttpRequest g = get(target, peer);
    return new HttpRequest("HEAD", g.path(), g.query(), g.headers(), new byte[0], g.peerAddress());
  }

  @Test
  void headAnswersLikeCoreWithNoBody() {
    MapruleService service = service(ServiceConfig.defaults().withCloud("azure"));
    for (String target : List.of("/rules", "/health", "/", "/nope")) {
      HttpResponse r = sameAsCore(service, head(target, CE));
      assertThat(r.body()).as(target).isEmpty();
    }
  }

  @Test
  void unknownPathIsCoresNotFound() {
    HttpResponse r = sameAsCore(service(ServiceConfig.defaults()), get("/no/such/path", CE));
    assertThat(r.status()).isEqualTo(404);
  }

  @Test
  void missingQueryIsCoresClientError() {
    MapruleService service = service(ServiceConfig.defaults());
    for (String target : List.of("/", "/calc", "/hb46pp")) {
      HttpResponse r = sameAsCore(service, get(target, CE));
      assertThat(r.status()).as(target).isBetween(400, 499);
    }
  }

  @Test
  void emptyAndRepeatedParametersReachCoreAsSent() {
    MapruleService service = service(ServiceConfig.defaults());
    sameAsCore(service, get("/key/get_rules?callback=", CE));
    sameAsCore(service, get("/calc?prefix=2001:db8:12:3400::/56&prefix=2001:db8:12:3500::/56", CE));
    sameAsCore(service, get("/calc?prefix=2001%3Adb8%3A12%3A3400%3A%3A%2F56", CE));
  }

  @Test
  void withoutAPeerTheFrontEndStillReportsOne() {
    MapruleService service = service(ServiceConfig.defaults());
    HttpResponse viaAzure = AzureFunctionTransport.over(service).exchange(get(HB46PP, null));
    HttpResponse core = service.handle(get(HB46PP, AzureFunctionTransport.FRONT_END_PEER));
    assertThat(viaAzure.status()).isEqualTo(core.status());
    assertThat(viaAzure.body()).isEqualTo(core.body());
  }

  @Test
  void forgedCdnHeaderWithoutTheSecretIsIgnoredAndThePeerUsed() {
    MapruleService service = service(ServiceConfig.defaults()
        .withClientAddressHeader("X-Azure-ClientIP").withOriginVerify("x-origin-verify", "s3cret"));

    HttpResponse forged = sameAsCore(service, get(HB46PP, CE, "x-azure-clientip", ELSEWHERE));
    HttpResponse plain = sameAsCore(service, get(HB46PP, CE));
    assertThat(forged.status()).isEqualTo(plain.status());
    assertThat(forged.body()).isEqualTo(plain.body());

    // with the secret the CDN's header is the client address, so the answer changes
    HttpResponse viaCdn = sameAsCore(service,
        get(HB46PP, ELSEWHERE, "x-azure-clientip", CE, "x-origin-verify", "s3cret"));
    HttpResponse fromElsewhere = sameAsCore(service, get(HB46PP, ELSEWHERE));
    assertThat(viaCdn.body()).isEqualTo(plain.body());
    assertThat(viaCdn.body()).isNotEqualTo(fromElsewhere.body());
  }

  @Test
  void clientsCannotForgeTheFrontEndsHeaders() {
    MapruleService service = service(ServiceConfig.defaults());
    HttpResponse forged = sameAsCore(service, get(HB46PP, ELSEWHERE,
        "client-ip", "[" + CE + "]:1", "x-forwarded-for", CE));
    HttpResponse honest = sameAsCore(service, get(HB46PP, ELSEWHERE));
    assertThat(forged.body()).isEqualTo(honest.body());
  }
}
