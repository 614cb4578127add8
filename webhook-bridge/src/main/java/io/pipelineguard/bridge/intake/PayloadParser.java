package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses webhook bodies into JSON trees: strips a leading UTF-8 byte-order mark (Azure DevOps sends
 * one), requires a JSON object, and bounds nesting and number sizes through Jackson's default
 * stream-read constraints. Thread-safe.
 */
public final class PayloadParser {
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

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

  /**
   * Returns the body's JSON object with only the fields {@code shape} keeps: the same nodes {@link
   * #parse(byte[])} gives along those paths, nothing elsewhere (a kept scalar field holding an
   * object or array becomes an empty one). The whole body is still read and checked (a body that is
   * not JSON is refused alike), but the fields left out are skipped without building strings or
   * nodes, so a large payload costs one streaming pass and a handful of nodes.
   *
   * @throws PayloadException when the body is not a JSON object (message safe to return)
   */
  public JsonNode parse(byte[] body, PayloadShape shape) {
    if (shape.isWhole()) {
      return parse(body);
    }
    int offset = hasBom(body) ? 3 : 0;
    try (JsonParser parser = mapper.getFactory().createParser(body, offset, body.length - offset)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return parse(body); // empty, invalid or not an object: refused as the whole parse does
      }
      return readObject(parser, shape);
    } catch (PayloadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new PayloadException("body is not valid JSON");
    }
  }

  private ObjectNode readObject(JsonParser parser, PayloadShape shape) throws IOException {
    ObjectNode node = nodes.objectNode();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      PayloadShape field = shape.field(name);
      if (field == null) {
        parser.skipChildren();
      } else {
        node.set(name, read(parser, token, field));
      }
    }
    return node;
  }

  private JsonNode read(JsonParser parser, JsonToken token, PayloadShape shape) throws IOException {
    switch (token) {
      case START_OBJECT:
        if (!shape.isLeaf()) {
          return readObject(parser, shape);
        }
        parser.skipChildren();
        return nodes.objectNode();
      case START_ARRAY:
        parser.skipChildren();
        return nodes.arrayNode();
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return nodes.numberNode(parser.getIntValue());
          case LONG:
            return nodes.numberNode(parser.getLongValue());
          default:
            return nodes.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      default:
        return nodes.nullNode();
    }
  }

  private static boolean hasBom(byte[] body) {
    return body.length >= 3
        && (body[0] & 0xFF) == 0xEF
        && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF;
  }
}
