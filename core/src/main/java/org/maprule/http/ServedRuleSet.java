package org.maprule.http;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maprule.calc.MapCalculator;
import org.maprule.format.CeFormats;
import org.maprule.format.JpneFormat;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.lookup.ReverseLookup;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;

/**
 * A valid rule set ready to answer from: its calculator, its reverse look-up and every body that
 * is the same for every request, computed once at load (the {@code /rules} body, one OCN body and
 * one JPNE JSON object per domain, the HB46PP {@code "order":[]} body, the {@code /health} body),
 * plus HB46PP MAP-E bodies computed on first use per (domain, BMR) and kept (at most one per
 * rule). Immutable apart from that cache; thread-safe.
 */
final class ServedRuleSet {
  private static final byte[] EMPTY = new byte[0];

  private final RuleSet ruleSet;
  private final String digest;
  private final String etag;
  private final MapCalculator calculator;
  private final ReverseLookup reverseLookup;
  private final Headers sharedHeaders;
  private final Headers sharedTextHeaders;
  private final Headers tailoredHeaders;
  private final Headers javascriptHeaders;
  private final byte[] rulesBody;
  private final Map<String, byte[]> ocnBodies;
  private final Map<String, byte[]> jpneObjects;
  private final byte[] hb46ppWithoutMapE;
  private final String cloud;
  private final byte[] healthBody;
  private final Map<Hb46ppKey, byte[]> hb46ppBodies = new ConcurrentHashMap<>();

  private record Hb46ppKey(String domain, MapRule bmr) {}

  private ServedRuleSet(LoadedRuleSet loaded, ServiceConfig config) {
    this.ruleSet = loaded.ruleSet();
    this.digest = loaded.digest();
    this.etag = '"' + digest + '"';
    this.calculator = MapCalculator.of(ruleSet);
    this.reverseLookup = ReverseLookup.of(ruleSet);
    this.sharedHeaders = Responses.sharedHeaders(config.sharedMaxAgeSeconds(), digest);
    this.sharedTextHeaders =
        Responses.sharedHeaders(Responses.TEXT, config.sharedMaxAgeSeconds(), digest);
    this.tailoredHeaders = Responses.jsonHeaders(Responses.PRIVATE_NO_STORE, digest);
    this.javascriptHeaders = Responses.javascriptHeaders(digest);
    this.rulesBody = RuleSetFormat.NATIVE.write(ruleSet);
    Map<String, byte[]> ocn = new HashMap<>();
    Map<String, byte[]> jpne = new HashMap<>();
    for (Domain d : ruleSet.domains()) {
      ocn.put(d.name(), CeFormats.ocn(d));
      jpne.put(d.name(), JpneFormat.object(d, digest));
    }
    this.ocnBodies = Map.copyOf(ocn);
    this.jpneObjects = Map.copyOf(jpne);
    Domain first = ruleSet.domains().get(0);
    this.hb46ppWithoutMapE = CeFormats.hb46pp(ruleSet, first, first.rules().get(0), false);
    this.cloud = config.cloud();
    this.healthBody = healthBody(null);
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

  /** The reverse look-up over this rule set, built at load. */
  ReverseLookup reverseLookup() {
    return reverseLookup;
  }

  byte[] rulesBody() {
    return rulesBody;
  }

  byte[] healthBody() {
    return healthBody;
  }

  /** The {@code /health} body of this rule set, with the member {@code reload} when non-null. */
  byte[] healthBody(ReloadFailure reload) {
    return JsonBodies.health("ok", digest, ruleSet.domains().size(), ruleSet.ruleCount(), cloud,
        MapruleVersion.get(), null, reload);
  }

  /** The OCN body of the domain named {@code name}. */
  byte[] ocnBody(String domainName) {
    byte[] b = ocnBodies.get(domainName);
    if (b == null) {
      throw new IllegalStateException("no OCN body for domain " + domainName);
    }
    return b;
  }

  /**
   * The JPNE {@code get_rules} body for a CE of {@code domain}: its JSON object (built at load)
   * wrapped in {@code callback}.
   *
   * @throws org.maprule.MapruleException as {@link JpneFormat#validateCallback}
   */
  byte[] jpneBody(Domain domain, String callback) {
    byte[] object = jpneObjects.get(domain.name());
    if (object == null) {
      throw new IllegalStateException("no JPNE object for domain " + domain.name());
    }
    return JpneFormat.jsonp(callback, object);
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
    return shared(sharedHeaders, body, request);
  }

  /** As {@link #shared(byte[], HttpRequest)} for a {@code text/plain; charset=utf-8} body. */
  HttpResponse sharedText(byte[] body, HttpRequest request) {
    return shared(sharedTextHeaders, body, request);
  }

  private HttpResponse shared(Headers headers, byte[] body, HttpRequest request) {
    if (EntityTags.noneMatchFails(request.headers().all("if-none-match"), etag)) {
      return new HttpResponse(304, headers, EMPTY);
    }
    return new HttpResponse(200, headers, body);
  }

  /** A 200 answer tailored to the client: {@code private, no-store}, no entity-tag. */
  HttpResponse tailored(byte[] body) {
    return new HttpResponse(200, tailoredHeaders, body);
  }

  /**
   * A 200 JSONP answer tailored to the client: {@code application/javascript; charset=utf-8},
   * {@code private, no-store}, {@code x-content-type-options: nosniff}, no entity-tag.
   */
  HttpResponse tailoredJavascript(byte[] body) {
    return new HttpResponse(200, javascriptHeaders, body);
  }
}
