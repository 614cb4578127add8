package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.monitor.PipelineIds;

/**
 * Reads and validates the query and path parameters of the monitoring API, answering 400 with a
 * message naming the parameter and its rule.
 */
final class ApiParams {
  static final int MAX_LIMIT = 100;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_HOURS = 720;
  static final int DEFAULT_HOURS = 24;

  private ApiParams() {}

  /** {@code limit}: 1 to 100, default 20. */
  static int limit(Context ctx) {
    return intParam(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  /** {@code hours}: 1 to 720, default 24. */
  static int hours(Context ctx) {
    return intParam(ctx, "hours", 1, MAX_HOURS, DEFAULT_HOURS);
  }

  /** {@code cursor}: a positive integer returned as {@code next_cursor}; null when absent. */
  static Long cursor(Context ctx) {
    String raw = ctx.queryParam("cursor");
    if (raw == null) {
      return null;
    }
    try {
      long cursor = Long.parseLong(raw.trim());
      if (cursor > 0) {
        return cursor;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw badRequest("cursor must be a next_cursor value returned by an earlier page");
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
    throw badRequest(name + " must be true or false");
  }

  /** The {@code pipeline_id} path parameter, checked against {@link PipelineIds#PATTERN}. */
  static String pipelineId(Context ctx) {
    String id = ctx.pathParam("pipeline_id");
    if (!PipelineIds.isValid(id)) {
      throw badRequest(
          "pipeline_id must be platform:pipeline, starting with a letter or digit, up to 600 of"
              + " letters, digits, spaces and . _ / : @ ( ) + # , -");
    }
    return id;
  }

  static HttpResponseException badRequest(String message) {
    return new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(), message);
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
    throw badRequest(name + " must be an integer from " + min + " to " + max);
  }
}
