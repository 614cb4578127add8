package io.pipelineguard.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, strict, bounded JSON reader (RFC 8259) for configuration and corpus files; the engine
 * has no JSON library.
 *
 * <p>Values map to Java as: object to an unmodifiable {@code Map<String, Object>} in document order
 * (JSON {@code null} values are kept as Java {@code null}), array to an unmodifiable {@code
 * List<Object>}, string to {@link String}, number to {@link Long} when integral and within range,
 * otherwise {@link Double}, and {@code true}/{@code false} to {@link Boolean}.
 *
 * <p>Strictness: no comments, no trailing commas, no leading zeros, no unescaped control
 * characters, no duplicate keys, nothing but whitespace after the value. Bounds: input length,
 * nesting depth and string length are limited; strings with an unpaired surrogate (escaped or not)
 * are rejected; breaking any rule throws {@link JsonParseException}. Parsing is a single pass,
 * linear in the input length, and never recurses deeper than {@code maxDepth}. Instances are
 * immutable and thread-safe.
 */
public final class JsonReader {
  /** Default maximum input length in characters: 16 MiB. */
  public static final int DEFAULT_MAX_INPUT_CHARS = 16 << 20;

  /** Default maximum nesting depth of arrays and objects. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** Default maximum length of one string in characters: 1 MiB. */
  public static final int DEFAULT_MAX_STRING_CHARS = 1 << 20;

  private static final JsonReader DEFAULTS =
      new JsonReader(DEFAULT_MAX_INPUT_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_CHARS);

  private final int maxInputChars;
  private final int maxDepth;
  private final int maxStringChars;

  private JsonReader(int maxInputChars, int maxDepth, int maxStringChars) {
    this.maxInputChars = maxInputChars;
    this.maxDepth = maxDepth;
    this.maxStringChars = maxStringChars;
  }

  /** Returns a reader with the default limits. */
  public static JsonReader withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a reader with the given limits.
   *
   * @param maxInputChars maximum input length in characters, at least 1
   * @param maxDepth maximum nesting depth of arrays and objects, at least 1
   * @param maxStringChars maximum length of one string in characters, at least 1
   */
  public static JsonReader withLimits(int maxInputChars, int maxDepth, int maxStringChars) {
    if (maxInputChars < 1) {
      throw new IllegalArgumentException("maxInputChars must be >= 1, was " + maxInputChars);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be >= 1, was " + maxDepth);
    }
    if (maxStringChars < 1) {
      throw new IllegalArgumentException("maxStringChars must be >= 1, was " + maxStringChars);
    }
    return new JsonReader(maxInputChars, maxDepth, maxStringChars);
  }

  /**
   * Parses one JSON value.
   *
   * @param text the JSON text
   * @return the value, mapped as the class comment describes; {@code null} for JSON {@code null}
   * @throws JsonParseException if the text is not strict JSON or exceeds a limit
   */
  public Object parse(CharSequence text) {
    if (text.length() > maxInputChars) {
      throw new JsonParseException(
          "input is " + text.length() + " characters, the limit is " + maxInputChars, 0);
    }
    Cursor cursor = new Cursor(text);
    cursor.skipWhitespace();
    Object value = cursor.readValue(0);
    cursor.skipWhitespace();
    if (cursor.pos != text.length()) {
      throw new JsonParseException("unexpected content after the JSON value", cursor.pos);
    }
    return value;
  }

