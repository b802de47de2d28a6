package org.maprule.json;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.maprule.json.JsonProblems.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * maprule's one JSON codec, on Jackson 3's streaming API only (no data binding, no default
 * typing, no reflection into maprule's types): every JSON body, file and CLI line maprule writes
 * goes through {@link #write} (or {@link #writeIndented}), every rule-set document it reads
 * through {@link #read} (the parity CLI's report is the one writer left outside, until that
 * command is split; deploy's tests keep the list). This package knows nothing of MAP-E: it depends on the JDK and
 * {@code jackson-core} only.
 *
 * <p><b>Reading</b> ({@link #read}) is strict RFC 8259 JSON, and a little stricter:
 * <ul>
 *   <li>UTF-8 only (RFC 8259 §8.1); any invalid, overlong or surrogate-encoding byte sequence is
 *       {@link Kind#MALFORMED_JSON} naming the byte offset. UTF-16/32 are not detected.
 *   <li>A leading byte order mark is <em>rejected</em> (RFC 8259 §8.1 lets parsers ignore it; we
 *       do not, so every tool that reads the same file agrees on its bytes, and the message says
 *       how to fix it).
 *   <li>No comments, no trailing commas, no single quotes, no unquoted names, no leading zeros,
 *       no {@code +}, no NaN/Infinity (Jackson's defaults, made explicit here).
 *   <li>Exactly one value: an empty document and anything but whitespace after the value are
 *       errors.
 *   <li>Duplicate member names (an RFC 7493 I-JSON "MUST NOT") are errors, every one reported
 *       with its path; the first occurrence is kept so reading can go on.
 *   <li>Strings with an unpaired surrogate escape ({@code "\ud800"}) are errors (RFC 7493 §2.1).
 *   <li>Limits: nesting depth 64, numbers of at most 1000 characters (larger is malformed).
 * </ul>
 * Numbers keep their literal ({@link JsonNumber}), so readers can tell {@code 16} from
 * {@code 16.0}.
 *
 * <p><b>Writing</b> ({@link #write}, {@link #writeIndented}) goes through {@link JsonWriter}, with
 * one escaping policy for every output (RFC 8259 §7): members and elements in call order, UTF-8,
 * integers only (no floats), non-ASCII written as UTF-8, {@code /} not escaped, C0 controls
 * escaped ({@code \n}, {@code \t}, … or {@code \u001f}, lower-case hex), U+2028 and U+2029
 * escaped ({@code \u2028}, {@code \u2029}: line terminators to pre-ES2019 JavaScript, so the same
 * bytes are safe in JSONP), an unpaired surrogate replaced by U+FFFD (so the output is always
 * Unicode text, RFC 7493 §2.1, and nothing a client sends can make writing fail), no trailing
 * newline.
 */
public final class Json {
  /** Deepest nesting accepted; rule-set documents need 5, HB46PP answers a few more. */
  public static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_MISSING_VALUES,
          JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
          JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
          JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
          JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
          JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
          JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_RS_CONTROL_CHAR)
      // duplicates are detected by the tree builder, which reports all of them with paths
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .enable(JsonWriteFeature.QUOTE_PROPERTY_NAMES, JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES, JsonWriteFeature.ESCAPE_NON_ASCII,
          JsonWriteFeature.WRITE_HEX_UPPER_CASE, JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
      .characterEscapes(new LineSeparatorEscapes())
      .build();

  /**
   * Jackson's default layout with LF line ends on every platform: arrays on one line
   * ({@code [ a, b ]}), objects one member per line indented by two spaces, {@code "name" : value}.
   */
  private static final DefaultPrettyPrinter INDENTED =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

  /** Hands every generator its own {@link #INDENTED} (a pretty printer tracks the nesting). */
  private static final ObjectWriteContext INDENTED_CONTEXT = new ObjectWriteContext.Base() {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return INDENTED.createInstance();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  };

  private Json() {}

  /**
   * Reads one JSON document, recording problems instead of throwing.
   *
   * @param bytes the document, UTF-8
   * @param out where problems go, all {@link Kind#MALFORMED_JSON}: not UTF-8, BOM, not
   *     well-formed, empty, trailing content: one {@link JsonProblems#error error}, then reading
   *     stops; duplicate names and unpaired surrogates: one {@link JsonProblems#flag flag} each,
   *     reading goes on
   * @return the root value, or null when the document is not well-formed
   */
  public static JsonValue read(byte[] bytes, JsonProblems out) {
    String text = decodeUtf8(bytes, out);
    if (text == null) {
      return null;
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      out.error(Kind.MALFORMED_JSON, "", null, "the document starts with a byte order mark "
          + "(EF BB BF), which maprule does not accept (RFC 8259 §8.1): save it as UTF-8 without BOM");
      return null;
    }
    TreeBuilder b = new TreeBuilder(out);
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      b.parser = p;
      JsonToken t = p.nextToken();
      if (t == null) {
        out.error(Kind.MALFORMED_JSON, "", null, "the document is empty: expected a JSON value");
        return null;
      }
      JsonValue root = b.value(t, "");
      b.where = "";
      if (p.nextToken() != null) {
        out.error(Kind.MALFORMED_JSON, "", null, "the document has content after its JSON value, "
            + at(p.currentTokenLocation()));
        return null;
      }
      return root;
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      if ((loc == null || loc.getLineNr() < 1) && b.parser != null) {
        loc = b.parser.currentLocation();
      }
      out.error(Kind.MALFORMED_JSON, b.where, null, "the document is not well-formed JSON "
          + at(loc) + " (in " + JsonPath.describe(b.where) + "): " + plain(e.getOriginalMessage()));
      return null;
    }
  }

  /**
   * Reads one JSON document that is expected to be well-formed (maprule's own output, a peer's
   * answer), throwing on any problem {@link #read(byte[], JsonProblems)} would report. Read
   * documents from users with {@link #read(byte[], JsonProblems)}, which reports every problem
   * with its path.
   *
   * @param bytes the document, UTF-8
   * @return the root value
   * @throws IllegalArgumentException when {@link #read(byte[], JsonProblems)} reports any
   *     problem; the message is the first problem's
   */
  public static JsonValue parse(byte[] bytes) {
    List<String> problems = new ArrayList<>();
    JsonValue v = read(bytes, new JsonProblems() {
      @Override
      public void error(Kind kind, String path, String value, String message) {
        problems.add(message);
      }

      @Override
      public void flag(Kind kind, String path, String value, String message) {
        problems.add(message);
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0));
    }
    return v;
  }

  /**
   * Writes one JSON document, compact: no space or newline between tokens, none after the value.
   *
   * @param body writes exactly one complete value (object, array or scalar)
   * @return the UTF-8 bytes
   * @throws IllegalStateException when {@code body} leaves a value incomplete or writes
   *     members outside an object (a programming error)
   */
  public static byte[] write(Consumer<JsonWriter> body) {
    return write(ObjectWriteContext.empty(), body);
  }

  /**
   * Writes one JSON document laid out for people to read and paste (configuration snippets such
   * as Kea's {@code option-data}): arrays on one line, {@code [ a, b ]}; objects one member per
   * line, indented by two spaces per level, {@code "name" : value}; LF line ends; no newline after
   * the value. Escaping and everything else as {@link #write}.
   *
   * @param body writes exactly one complete value
   * @return the UTF-8 bytes
   * @throws IllegalStateException as {@link #write}
   */
  public static byte[] writeIndented(Consumer<JsonWriter> body) {
    return write(INDENTED_CONTEXT, body);
  }

  private static byte[] write(ObjectWriteContext context, Consumer<JsonWriter> body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(context, bytes, JsonEncoding.UTF8)) {
      body.accept(new JsonWriter(g));
      if (!g.streamWriteContext().inRoot()) {
        throw new IllegalStateException("JSON value left incomplete");
      }
    } catch (JacksonException e) {
      throw new IllegalStateException("JSON written out of order: " + e.getOriginalMessage(), e);
    }
    return bytes.toByteArray();
  }

  /** Jackson's message without its advice to enable non-standard features. */
  private static String plain(String message) {
    return message
        .replaceAll("[:;]? ?enable `[A-Za-z_.]+` to allow", "")
        .replaceAll(" \\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)",
            " (JSON has no comments)");
  }

  private static String at(TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return "at an unknown position";
    }
    return "at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  /** Strict UTF-8 decoding; null (and a violation) on any invalid sequence. */
  private static String decodeUtf8(byte[] bytes, JsonProblems out) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(bytes.length);
    CoderResult r = dec.decode(in, chars, true);
    if (!r.isError()) {
      r = dec.flush(chars);
    }
    if (r.isError()) {
      int pos = in.position();
      StringBuilder seq = new StringBuilder();
      for (int i = pos; i < Math.min(bytes.length, pos + r.length()); i++) {
        seq.append(String.format("%02X", bytes[i] & 0xFF));
      }
      out.error(Kind.MALFORMED_JSON, "", seq.toString(), "the document is not UTF-8: invalid byte "
          + "sequence " + seq + " at byte offset " + pos + " (RFC 8259 §8.1 requires UTF-8)");
      return null;
    }
    chars.flip();
    return chars.toString();
  }

  /** Builds the tree, tracking the path for messages and reporting duplicates and surrogates. */
  private static final class TreeBuilder {
    private final JsonProblems out;
    private JsonParser parser;
    private String where = "";

    TreeBuilder(JsonProblems out) {
      this.out = out;
    }

    JsonValue value(JsonToken t, String path) {
      where = path;
      switch (t) {
        case START_OBJECT -> {
          Map<String, JsonValue> members = new LinkedHashMap<>();
          String last = null;
          for (JsonToken n = nextMember(path, last); n != JsonToken.END_OBJECT; n = nextMember(path, last)) {
            String name = parser.currentName();
            last = name;
            String p = JsonPath.member(path, name);
            checkSurrogates(name, p, "member name");
            where = p;
            JsonValue v = value(parser.nextToken(), p);
            if (members.containsKey(name)) {
              out.flag(Kind.MALFORMED_JSON, p, v.toJson(100), p + " appears more than once "
                  + "(duplicate member names are ambiguous, RFC 7493 §2.3); the first is kept");
            } else {
              members.put(name, v);
            }
            where = path;
          }
          return new JsonObject(members);
        }
        case START_ARRAY -> {
          List<JsonValue> elements = new ArrayList<>();
          while (true) {
            where = JsonPath.index(path, elements.size());
            JsonToken n = parser.nextToken();
            if (n == JsonToken.END_ARRAY) {
              break;
            }
            elements.add(value(n, where));
          }
          where = path;
          return new JsonArray(elements);
        }
        case VALUE_STRING -> {
          String s = parser.getString();
          checkSurrogates(s, path, "string");
          return new JsonString(s);
        }
        case VALUE_NUMBER_INT -> {
          return new JsonNumber(parser.getText(), true);
        }
        case VALUE_NUMBER_FLOAT -> {
          return new JsonNumber(parser.getText(), false);
        }
        case VALUE_TRUE -> {
          return new JsonBoolean(true);
        }
        case VALUE_FALSE -> {
          return new JsonBoolean(false);
        }
        case VALUE_NULL -> {
          return JsonNull.INSTANCE;
        }
        default -> throw new IllegalStateException("unexpected token " + t);
      }
    }

    /**
     * The next member name (or the object's end). Jackson reads a scalar value together with its
     * name, so a malformed value fails here: blame that member when the parser already knows a
     * new name, else the object itself.
     */
    private JsonToken nextMember(String path, String last) {
      try {
        return parser.nextToken();
      } catch (JacksonException e) {
        String name = parser.streamReadContext().currentName();
        if (name != null && !name.equals(last)) {
          where = JsonPath.member(path, name);
        }
        throw e;
      }
    }

    private void checkSurrogates(String s, String path, String what) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          out.flag(Kind.MALFORMED_JSON, path, null, JsonPath.describe(path) + " has a " + what
              + " with an unpaired surrogate \\u" + String.format("%04x", (int) c)
              + " at index " + i + " (not Unicode text, RFC 7493 §2.1)");
          return;
        }
      }
    }
  }

  /** Standard JSON escapes plus U+2028 and U+2029 (line terminators in pre-2019 JavaScript). */
  private static final class LineSeparatorEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializableString LS = new SerializedString("\\u2028");
    private static final SerializableString PS = new SerializedString("\\u2029");

    @Override
    public int[] getEscapeCodesForAscii() {
      return standardAsciiEscapesForJSON();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 ? LS : ch == 0x2029 ? PS : null;
    }
  }
}
