package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.pipelineguard.diagnosis.Category;
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

  /** Reads and validates the request body; answers 400 or 413 when it is not acceptable. */
  static FeedbackRequest parse(Context ctx) {
    // Read first (capped by Javalin's limit): a 413 sent mid-upload resets the client's connection.
    JsonNode root = JsonBodies.object(ctx.bodyAsBytes(), MAX_BODY_BYTES);
    JsonBodies.rejectUnknownFields(root, FIELDS);
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
}
