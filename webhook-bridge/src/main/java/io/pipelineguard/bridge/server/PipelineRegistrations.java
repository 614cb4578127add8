package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.monitor.PipelineIds;
import io.pipelineguard.bridge.store.RegisteredPipeline;
import io.pipelineguard.monitor.PipelineExpectations;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/pipelines}: a JSON object with {@code id} (required), {@code
 * name}, {@code expected_duration} (seconds, 1 to 604800, or null), {@code success_rate} (0 to 1,
 * default 0.9), {@code alert_email}, {@code critical} (boolean, default false), {@code
 * rollback_target} (what the repair loop triggers to roll it back, 1 to 512 printable characters)
 * and {@code deploys} (boolean, default false). Unknown fields, wrong types and out-of-range values
 * are refused with a message naming the field.
 */
final class PipelineRegistrations {
  /** Largest body accepted, in bytes. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "name",
          "expected_duration",
          "success_rate",
          "alert_email",
          "critical",
          "rollback_target",
          "deploys");

  /** Parses and validates a registration body; throws a 400 (or 413) naming what is wrong. */
  RegisteredPipeline parse(byte[] body) {
    JsonNode tree = JsonBodies.object(body, MAX_BODY_BYTES);
    JsonBodies.rejectUnknownFields(tree, FIELDS);
    String id = text(tree, "id", true);
    if (!PipelineIds.isValid(id)) {
      throw Paging.badRequest(
          "id must be platform:pipeline, starting with a letter or digit, up to 600 of letters,"
              + " digits, spaces and . _ / : @ ( ) + # , -");
    }
    if (PipelineIds.platform(id) == null) {
      throw Paging.badRequest("id must start with its platform and a colon, e.g. github:");
    }
    String name = text(tree, "name", false);
    if (name != null && (name.isBlank() || name.length() > 512)) {
      throw Paging.badRequest("name must be 1 to 512 characters");
    }
    Double duration = number(tree, "expected_duration");
    if (duration != null
        && !(duration >= 1 && duration <= PipelineExpectations.MAX_DURATION_SECONDS)) {
      throw Paging.badRequest("expected_duration must be from 1 to 604800 seconds");
    }
    Double rate = number(tree, "success_rate");
    if (rate != null && !(rate >= 0 && rate <= 1)) {
      throw Paging.badRequest("success_rate must be from 0 to 1");
    }
    String email = text(tree, "alert_email", false);
    if (email != null && !isEmail(email)) {
      throw Paging.badRequest("alert_email must look like name@example.com");
    }
    JsonNode critical = tree.get("critical");
    if (critical != null && !critical.isNull() && !critical.isBoolean()) {
      throw Paging.badRequest("critical must be true or false");
    }
    String rollback = text(tree, "rollback_target", false);
    if (rollback != null && !rollback.matches("[\\p{Graph} ]{1,512}")) {
      throw Paging.badRequest("rollback_target must be 1 to 512 printable characters");
    }
    JsonNode deploys = tree.get("deploys");
    if (deploys != null && !deploys.isNull() && !deploys.isBoolean()) {
      throw Paging.badRequest("deploys must be true or false");
    }
    return new RegisteredPipeline(
        id,
        name == null ? PipelineIds.pipeline(id) : name.strip(),
        duration,
        rate == null ? PipelineExpectations.DEFAULT_SUCCESS_RATE : rate,
        email,
        critical != null && critical.asBoolean(),
        rollback == null ? null : rollback.strip(),
        deploys != null && deploys.asBoolean(),
        null,
        null);
  }

  /** A plausible address: one {@code @}, no spaces or controls, a dot in the domain, 320 max. */
  static boolean isEmail(String email) {
    if (email.length() > 320) {
      return false;
    }
    int at = email.indexOf('@');
    if (at < 1 || at != email.lastIndexOf('@') || at > 64) {
      return false;
    }
    String domain = email.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    if (dot < 1 || dot == domain.length() - 1 || domain.startsWith("-")) {
      return false;
    }
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (c <= ' ' || c == 0x7F || c == ',' || c == '<' || c == '>' || c == '"') {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode tree, String field, boolean required) {
    JsonNode node = tree.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw Paging.badRequest(field + " is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw Paging.badRequest(field + " must be a string");
    }
    return node.textValue();
  }

  private static Double number(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      throw Paging.badRequest(field + " must be a number");
    }
    return node.doubleValue();
  }
}
