package org.maprule.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maprule.http.Headers;
import org.maprule.http.HttpRequest;

/**
 * One golden request → response pair, read from {@code contract/cases/<name>.txt} on the
 * classpath (core's test-jar). The file is UTF-8 and reads like an HTTP exchange:
 *
 * <pre>
 * # comment lines (only at the top)
 * context example                       the named context (ContractContexts)
 * GET /calc?prefix=2001:db8::/56        method and raw target (query percent-encoded or not)
 * x-test-client: 2001:db8:12:3400::1    request headers, one per line
 *                                       a blank line ends the request
 * 200                                   expected status
 * content-type: application/json; charset=utf-8
 * etag: "{{digest}}"                    headers that must be present with exactly this value
 * !allow                                a header that must be absent
 *                                       a blank line ends the response head
 * {"prefix":…}                          the exact body: the rest of the file, less one final "\n"
 * </pre>
 *
 * Without a blank line and body after the response head, the body must be empty (HEAD, 304).
 * Placeholders, in header values and the body: {@code {{digest}}} the context's rule-set digest
 * as core computes it, {@code {{version}}} the maprule version. Header names compare
 * case-insensitively, values exactly; headers not listed are not checked (transports add
 * {@code date}, {@code content-length}, …).
 *
 * @param name the file name without {@code .txt}
 * @param context the context name
 * @param method the request method
 * @param target the raw request target (path and optional {@code ?query})
 * @param requestHeaders request headers, in order
 * @param status the expected status
 * @param expectedHeaders lower-case name to expected value (placeholders not yet replaced)
 * @param absentHeaders lower-case names that must not be present
 * @param body the expected body (placeholders not yet replaced); empty for none
 */
record ContractCase(String name, String context, String method, String target,
    List<String[]> requestHeaders, int status, Map<String, String> expectedHeaders,
    List<String> absentHeaders, String body) {

  /** The classpath folder of the cases. */
  static final String FOLDER = "contract/cases/";
  /** The classpath index listing every case name, one per line ({@code #} comments). */
  static final String INDEX = "contract/index.txt";

  /** Every case named in the index, in index order. */
  static List<ContractCase> loadAll() {
    List<ContractCase> out = new ArrayList<>();
    for (String line : read(INDEX).split("\n")) {
      String n = line.strip();
      if (!n.isEmpty() && !n.startsWith("#")) {
        out.add(parse(n, read(FOLDER + n + ".txt")));
      }
    }
    return out;
  }

  /** The request as the suite hands it to a transport (no peer: the transport has its own). */
  HttpRequest request() {
    Headers.Builder h = Headers.builder();
    for (String[] kv : requestHeaders) {
      h.add(kv[0], kv[1]);
    }
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? "" : target.substring(q + 1);
    return new HttpRequest(method, path, HttpRequest.parseQuery(rawQuery), h.build(), new byte[0],
        null);
  }

  /**
   * Parses one case file.
   *
   * @param name the case name
   * @param text the file text
   * @return the case
   * @throws IllegalArgumentException naming the file and line when malformed
   */
  static ContractCase parse(String name, String text) {
    String t = text.replace("\r\n", "\n");
    List<String> lines = List.of(t.split("\n", -1));
    int i = 0;
    while (i < lines.size() && (lines.get(i).startsWith("#") || lines.get(i).isBlank())) {
      i++;
    }
    String ctxLine = line(lines, i++, name);
    if (!ctxLine.startsWith("context ")) {
      throw bad(name, i, "expected 'context <name>'");
    }
    String context = ctxLine.substring("context ".length()).strip();
    String reqLine = line(lines, i++, name);
    int sp = reqLine.indexOf(' ');
    if (sp < 0) {
      throw bad(name, i, "expected '<METHOD> <target>'");
    }
    String method = reqLine.substring(0, sp);
    String target = reqLine.substring(sp + 1).strip();
    List<String[]> reqHeaders = new ArrayList<>();
    while (!line(lines, i, name).isEmpty()) {
      String h = lines.get(i++);
      int c = h.indexOf(':');
      if (c <= 0) {
        throw bad(name, i, "expected 'name: value'");
      }
      reqHeaders.add(new String[] {h.substring(0, c).strip(), h.substring(c + 1).strip()});
    }
    i++;
    int status;
    try {
      status = Integer.parseInt(line(lines, i++, name).strip());
    } catch (NumberFormatException e) {
      throw bad(name, i, "expected a status code");
    }
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> absent = new ArrayList<>();
    while (i < lines.size() && !lines.get(i).isEmpty()) {
      String h = lines.get(i++);
      if (h.startsWith("!")) {
        absent.add(h.substring(1).strip().toLowerCase(Locale.ROOT));
        continue;
      }
      int c = h.indexOf(':');
      if (c <= 0) {
        throw bad(name, i, "expected 'name: value' or '!name'");
      }
      expected.put(h.substring(0, c).strip().toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
    }
    String body = "";
    if (i < lines.size()) {
      body = String.join("\n", lines.subList(i + 1, lines.size()));
      if (body.endsWith("\n")) {
        body = body.substring(0, body.length() - 1);
      }
    }
    return new ContractCase(name, context, method, target, List.copyOf(reqHeaders), status,
        expected, List.copyOf(absent), body);
  }

  private static String line(List<String> lines, int i, String name) {
    if (i >= lines.size()) {
      throw bad(name, i, "unexpected end of file");
    }
    return lines.get(i);
  }

  private static IllegalArgumentException bad(String name, int line, String why) {
    return new IllegalArgumentException("contract case " + name + ", line " + line + ": " + why);
  }

  static String read(String resource) {
    try (InputStream in = ContractCase.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] readBytes(String resource) {
    try (InputStream in = ContractCase.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing classpath resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
