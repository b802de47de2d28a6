package org.maprule.addr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a corpus under {@code src/test/resources/addr/} (or any classpath resource, through
 * {@link #loadResource}; core's test-jar ships it): {@code INPUT # EXPECTATION reason...} per
 * line, escapes as described in {@code addr/README.txt}.
 */
public final class Corpus {
  /**
   * One line of a corpus.
   *
   * @param file the corpus's resource name
   * @param number the line number, from 1
   * @param input the input, escapes resolved
   * @param expectation the first word after {@code " # "}
   * @param reason the rest of the line: why the input gives that expectation
   */
  public record Line(String file, int number, String input, String expectation, String reason) {
    @Override
    public String toString() {
      return file + ":" + number + " " + printable(input) + " -> " + expectation + " (" + reason + ")";
    }
  }

  private Corpus() {}

  static List<Line> load(String file) {
    return loadResource("/addr/" + file);
  }

  /**
   * Reads the corpus at a classpath resource path.
   *
   * @param path the resource, for example {@code /server/unreadable-requests.txt}
   * @return its lines, at least one
   * @throws IllegalStateException when it is missing or empty, or a line lacks {@code " # "}
   *     or a reason
   */
  public static List<Line> loadResource(String path) {
    String file = path;
    InputStream in = Corpus.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing corpus " + path);
    }
    List<Line> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String raw;
      int number = 0;
      while ((raw = r.readLine()) != null) {
        number++;
        if (raw.isBlank() || raw.startsWith("#")) {
          continue;
        }
        int sep = raw.indexOf(" # ");
        if (sep < 0) {
          throw new IllegalStateException(file + ":" + number + " has no ' # ': " + raw);
        }
        String rest = raw.substring(sep + 3).trim();
        int space = rest.indexOf(' ');
        String expectation = space < 0 ? rest : rest.substring(0, space);
        String reason = space < 0 ? "" : rest.substring(space + 1);
        if (reason.isEmpty()) {
          throw new IllegalStateException(file + ":" + number + " gives no reason");
        }
        out.add(new Line(file, number, unescape(raw.substring(0, sep)), expectation, reason));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("empty corpus " + file);
    }
    return out;
  }

  /** Resolves the escapes of {@code addr/README.txt}: {@code <empty>}, backslash s, t, n, r, u. */
  public static String unescape(String s) {
    if (s.equals("<empty>")) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 's' -> sb.append(' ');
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case '\\' -> sb.append('\\');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalStateException("bad escape \\" + e + " in " + s);
      }
    }
    return sb.toString();
  }

  /** The input with invisible and non-ASCII characters shown as escapes, for test names. */
  public static String printable(String s) {
    if (s.isEmpty()) {
      return "<empty>";
    }
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c > ' ' && c < 127) {
        sb.append(c);
      } else if (c == ' ') {
        sb.append("\\s");
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }
}
