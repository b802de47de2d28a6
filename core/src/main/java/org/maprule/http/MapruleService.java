package org.maprule.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.format.RuleSetFormat;
import org.maprule.format.RuleSetLoader;
import org.maprule.json.Json;
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
 *
 * <p>Requests a transport cannot parse or will not read are answered by core too
 * ({@link #transportFault}), so that even a malformed request gets problem+json with
 * {@code x-maprule-ruleset}. A transport that reloads the rule set builds a new service per
 * document and swaps it in whole; a refused reload is shown on {@code /health}
 * ({@link #withReloadFailure}).
 */
public final class MapruleService {
  private static final System.Logger LOG = System.getLogger("org.maprule.http");
  private static final byte[] EMPTY = new byte[0];
  /** The longest client-sent value a transport-fault answer echoes, in chars. */
  static final int MAX_FAULT_VALUE = 256;

  private final ServiceConfig config;
  /** Null when no valid rule set is loaded. */
  private final ServedRuleSet served;
  /** The violations of a rule set that failed to load (errors first); empty when serving. */
  private final List<Violation> violations;
  /** The last refused reload, or null. */
  private final ReloadFailure reload;
  private final String ruleSetHeader;
  private final HttpResponse health;

  private MapruleService(ServiceConfig config, ServedRuleSet served, List<Violation> violations,
      ReloadFailure reload) {
    this.config = config;
    this.served = served;
    this.reload = reload;
    if (served != null) {
      this.violations = List.of();
      this.ruleSetHeader = served.digest();
      this.health = new HttpResponse(200,
          Responses.jsonHeaders(Responses.NO_STORE, ruleSetHeader),
          reload == null ? served.healthBody() : served.healthBody(reload));
    } else {
      this.ruleSetHeader = Responses.NO_RULE_SET;
      List<Violation> sorted = new ArrayList<>(violations);
      sorted.sort(Comparator.comparing(v -> v.isError() ? 0 : 1)); // stable: errors first
      this.violations = List.copyOf(sorted);
      byte[] body = JsonBodies.health("invalid", null, 0, 0, config.cloud(), MapruleVersion.get(),
          this.violations, reload);
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
          ServedRuleSet.prepare(RuleSetLoader.load(rules, format), config), List.of(), null);
    } catch (MapruleException e) {
      List<Violation> violations = e.violations().isEmpty()
          ? List.of(Violation.error(e.code(), e.field() == null ? "" : e.field(), e.value(),
              e.getMessage()))
          : e.violations();
      return new MapruleService(config, null, violations, null);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "rule set could not be prepared", e);
      return new MapruleService(config, null, List.of(Violation.error(ErrorCode.INTERNAL_ERROR, "",
          null, "the rule set could not be prepared: internal error ("
              + e.getClass().getSimpleName() + "); see the service log")), null);
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
   * This service with a refused reload shown on {@code /health} (docs/design.md §5): the same rule
   * set, digest and answers everywhere else, and {@code /health} with the member {@code reload}
   * ({@link ReloadFailure}) after the existing members; its status and code stay those of the
   * rule set still served (200 when it is valid: serving the earlier rule set is healthy, so a
   * CDN does not fail over). The rule set is shared, not prepared again.
   *
   * @param failure the refused reload
   * @return the new service; this one is unchanged
   */
  public MapruleService withReloadFailure(ReloadFailure failure) {
    Objects.requireNonNull(failure, "failure");
    return new MapruleService(config, served, violations, failure);
  }

  /** The last refused reload shown on {@code /health}, or null. */
  public ReloadFailure reloadFailure() {
    return reload;
  }

  /**
   * The answer to a request the transport could not parse or will not read ({@link TransportFault}):
   * RFC 9457 problem+json with the fault's status and code, {@code field} the fault's field,
   * {@code detail} the fault's summary followed by {@code ": "} and {@code reason}, {@code value}
   * the offending client text (at most {@value #MAX_FAULT_VALUE} chars, longer cut and ended
   * with {@code …}), {@code no-store} and {@code x-maprule-ruleset} as every error. The transport
   * sends it and then closes the connection.
   *
   * @param fault what is wrong
   * @param value the offending text as the client sent it (for example the transfer coding
   *     {@code gzip}), or null to echo nothing (for example for an over-long line)
   * @param reason what the transport saw and the limit it applied, in plain words, for example
   *     {@code longer than 8192 bytes}; or null for the summary alone. Never an exception's class
   *     name or stack trace.
   * @return the answer
   */
  public HttpResponse transportFault(TransportFault fault, String value, String reason) {
    Objects.requireNonNull(fault, "fault");
    String detail = reason == null || reason.isEmpty() ? fault.summary()
        : fault.summary() + ": " + reason;
    String shown = value == null || value.length() <= MAX_FAULT_VALUE ? value
        : value.substring(0, MAX_FAULT_VALUE) + "\u2026";
    return Responses.problem(fault.status(), fault.code(), detail, fault.field(), shown,
        ruleSetHeader);
  }

  /**
   * One access-log line for an answered request: a compact JSON object, UTF-8, without newline,
   * members in this order: {@code time} (RFC 3339 UTC, milliseconds), {@code client} (the client
   * address as core trusts it, {@link ClientAddresses#resolve}; null when it cannot be
   * determined), {@code clientSource} ({@value ClientAddresses#PEER} or the configured header's
   * name), {@code method}, {@code path} (decoded, no query; both null for a request the transport
   * could not parse), {@code endpoint} ({@link Endpoint#label()}), {@code status}, {@code bytes}
   * (body bytes sent), {@code micros} (from the request's arrival to the answer's hand-off),
   * {@code ruleSet} (this service's digest, {@code none} without a valid rule set).
   *
   * @param time when the request arrived
   * @param request the request, or null when the transport could not parse one
   * @param peerAddress the transport's peer address, for a request that could not be parsed
   *     (ignored when {@code request} is given), or null
   * @param status the status sent
   * @param bytes the number of body bytes sent, at least 0
   * @param micros the time taken, microseconds, at least 0
   * @return the line
   */
  public byte[] accessLogLine(Instant time, HttpRequest request, String peerAddress, int status,
      long bytes, long micros) {
    Objects.requireNonNull(time, "time");
    String client = null;
    String source = ClientAddresses.PEER;
    if (request != null) {
      if (config.clientAddressHeader() != null) {
        source = config.clientAddressHeader();
      }
      try {
        ClientAddress a = ClientAddresses.resolve(config, request);
        client = a.text();
        source = a.source();
      } catch (RuntimeException unknown) {
        // a missing or garbled header, or no peer: logged as unknown
      }
    } else if (peerAddress != null) {
      client = peerAddress;
    }
    String clientText = client;
    String clientSource = source;
    return Json.write(w -> w.beginObject()
        .field("time", JsonBodies.utc(time))
        .field("client", clientText)
        .field("clientSource", clientSource)
        .field("method", request == null ? null : request.method())
        .field("path", request == null ? null : request.path())
        .field("endpoint", Endpoint.of(request == null ? null : request.path()).label())
        .field("status", status)
        .field("bytes", bytes)
        .field("micros", micros)
        .field("ruleSet", ruleSetHeader)
        .endObject());
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
    Endpoint endpoint = Endpoint.of(path);
    if (endpoint == Endpoint.NONE) {
      throw new MapruleException(ErrorCode.NOT_FOUND, "path", path,
          "no endpoint at path '" + path + "'");
    }
    String method = request.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new MapruleException(ErrorCode.METHOD_NOT_ALLOWED, "method", method,
          "method '" + method + "' is not allowed: only GET and HEAD are served");
    }
    if (endpoint == Endpoint.HEALTH) {
      return health;
    }
    if (served == null) {
      throw new MapruleException(ErrorCode.RULE_SET_INVALID, null, null,
          "the loaded rule set is invalid and is not served; /health lists why");
    }
    return switch (endpoint) {
      case OCN -> OcnEndpoint.answer(served, config, request);
      case HB46PP -> Hb46ppEndpoint.answer(served, config, request);
      case GET_RULES -> JpneEndpoint.answer(served, config, request, JpneEndpoint.key(path));
      case RULES -> served.shared(served.rulesBody(), request);
      case LOOKUP -> LookupEndpoint.answer(served, request);
      case CALC -> CalcEndpoint.answer(served, request);
      case HEALTH, NONE -> throw new IllegalStateException("routed above: " + endpoint);
    };
  }
}
