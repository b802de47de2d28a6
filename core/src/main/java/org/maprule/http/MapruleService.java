package org.maprule.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.validate.Violation;

/**
 * The whole HTTP behaviour of maprule on neutral types: routing, status codes, headers, bodies,
 * errors, auth checks and the trusted client address (docs/design.md §1, §5). Every transport calls
 * {@link #handle}. Immutable after {@link #load}; thread-safe.
 *
 * <p>Endpoints (exact paths; GET and HEAD only; unknown query parameters ignored everywhere):
 * <table>
 *   <caption>endpoints</caption>
 *   <tr><th>path</th><th>answer</th><th>cache-control</th></tr>
 *   <tr><td>{@code /}</td><td>OCN rules ({@link OcnEndpoint})</td><td>shared</td></tr>
 *   <tr><td>{@code /hb46pp}</td><td>HB46PP ({@link Hb46ppEndpoint})</td>
 *       <td>{@code private, no-store}</td></tr>
 *   <tr><td>{@code /{key}/get_rules}</td><td>JPNE JSONP ({@link JpneEndpoint})</td>
 *       <td>{@code private, no-store}</td></tr>
 *   <tr><td>{@code /rules}</td><td>the rule set, native JSON</td><td>shared</td></tr>
 *   <tr><td>{@code /calc}</td><td>{@code maprule calc} object or OpenWrt section
 *       ({@link CalcEndpoint})</td><td>shared</td></tr>
 *   <tr><td>{@code /lookup}</td><td>reverse look-up ({@link LookupEndpoint})</td>
 *       <td>shared</td></tr>
 *   <tr><td>{@code /health}</td><td>status, digest, counts, cloud, version</td>
 *       <td>{@code no-store}</td></tr>
 * </table>
 * "Shared" is {@code public, max-age=}{@link ServiceConfig#sharedMaxAgeSeconds()} with the strong
 * entity-tag {@code "<digest>"}, answered 304 (empty body, same headers) when
 * {@code If-None-Match} matches (RFC 9110 §13.1.2). Content type {@code application/json;
 * charset=utf-8} but for the JSONP of {@code get_rules} ({@code application/javascript;
 * charset=utf-8}, with {@code x-content-type-options: nosniff}) and
 * {@code /calc?format=openwrt} ({@code text/plain; charset=utf-8}). Every answer has
 * {@code x-maprule-ruleset: <digest>} ({@code none} without a valid rule set), a
 * {@code content-type} and a {@code cache-control}; HEAD answers the GET's status and headers with
 * an empty body.
 *
 * <p>Errors are RFC 9457 problem+json, {@code no-store} (member order and {@code type} in
 * {@link Responses}): 404 {@code NOT_FOUND} for any other path, 405 {@code METHOD_NOT_ALLOWED}
 * with {@code allow: GET, HEAD} for any other method on a known path, 4xx for the client's
 * mistakes, 503 {@code RULE_SET_INVALID} from every endpoint but {@code /health} when the rule set
 * failed to load, and 503 {@code INTERNAL_ERROR} (no details; the cause goes to the
 * {@code org.maprule.http} {@link System.Logger}) for anything unexpected. Never a 500, never a
 * stack trace.
 */
public final class MapruleService {
  private static final System.Logger LOG = System.getLogger("org.maprule.http");
  private static final byte[] EMPTY = new byte[0];

  private final ServiceConfig config;
  /** Null when no valid rule set is loaded. */
  private final ServedRuleSet served;
  private final String ruleSetHeader;
  private final HttpResponse health;

  private MapruleService(ServiceConfig config, ServedRuleSet served, List<Violation> violations) {
    this.config = config;
    this.served = served;
    if (served != null) {
      this.ruleSetHeader = served.digest();
      this.health = new HttpResponse(200,
          Responses.jsonHeaders(Responses.NO_STORE, ruleSetHeader), served.healthBody());
    } else {
      this.ruleSetHeader = Responses.NO_RULE_SET;
      List<Violation> sorted = new ArrayList<>(violations);
      sorted.sort(Comparator.comparing(v -> v.isError() ? 0 : 1)); // stable: errors first
      byte[] body = JsonBodies.health("invalid", null, 0, 0, config.cloud(), MapruleVersion.get(),
          sorted);
      this.health = new HttpResponse(503,
          Responses.jsonHeaders(Responses.NO_STORE, ruleSetHeader), body);
    }
  }

