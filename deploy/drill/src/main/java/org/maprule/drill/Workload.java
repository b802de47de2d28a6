package org.maprule.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.maprule.format.LoadedRuleSet;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;
import org.maprule.http.HttpResponse;
import org.maprule.http.MapruleService;
import org.maprule.http.ServiceConfig;
import org.maprule.parity.Answer;
import org.maprule.parity.AnswerDiff;
import org.maprule.sample.CeRequest;
import org.maprule.sample.CeRequestGenerator;
import org.maprule.sample.Endpoint;
import org.maprule.sample.Mix;

/**
 * The CE requests of the drill and the answer core gives to each in-process, configured as the
 * origins are ({@code x-test-client} trusted): {@value #PER_ENDPOINT} well-formed requests
 * ({@link Mix#VALID}) of each endpoint of {@link #ENDPOINTS} from core's generator, each for its
 * own CE inside a rule, each answered 200.
 *
 * @param items the requests and their expected answers, in generator order
 * @param digest the served rule set's digest
 */
record Workload(List<Item> items, String digest) {
  /** Requests per endpoint. */
  static final int PER_ENDPOINT = 8;
  /**
   * The endpoints asked: every CE endpoint and {@code /rules} ({@code /health} names the origin's
   * cloud, so its body depends on which origin answered).
   */
  static final Set<Endpoint> ENDPOINTS = EnumSet.range(Endpoint.OCN, Endpoint.RULES);
  /** The header compared besides status and body: which rule set answered. */
  static final List<String> COMPARED = List.of("x-maprule-ruleset");

  /**
   * One request and core's answer to it.
   *
   * @param request the request
   * @param expected core's answer: status, {@code x-maprule-ruleset}, body
   */
  record Item(CeRequest request, Answer expected) {}

  /**
   * What one answer through the proxy amounts to.
   *
   * @param failed no answer, or another status than core's
   * @param wrongBody the status is core's, but the body bytes or {@code x-maprule-ruleset} differ
   * @param detail what went wrong, for the figures' examples; null when neither
   */
  record Verdict(boolean failed, boolean wrongBody, String detail) {}

  /**
   * The workload over a rules file.
   *
   * @param rulesFile a valid native rule set
   * @param seed the generator's seed
   * @return the workload
   * @throws IOException when the file cannot be read
   * @throws IllegalStateException when core does not answer a request 200 (the workload must
   *     hit real rules)
   */
  static Workload of(Path rulesFile, long seed) throws IOException {
    return of(Files.readAllBytes(rulesFile), seed);
  }

  /** {@link #of(Path, long)} over the file's bytes. */
  static Workload of(byte[] rules, long seed) {
    LoadedRuleSet loaded = RuleSetLoader.load(rules, RuleSetFormat.NATIVE);
    MapruleService core = MapruleService.load(
        ServiceConfig.defaults().withClientAddressHeader(Lab.CLIENT_HEADER), rules,
        RuleSetFormat.NATIVE);
    List<Item> items = new ArrayList<>();
    for (CeRequest r : CeRequestGenerator.of(loaded, CeRequestGenerator.Options.defaults()
        .withSeed(seed).withPerEndpoint(PER_ENDPOINT).withEndpoints(ENDPOINTS).withMix(Mix.VALID)
        .withClientAddressHeader(Lab.CLIENT_HEADER)).requests()) {
      Headers.Builder h = Headers.builder();
      r.headers().forEach(h::add);
      HttpResponse a = core.handle(HttpRequest.of(r.method(), r.target(), h.build(), null,
          "127.0.0.1"));
      if (a.status() != 200) {
        throw new IllegalStateException("core answers " + a.status() + " to " + r.target()
            + " from " + r.clientAddress() + ": the workload must hit real rules");
      }
      items.add(new Item(r, Answer.of(a.status(), a.headers()::all, a.body(), COMPARED)));
    }
    return new Workload(List.copyOf(items), loaded.digest());
  }

  /**
   * How many distinct client addresses the requests come from.
   *
   * @return the count
   */
  long clientAddresses() {
    return items.stream().map(i -> i.request().clientAddress()).distinct().count();
  }

  /**
   * Judges one answer against core's: failed when there was none or its status differs, a wrong
   * body when the status matches but the body bytes or {@code x-maprule-ruleset} do not.
   *
   * @param item the request and core's answer
   * @param actual the answer through the proxy ({@link Answer#none} when there was none)
   * @param servedBy which origin answered ({@code x-drill-origin}), for the detail
   * @return the verdict
   */
  static Verdict judge(Item item, Answer actual, String servedBy) {
    CeRequest r = item.request();
    String what = r.endpoint().label() + " " + r.target();
    Optional<AnswerDiff> diff = AnswerDiff.of(item.expected(), actual, COMPARED);
    if (diff.isEmpty()) {
      return new Verdict(false, false, null);
    }
    AnswerDiff d = diff.get();
    if (d.unanswered()) {
      return new Verdict(true, false, what + ": " + actual.error());
    }
    if (d.status()) {
      return new Verdict(true, false, what + " -> " + actual.status() + " via " + servedBy + ": "
          + new String(actual.body(), StandardCharsets.UTF_8).strip().replace('\n', ' '));
    }
    String how = d.bodyOffset() >= 0 ? "body differs at byte " + d.bodyOffset()
        : d.headers().get(0).name() + " " + d.headers().get(0).second() + " instead of "
            + d.headers().get(0).first();
    return new Verdict(false, true, what + " via " + servedBy + ": " + how);
  }
}
