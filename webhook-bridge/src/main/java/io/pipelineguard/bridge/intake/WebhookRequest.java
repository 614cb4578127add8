package io.pipelineguard.bridge.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A received webhook request as the sources see it: headers (looked up case-insensitively) and the
 * raw body (not copied; do not change it).
 */
public final class WebhookRequest {
  private final Map<String, String> headers;
  private final byte[] body;

  /** Creates a request from its headers and raw body. */
  public WebhookRequest(Map<String, String> headers, byte[] body) {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(Objects.requireNonNull(headers, "headers must not be null"));
    this.headers = copy;
    this.body = Objects.requireNonNull(body, "body must not be null");
  }

  /** Returns the header's value, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** Returns the raw body. */
  public byte[] body() {
    return body;
  }

  /** Returns the hex SHA-256 of the body, the fallback delivery key; costs one pass. */
  public String bodySha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Returns a key no longer than 256 characters: {@code key} itself, or its SHA-256. */
  static String boundedKey(String key) {
    if (key.length() <= 256) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
