package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses webhook bodies into JSON trees: strips a leading UTF-8 byte-order mark (Azure DevOps sends
 * one), requires a JSON object, and bounds nesting and number sizes through Jackson's default
 * stream-read constraints. Thread-safe.
 */
public final class PayloadParser {
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * Returns the body's JSON object.
   *
   * @throws PayloadException when the body is not a JSON object (message safe to return)
   */
  public JsonNode parse(byte[] body) {
    int offset = hasBom(body) ? 3 : 0;
    JsonNode tree;
    try {
      tree = mapper.readTree(body, offset, body.length - offset);
    } catch (IOException | RuntimeException e) {
      throw new PayloadException("body is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new PayloadException("body must be a JSON object");
    }
    return tree;
  }

  private static boolean hasBom(byte[] body) {
    return body.length >= 3
        && (body[0] & 0xFF) == 0xEF
        && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF;
  }
}