  /**
   * Parses one JSON object.
   *
   * @throws JsonParseException if the text is not a strict JSON object or exceeds a limit
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> parseObject(CharSequence text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonParseException("expected a JSON object", 0);
    }
    return (Map<String, Object>) value;
  }

  private final class Cursor {
    private final CharSequence text;
    private int pos;

    Cursor(CharSequence text) {
      this.text = text;
    }

    void skipWhitespace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          return;
        }
      }
    }

    JsonParseException error(String message) {
      return new JsonParseException(message, pos);
    }

    char peek() {
      if (pos >= text.length()) {
        throw error("unexpected end of input");
      }
      return text.charAt(pos);
    }

    Object readValue(int depth) {
      char c = peek();
      switch (c) {
        case '{':
          return readObject(depth + 1);
        case '[':
          return readArray(depth + 1);
        case '"':
          return readString();
        case 't':
          expectWord("true");
          return Boolean.TRUE;
        case 'f':
          expectWord("false");
          return Boolean.FALSE;
        case 'n':
          expectWord("null");
          return null;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
          }
          throw error("unexpected character '" + c + "'");
      }
    }

    void expectWord(String word) {
      for (int i = 0; i < word.length(); i++) {
        if (pos >= text.length() || text.charAt(pos) != word.charAt(i)) {
          throw error("expected '" + word + "'");
        }
        pos++;
      }
    }

    void checkDepth(int depth) {
      if (depth > maxDepth) {
        throw error("nesting deeper than the limit of " + maxDepth);
      }
    }

    Map<String, Object> readObject(int depth) {
      checkDepth(depth);
      pos++; // '{'
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return Collections.unmodifiableMap(map);
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("expected a string key");
        }
        int keyAt = pos;
        String key = readString();
        skipWhitespace();
        if (peek() != ':') {
          throw error("expected ':' after a key");
        }
        pos++;
        skipWhitespace();
        Object value = readValue(depth);
        if (map.containsKey(key)) {
          throw new JsonParseException("duplicate key \"" + key + "\"", keyAt);
        }
        map.put(key, value);
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == '}') {
          return Collections.unmodifiableMap(map);
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or '}' in an object");
        }
      }
    }

    List<Object> readArray(int depth) {
      checkDepth(depth);
      pos++; // '['
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return Collections.unmodifiableList(list);
      }
      while (true) {
        skipWhitespace();
        list.add(readValue(depth));
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == ']') {
          return Collections.unmodifiableList(list);
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or ']' in an array");
        }
      }
    }

    String readString() {
      pos++; // opening quote
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = peek();
        pos++;
        if (c == '"') {
          requirePairedSurrogates(out);
          return out.toString();
        }
        if (c == '\\') {
          appendEscape(out);
        } else if (c < 0x20) {
          pos--;
          throw error("unescaped control character in a string");
        } else {
          out.append(c);
        }
        if (out.length() > maxStringChars) {
          throw error("string longer than the limit of " + maxStringChars + " characters");
        }
      }
    }

    /** Rejects a string holding a lone surrogate (escaped or raw): it is not Unicode text. */
    void requirePairedSurrogates(CharSequence s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw error("unpaired surrogate U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT));
        }
      }
    }

    void appendEscape(StringBuilder out) {
      char e = peek();
      pos++;
      switch (e) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(readHex4());
        default -> {
          pos--;
          throw error("invalid escape '\\" + e + "'");
        }
      }
    }

    char readHex4() {
      if (pos + 4 > text.length()) {
        throw error("truncated \\u escape");
      }
      int value = 0;
      for (int i = 0; i < 4; i++) {
        int digit = Character.digit(text.charAt(pos), 16);
        if (digit < 0) {
          throw error("invalid hex digit in a \\u escape");
        }
        value = (value << 4) | digit;
        pos++;
      }
      return (char) value;
    }

    Number readNumber() {
      int start = pos;
      if (text.charAt(pos) == '-') {
        pos++;
      }
      int intStart = pos;
      readDigits();
      if (pos - intStart > 1 && text.charAt(intStart) == '0') {
        throw new JsonParseException("leading zeros are not allowed", intStart);
      }
      boolean integral = true;
      if (pos < text.length() && text.charAt(pos) == '.') {
        integral = false;
        pos++;
        readDigits();
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        integral = false;
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        readDigits();
      }
      if (pos - start > 400) {
        throw new JsonParseException("number longer than 400 characters", start);
      }
      String literal = text.subSequence(start, pos).toString();
      if (integral && pos - start <= 18) {
        return Long.parseLong(literal);
      }
      BigDecimal exact = new BigDecimal(literal);
      if (integral) {
        try {
          return exact.longValueExact();
        } catch (ArithmeticException tooLarge) {
          return exact.doubleValue();
        }
      }
      return exact.doubleValue();
    }

    void readDigits() {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start) {
        throw error("expected a digit");
      }
    }
  }
}
