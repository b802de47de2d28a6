package org.maprule.infra.cdn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source of the traffic-mode CloudFront Function, {@code deploy/cdn/traffic-mode.js}, packaged
 * into this module's jar byte for byte (the file Node's test runner tests) and read from there.
 */
public final class EdgeFunctionCode {

  /** Where the build puts the file on the class path. */
  public static final String RESOURCE = "/org/maprule/infra/cdn/traffic-mode.js";
  /** CloudFront's limit on a function's code, bytes (not adjustable). */
  public static final int MAX_BYTES = 10 * 1024;

  private static final String DEFAULT_VERIFY_HEADER = "'x-origin-verify'";
  private static final Pattern STRIP_LINE =
      Pattern.compile("(?m)^var STRIP_HEADERS = \\['x-origin-verify', 'cloudfront-viewer-address'\\];$");

  private EdgeFunctionCode() {}

  /**
   * The function source as shipped.
   *
   * @return the JavaScript source, UTF-8 decoded
   * @throws IllegalStateException when the resource is missing from the class path (a build
   *     problem)
   */
  public static String source() {
    try (InputStream in = EdgeFunctionCode.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path: the build copies "
            + "deploy/cdn/traffic-mode.js there (deploy/infra/pom.xml)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The source with the configured origin-verify header name in its list of headers a client may
   * not send (the shipped file names the default, {@code x-origin-verify}).
   *
   * @param originVerifyHeader the header name, lower case
   * @return the code to deploy
   * @throws IllegalStateException when the source no longer has the expected header-list line or
   *     grows past {@link #MAX_BYTES}
   */
  public static String render(String originVerifyHeader) {
    String source = source();
    Matcher m = STRIP_LINE.matcher(source);
    if (!m.find()) {
      throw new IllegalStateException("traffic-mode.js: the STRIP_HEADERS line changed; update "
          + EdgeFunctionCode.class.getName());
    }
    String line = m.group().replace(DEFAULT_VERIFY_HEADER, "'" + originVerifyHeader + "'");
    String code = source.substring(0, m.start()) + line + source.substring(m.end());
    if (code.getBytes(StandardCharsets.UTF_8).length >= MAX_BYTES) {
      throw new IllegalStateException("traffic-mode.js is over CloudFront's 10 KB limit");
    }
    return code;
  }

  /**
   * A {@code var NAME = 'value';} constant of the source.
   *
   * @param source the source
   * @param name the variable name
   * @return the string value
   * @throws IllegalArgumentException when there is no such constant
   */
  public static String stringConstant(String source, String name) {
    Matcher m = Pattern.compile("(?m)^var " + Pattern.quote(name) + " = '([^']*)';$").matcher(source);
    if (!m.find()) {
      throw new IllegalArgumentException("no string constant " + name);
    }
    return m.group(1);
  }

  /**
   * A {@code var NAME = [1, 2];} integer-array constant of the source.
   *
   * @param source the source
   * @param name the variable name
   * @return the values in order
   * @throws IllegalArgumentException when there is no such constant
   */
  public static List<Integer> intArrayConstant(String source, String name) {
    Matcher m = Pattern.compile("(?m)^var " + Pattern.quote(name) + " = \\[([0-9, ]*)\\];$")
        .matcher(source);
    if (!m.find()) {
      throw new IllegalArgumentException("no integer array constant " + name);
    }
    List<Integer> values = new ArrayList<>();
    for (String part : m.group(1).split(",")) {
      if (!part.isBlank()) {
        values.add(Integer.parseInt(part.strip()));
      }
    }
    return values;
  }
}
