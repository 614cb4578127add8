package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.monitor.PipelineIds;

/**
 * Reads and validates the monitoring API's own query and path parameters ({@code hours}, flags,
 * {@code pipeline_id}; paging is {@link Paging}'s), answering 400 with a message naming the
 * parameter and its rule.
 */
final class ApiParams {
  static final int MAX_HOURS = 720;
  static final int DEFAULT_HOURS = 24;

  private ApiParams() {}

  /** {@code hours}: 1 to 720, default 24. */
  static int hours(Context ctx) {
    return intParam(ctx, "hours", 1, MAX_HOURS, DEFAULT_HOURS);
  }

  /** A boolean query parameter ({@code true} or {@code false}), {@code fallback} when absent. */
  static boolean flag(Context ctx, String name, boolean fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return fallback;
    }
    if (raw.equals("true") || raw.equals("false")) {
      return Boolean.parseBoolean(raw);
    }
    throw Paging.badRequest(name + " must be true or false");
  }

  /** The {@code pipeline_id} path parameter, checked against {@link PipelineIds#PATTERN}. */
  static String pipelineId(Context ctx) {
    String id = ctx.pathParam("pipeline_id");
    if (!PipelineIds.isValid(id)) {
      throw Paging.badRequest(
          "pipeline_id must be platform:pipeline, starting with a letter or digit, up to 600 of"
              + " letters, digits, spaces and . _ / : @ ( ) + # , -");
    }
    return id;
  }

  static HttpResponseException notFound(String message) {
    return new HttpResponseException(HttpStatus.NOT_FOUND.getCode(), message);
  }

  private static int intParam(Context ctx, String name, int min, int max, int fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw Paging.badRequest(name + " must be an integer from " + min + " to " + max);
  }
}
