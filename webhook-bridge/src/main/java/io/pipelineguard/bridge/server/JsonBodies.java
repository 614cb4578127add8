package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;

/** Reads small JSON object bodies of the API, answering 400 or 413 with a clear message. */
final class JsonBodies {
  /** Largest body of the key and session endpoints. */
  static final int MAX_BYTES = 16 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBodies() {}

  /** Returns the request's body as a JSON object, at most {@value #MAX_BYTES} bytes. */
  static JsonNode object(Context ctx) {
    return object(ctx.bodyAsBytes(), MAX_BYTES);
  }

  /**
   * Parses {@code body} as a JSON object: 413 when it is over {@code maxBytes}, 400 when it is not
   * JSON or not an object. One parse, linear in the body.
   */
  static JsonNode object(byte[] body, int maxBytes) {
    if (body.length > maxBytes) {
      throw new HttpResponseException(
          HttpStatus.CONTENT_TOO_LARGE.getCode(),
          "body is " + body.length + " bytes; the limit is " + maxBytes);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new HttpResponseException(
          HttpStatus.BAD_REQUEST.getCode(), "body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(), "body is not readable");
    }
    if (node == null || !node.isObject()) {
      throw new HttpResponseException(
          HttpStatus.BAD_REQUEST.getCode(), "body must be a JSON object");
    }
    return node;
  }

  /** Returns the text field {@code name}, or null when absent; 400 when not a string. */
  static String text(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new HttpResponseException(
          HttpStatus.BAD_REQUEST.getCode(), "'" + name + "' must be a string");
    }
    return value.asText();
  }

  /**
   * Answers 400 naming the first field of {@code body} that is not in {@code known}, and the known
   * ones.
   */
  static void rejectUnknownFields(JsonNode body, java.util.Set<String> known) {
    for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new HttpResponseException(
            HttpStatus.BAD_REQUEST.getCode(),
            "unknown field '"
                + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                + "' (known: "
                + String.join(", ", new java.util.TreeSet<>(known))
                + ")");
      }
    }
  }
}
