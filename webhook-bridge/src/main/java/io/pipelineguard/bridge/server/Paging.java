package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters and answer envelopes shared by the API's lists: {@code limit} 1 to {@value
 * #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}), the opaque {@code cursor} (an earlier page's
 * {@code next_cursor}), positive integer ids, and {@code {"items":[..],"next_cursor":..}}. Bad
 * values answer 400 with a message naming the parameter.
 */
final class Paging {
  static final int MAX_LIMIT = 100;
  static final int DEFAULT_LIMIT = 20;

  private Paging() {}

  /** Returns the {@code limit} query parameter, validated. */
  static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(raw.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw badRequest("limit must be an integer from 1 to " + MAX_LIMIT);
  }

  /** Returns the {@code cursor} query parameter, or null for the first page. */
  static Long cursor(Context ctx) {
    String raw = ctx.queryParam("cursor");
    if (raw == null) {
      return null;
    }
    Long cursor = positive(raw);
    if (cursor == null) {
      throw badRequest("cursor must be a next_cursor value returned by an earlier page");
    }
    return cursor;
  }

  /** Returns path parameter {@code name} as a positive integer id, or answers 400. */
  static long pathId(Context ctx, String name) {
    Long id = positive(ctx.pathParam(name));
    if (id == null) {
      throw badRequest(name + " must be a positive integer");
    }
    return id;
  }

  /** Returns the list envelope. */
  static Map<String, Object> envelope(List<? extends Object> items, Long next) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("next_cursor", next == null ? null : Long.toString(next));
    return body;
  }

  /** Returns the ISO-8601 form, or null. */
  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Returns a 400 answer with {@code message}. */
  static HttpResponseException badRequest(String message) {
    return new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(), message);
  }

  private static Long positive(String raw) {
    String s = raw == null ? "" : raw.trim();
    if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    long value = Long.parseLong(s);
    return value > 0 ? value : null;
  }
}
