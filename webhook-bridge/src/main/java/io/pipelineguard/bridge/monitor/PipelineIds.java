package io.pipelineguard.bridge.monitor;

import java.util.regex.Pattern;

/**
 * Pipeline ids: {@code platform:pipeline} as recorded from webhooks, e.g. {@code github:acme/shop /
 * CI}. Valid ids start with a letter or digit, then up to 599 letters, digits, spaces and {@code .
 * _ / : @ ( ) + # , -}.
 */
public final class PipelineIds {
  /** What a valid id looks like (applied to at most 600 characters, so no backtracking blow-up). */
  public static final Pattern PATTERN =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/:@()+#,-]{0,599}");

  private PipelineIds() {}

  /** Returns whether {@code id} is a valid pipeline id. */
  public static boolean isValid(String id) {
    return id != null && id.length() <= 600 && PATTERN.matcher(id).matches();
  }

  /** Returns the platform part of an id (before the first colon), or null without one. */
  public static String platform(String id) {
    int colon = id.indexOf(':');
    return colon <= 0 ? null : id.substring(0, colon);
  }

  /** Returns the pipeline part of an id (after the first colon), or the id without one. */
  public static String pipeline(String id) {
    int colon = id.indexOf(':');
    return colon < 0 ? id : id.substring(colon + 1);
  }
}
