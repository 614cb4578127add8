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

  /** Returns the request's body as a JSON object. */
  static JsonNode object(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BYTES) {
      throw new HttpResponseException(
          HttpStatus.CONTENT_TOO_LARGE.getCode(), "body larger than " + MAX_BYTES + " bytes");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      // fall through to the error
    }
    throw new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(), "body must be a JSON object");
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
}
