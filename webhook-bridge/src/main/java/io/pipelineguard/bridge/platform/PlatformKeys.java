package io.pipelineguard.bridge.platform;

import java.io.IOException;

/** Parses the platform ids out of the keys the intake builds ({@code owner/repo/jobs/ID} ...). */
final class PlatformKeys {
  private PlatformKeys() {}

  /** Returns the part of {@code key} before {@code marker}, or throws naming the key. */
  static String before(String key, String marker) throws IOException {
    int at = key.lastIndexOf(marker);
    if (at <= 0) {
      throw new IOException("unexpected key '" + key + "': no '" + marker + "'");
    }
    return key.substring(0, at);
  }

  /** Returns the numeric id after {@code marker}, or throws naming the key. */
  static long idAfter(String key, String marker) throws IOException {
    int at = key.lastIndexOf(marker);
    if (at < 0) {
      throw new IOException("unexpected key '" + key + "': no '" + marker + "'");
    }
    try {
      return Long.parseLong(key.substring(at + marker.length()));
    } catch (NumberFormatException e) {
      throw new IOException("unexpected key '" + key + "': id is not a number", e);
    }
  }

  /** Parses a whole key part as a number, or throws naming it. */
  static long number(String part) throws IOException {
    try {
      return Long.parseLong(part);
    } catch (NumberFormatException e) {
      throw new IOException("unexpected id '" + part + "': not a number", e);
    }
  }
}
