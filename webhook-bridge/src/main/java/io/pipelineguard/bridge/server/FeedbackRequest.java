package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.diagnosis.Category;
import java.util.Iterator;
import java.util.Set;

/**
 * A validated {@code POST /api/feedback} body: {@code {"diagnosis_id":N,"category":"network",
 * "transient":true,"comment":".."}}. {@code transient} and {@code comment} are optional; unknown
 * fields, a body over {@value #MAX_BODY_BYTES} bytes (413) or a comment over {@value
 * #MAX_COMMENT_CHARS} characters are refused with a message.
 *
 * @param diagnosisId the corrected diagnosis
 * @param category the right category
 * @param transientFailure whether the failure is worth a retry, or null when not said
 * @param comment free text, or null
 */
record FeedbackRequest(
    long diagnosisId, Category category, Boolean transientFailure, String comment) {
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final int MAX_COMMENT_CHARS = 2000;
  private static final Set<String> FIELDS =
      Set.of("diagnosis_id", "category", "transient", "comment");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads and validates the request body; answers 400 or 413 when it is not acceptable. */
  static FeedbackRequest parse(Context ctx) {
    // Read first (capped by Javalin's limit): a 413 sent mid-upload resets the client's connection.
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw Paging.badRequest("the body must be a JSON object");
    } catch (java.io.IOException e) {
      throw Paging.badRequest("the body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw Paging.badRequest("the body must be a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw Paging.badRequest(
            "unknown field '"
                + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                + "': use diagnosis_id, category, transient, comment");
      }
    }
    JsonNode id = root.get("diagnosis_id");
    if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() < 1) {
      throw Paging.badRequest("diagnosis_id must be a positive integer");
    }
    JsonNode category = root.get("category");
    if (category == null || !category.isTextual()) {
      throw Paging.badRequest("category must be a taxonomy category name, e.g. network");
    }
    JsonNode transientNode = root.get("transient");
    Boolean transientFailure = null;
    if (transientNode != null && !transientNode.isNull()) {
      if (!transientNode.isBoolean()) {
        throw Paging.badRequest("transient must be true, false or absent");
      }
      transientFailure = transientNode.booleanValue();
    }
    JsonNode commentNode = root.get("comment");
    String comment = null;
    if (commentNode != null && !commentNode.isNull()) {
      if (!commentNode.isTextual()) {
        throw Paging.badRequest("comment must be a string");
      }
      comment = commentNode.textValue();
      if (comment.length() > MAX_COMMENT_CHARS) {
        throw Paging.badRequest("comment must be at most " + MAX_COMMENT_CHARS + " characters");
      }
    }
    return new FeedbackRequest(
        id.asLong(), category(category.textValue()), transientFailure, comment);
  }

  /** Parses a category wire name or answers 400 listing the known ones. */
  static Category category(String name) {
    return Category.fromWireName(name == null ? "" : name.trim())
        .orElseThrow(
            () -> {
              StringBuilder known = new StringBuilder();
              for (Category c : Category.values()) {
                known.append(known.length() == 0 ? "" : ", ").append(c.wireName());
              }
              return Paging.badRequest("unknown category: use one of " + known);
            });
  }

  private static HttpResponseException tooLarge() {
    return new HttpResponseException(
        HttpStatus.CONTENT_TOO_LARGE.getCode(),
        "the body must be at most " + MAX_BODY_BYTES + " bytes");
  }
}
