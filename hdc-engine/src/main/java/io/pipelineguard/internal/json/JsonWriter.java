package io.pipelineguard.internal.json;

import java.util.Locale;

/** Helpers to write JSON text by hand (the engine has no JSON library). Stateless. */
public final class JsonWriter {
  private JsonWriter() {}

  /** Appends {@code value} as a JSON string literal, escaping quotes, backslashes and controls. */
  public static StringBuilder quote(StringBuilder sb, String value) {
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"');
  }
}
