package io.pipelineguard.bridge.intake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decodes an {@code Authorization: Basic} header. */
record BasicAuth(String user, String password) {
  /** Returns the credentials, or null when the header is absent or not valid Basic auth. */
  static BasicAuth parse(String header) {
    if (header == null
        || header.length() > 4096
        || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? null
        : new BasicAuth(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "BasicAuth{user=" + user + ", password=****}";
  }
}