  /**
   * A service for a rule-set document, read and validated whole now
   * ({@link RuleSetLoader#load}); the calculator and every body that is the same for every request
   * are prepared now too. When the document fails to read or validate, the service still starts,
   * answers 503 {@code RULE_SET_INVALID} on every CE endpoint and lists every violation (errors
   * first) on {@code /health}; an unexpected failure while preparing is reported the same way as
   * one violation with code {@code INTERNAL_ERROR}.
   *
   * @param config the deployment's configuration
   * @param rules the rule-set document
   * @param format its format
   * @return the service
   */
  public static MapruleService load(ServiceConfig config, byte[] rules, RuleSetFormat format) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(format, "format");
    try {
      return new MapruleService(config,
          ServedRuleSet.prepare(RuleSetLoader.load(rules, format), config), null);
    } catch (MapruleException e) {
      List<Violation> violations = e.violations().isEmpty()
          ? List.of(Violation.error(e.code(), e.field() == null ? "" : e.field(), e.value(),
              e.getMessage()))
          : e.violations();
      return new MapruleService(config, null, violations);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "rule set could not be prepared", e);
      return new MapruleService(config, null, List.of(Violation.error(ErrorCode.INTERNAL_ERROR, "",
          null, "the rule set could not be prepared: internal error ("
              + e.getClass().getSimpleName() + "); see the service log")));
    }
  }

  /** Whether a valid rule set is loaded (else every CE endpoint answers 503). */
  public boolean isServing() {
    return served != null;
  }

  /** The loaded rule set's digest, or {@code none} when no valid rule set is loaded. */
  public String ruleSetDigest() {
    return ruleSetHeader;
  }

  /**
   * Answers one request. Never throws for anything a client sends: bad input is a 4xx
   * problem+json answer, an unservable rule set or an internal failure a 503.
   *
   * @param request the neutral request
   * @return the neutral response
   */
  public HttpResponse handle(HttpRequest request) {
    HttpResponse full;
    try {
      full = route(request);
    } catch (MapruleException e) {
      full = Responses.problem(e, ruleSetHeader);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.ERROR, "unexpected failure answering " + request.method() + " "
          + request.path(), e);
      full = Responses.problem(503, ErrorCode.INTERNAL_ERROR,
          "the service failed unexpectedly and cannot answer this request", null, null,
          ruleSetHeader);
    }
    if ("HEAD".equals(request.method()) && full.body().length > 0) {
      return new HttpResponse(full.status(), full.headers(), EMPTY);
    }
    return full;
  }

  private HttpResponse route(HttpRequest request) {
    String path = request.path();
    String jpneKey = JpneEndpoint.key(path);
    boolean known = jpneKey != null || path.equals("/") || path.equals("/hb46pp")
        || path.equals("/rules") || path.equals("/calc") || path.equals("/lookup")
        || path.equals("/health");
    if (!known) {
      throw new MapruleException(ErrorCode.NOT_FOUND, "path", path,
          "no endpoint at path '" + path + "'");
    }
    String method = request.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new MapruleException(ErrorCode.METHOD_NOT_ALLOWED, "method", method,
          "method '" + method + "' is not allowed: only GET and HEAD are served");
    }
    if (path.equals("/health")) {
      return health;
    }
    if (served == null) {
      throw new MapruleException(ErrorCode.RULE_SET_INVALID, null, null,
          "the loaded rule set is invalid and is not served; /health lists why");
    }
    if (jpneKey != null) {
      return JpneEndpoint.answer(served, config, request, jpneKey);
    }
    return switch (path) {
      case "/" -> OcnEndpoint.answer(served, config, request);
      case "/hb46pp" -> Hb46ppEndpoint.answer(served, config, request);
      case "/rules" -> served.shared(served.rulesBody(), request);
      case "/lookup" -> LookupEndpoint.answer(served, request);
      default -> CalcEndpoint.answer(served, request);
    };
  }
}
