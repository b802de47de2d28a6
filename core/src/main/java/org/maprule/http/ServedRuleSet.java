package org.maprule.http;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maprule.calc.MapCalculator;
import org.maprule.format.CeFormats;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * A valid rule set ready to answer from: its calculator and every body that is the same for
 * every request, computed once at load (the {@code /rules} body, one OCN body per domain, the
 * HB46PP {@code "order":[]} body, the {@code /health} body), plus HB46PP MAP-E bodies computed on
 * first use per (domain, BMR) and kept (at most one per rule). Immutable apart from that cache;
 * thread-safe.
 */
final class ServedRuleSet {
  private static final byte[] EMPTY = new byte[0];

  private final RuleSet ruleSet;
  private final String digest;
  private final String etag;
  private final MapCalculator calculator;
  private final Headers sharedHeaders;
  private final Headers tailoredHeaders;
  private final byte[] rulesBody;
  private final Map<String, byte[]> ocnBodies;
  private final byte[] hb46ppWithoutMapE;
  private final byte[] healthBody;
  private final Map<Hb46ppKey, byte[]> hb46ppBodies = new ConcurrentHashMap<>();

  private record Hb46ppKey(String domain, MapRule bmr) {}

  private ServedRuleSet(LoadedRuleSet loaded, ServiceConfig config) {
    this.ruleSet = loaded.ruleSet();
    this.digest = loaded.digest();
    this.etag = '"' + digest + '"';
    this.calculator = MapCalculator.of(ruleSet);
    this.sharedHeaders = Responses.sharedHeaders(config.sharedMaxAgeSeconds(), digest);
    this.tailoredHeaders = Responses.jsonHeaders(Responses.PRIVATE_NO_STORE, digest);
    this.rulesBody = RuleSetFormat.NATIVE.write(ruleSet);
    Map<String, byte[]> ocn = new HashMap<>();
    for (Domain d : ruleSet.domains()) {
      ocn.put(d.name(), CeFormats.ocn(d));
    }
    this.ocnBodies = Map.copyOf(ocn);
    Domain first = ruleSet.domains().get(0);
    this.hb46ppWithoutMapE = CeFormats.hb46pp(ruleSet, first, first.rules().get(0), false);
    this.healthBody = JsonBodies.health("ok", digest, ruleSet.domains().size(),
        ruleSet.ruleCount(), config.cloud(), MapruleVersion.get(), null);
  }

  /**
   * Prepares a loaded (valid) rule set.
   *
   * @param loaded the rule set, validated with no error
   * @param config the configuration (max-age, cloud name)
   * @return the prepared rule set
   * @throws RuntimeException whatever the calculator or the formats throw on a rule set they
   *     cannot handle (the caller serves 503 then)
   */
  static ServedRuleSet prepare(LoadedRuleSet loaded, ServiceConfig config) {
    return new ServedRuleSet(loaded, config);
  }

  RuleSet ruleSet() {
    return ruleSet;
  }

  String digest() {
    return digest;
  }

  MapCalculator calculator() {
    return calculator;
  }

  byte[] rulesBody() {
    return rulesBody;
  }

  byte[] healthBody() {
    return healthBody;
  }

  /** The OCN body of the domain named {@code name}. */
  byte[] ocnBody(String domainName) {
    byte[] b = ocnBodies.get(domainName);
    if (b == null) {
      throw new IllegalStateException("no OCN body for domain " + domainName);
    }
    return b;
  }

  /** The HB46PP body for a CE of {@code domain} whose BMR is {@code bmr}, MAP-E or not. */
  byte[] hb46ppBody(Domain domain, MapRule bmr, boolean mapE) {
    if (!mapE) {
      return hb46ppWithoutMapE;
    }
    return hb46ppBodies.computeIfAbsent(new Hb46ppKey(domain.name(), bmr),
        k -> CeFormats.hb46pp(ruleSet, domain, bmr, true));
  }

  /**
   * A 200 answer shared by every client (public, max-age, strong entity-tag), or 304 with an
   * empty body and the same headers when {@code If-None-Match} matches (RFC 9110 §13.1.2).
   */
  HttpResponse shared(byte[] body, HttpRequest request) {
    if (EntityTags.noneMatchFails(request.headers().all("if-none-match"), etag)) {
      return new HttpResponse(304, sharedHeaders, EMPTY);
    }
    return new HttpResponse(200, sharedHeaders, body);
  }

  /** A 200 answer tailored to the client: {@code private, no-store}, no entity-tag. */
  HttpResponse tailored(byte[] body) {
    return new HttpResponse(200, tailoredHeaders, body);
  }
}
