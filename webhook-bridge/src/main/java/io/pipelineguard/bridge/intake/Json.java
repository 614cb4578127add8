package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant readers over a parsed payload. */
final class Json {
  private Json() {}

  /** Returns the text at the path, or null when missing, null or not a scalar. */
  static String text(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /** Returns the text at the path, or throws {@link PayloadException} naming it. */
  static String required(JsonNode node, String... path) {
    String value = text(node, path);
    if (value == null || value.isEmpty()) {
      throw new PayloadException("payload lacks " + String.join(".", path));
    }
    return value;
  }

  /** Returns the object at the path, or throws {@link PayloadException} naming it. */
  static JsonNode object(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    if (!value.isObject()) {
      throw new PayloadException("payload lacks object " + String.join(".", path));
    }
    return value;
  }

  /** Returns the int at the path, or {@code fallback} when missing or not an integer. */
  static int integer(JsonNode node, int fallback, String... path) {
    JsonNode value = at(node, path);
    return value.canConvertToInt() && value.isIntegralNumber() ? value.intValue() : fallback;
  }

  static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String part : path) {
      current = current.path(part);
    }
    return current;
  }

  static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
