package org.maprule.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void compactInCallOrder() {
    byte[] b = Json.write(w -> w.beginObject()
        .field("z", "s").field("a", 1).field("m", -9007199254740993L).field("t", true).field("f", false)
        .field("n", (String) null).fieldIfPresent("absent", null).fieldIfPresent("p", "x")
        .name("arr").beginArray().value(1).value("two").nullValue().beginArray().endArray().endArray()
        .name("o").beginObject().endObject()
        .endObject());
    assertThat(text(b)).isEqualTo(
        "{\"z\":\"s\",\"a\":1,\"m\":-9007199254740993,\"t\":true,\"f\":false,\"n\":null,\"p\":\"x\","
            + "\"arr\":[1,\"two\",null,[]],\"o\":{}}");
  }

  @Test
  void escapesExactlyWhatJsonNeedsPlusLineSeparators() {
    byte[] b = Json.write(w -> w.value("a/b \"q\" \\ \n\r\t\b\f \u0001\u001f \u007f \u00e9 \u3042 \ud83d\ude00 \u2028\u2029"));
    assertThat(text(b)).isEqualTo(
        "\"a/b \\\"q\\\" \\\\ \\n\\r\\t\\b\\f \\u0001\\u001f \u007f \u00e9 \u3042 \ud83d\ude00 \\u2028\\u2029\"");
    // non-ASCII as raw UTF-8, the emoji as one 4-byte sequence (not a CESU pair)
    assertThat(HexFormat.of().formatHex(Json.write(w -> w.value("\u00e9\ud83d\ude00")))).isEqualTo("22c3a9f09f988022");
  }

  @Test
  void unpairedSurrogatesAreWrittenAsReplacementCharacters() {
    assertThat(JsonWriter.wellFormed("a\uD800b")).isEqualTo("a\uFFFDb");
    assertThat(JsonWriter.wellFormed("a\uDC00")).isEqualTo("a\uFFFD");
    assertThat(JsonWriter.wellFormed("\uD800")).isEqualTo("\uFFFD");
    assertThat(JsonWriter.wellFormed("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
    assertThat(JsonWriter.wellFormed("\uD83D\uD83D\uDE00")).isEqualTo("\uFFFD\uD83D\uDE00");
    String ok = "ok\uD83D\uDE00";
    assertThat(JsonWriter.wellFormed(ok)).isSameAs(ok);
    byte[] b = Json.write(w -> w.beginObject().field("k\uD800", "v\uDFFF").endObject());
    assertThat(text(b)).isEqualTo("{\"k\uFFFD\":\"v\uFFFD\"}");
    // what we write, our strict reader accepts (it rejects unpaired surrogate escapes)
    assertThat(Json.parse(b)).isEqualTo(new JsonObject(Map.of("k\uFFFD", new JsonString("v\uFFFD"))));
  }

  @Test
  void integersOfAnySize() {
    BigInteger big = BigInteger.TWO.pow(128);
    assertThat(text(Json.write(w -> w.beginArray().value(big).value(big.negate()).value(BigInteger.ZERO)
        .beginObject().field("n", big).endObject().endArray())))
        .isEqualTo("[340282366920938463463374607431768211456,-340282366920938463463374607431768211456,0,"
            + "{\"n\":340282366920938463463374607431768211456}]");
  }

  /** Jackson's default pretty layout (the one Kea snippets always had), LF line ends. */
  @Test
  void indentedLayout() {
    byte[] b = Json.writeIndented(w -> w.beginArray()
        .beginObject().field("a", 1).name("b").beginArray().value("x").value(2).endArray()
        .name("c").beginObject().field("d", "\u2028").endObject().name("e").beginObject().endObject()
        .name("f").beginArray().endArray().endObject()
        .beginObject().endObject().endArray());
    assertThat(text(b)).isEqualTo("""
        [ {
          "a" : 1,
          "b" : [ "x", 2 ],
          "c" : {
            "d" : "\\u2028"
          },
          "e" : { },
          "f" : [ ]
        }, { } ]""");
    assertThatThrownBy(() -> Json.writeIndented(w -> w.beginArray())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void noTrailingNewline() {
    byte[] b = Json.write(w -> w.beginArray().endArray());
    assertThat(b).containsExactly('[', ']');
  }

  @Test
  void incompleteOrMisorderedValueIsAProgrammingError() {
    assertThatThrownBy(() -> Json.write(w -> w.beginObject())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Json.write(w -> w.beginObject().value("x").endObject()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Json.write(w -> w.beginArray().endObject())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void writtenStringsReadBackUnchanged() {
    String s = "a/b \"q\" \\ \n \u0001 \u00e9 \ud83d\ude00 \u2028";
    assertThat(Json.parse(Json.write(w -> w.value(s)))).isEqualTo(new JsonString(s));
  }
}
