package io.pipelineguard.bridge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random credentials and their stored form. An API key is {@code pg_} followed by 43 base64url
 * characters (32 bytes from {@link SecureRandom}); a session token is the 43 characters alone. Only
 * {@link #sha256Hex SHA-256} hashes are stored: with 256 random bits per credential a fast hash is
 * enough (no dictionary or brute force can reach it), and a lookup costs one hash and one indexed
 * query.
 */
public final class SecretTokens {
  /** Prefix of every API key, so that leaked keys are recognisable by secret scanners. */
  public static final String KEY_PREFIX = "pg_";

  /** Length of an API key: the prefix and 43 characters. */
  public static final int KEY_LENGTH = KEY_PREFIX.length() + 43;

  /** Length of a session token. */
  public static final int TOKEN_LENGTH = 43;

  /** Characters of a key shown in listings to tell keys apart: the prefix and 8 more. */
  public static final int DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length() + 8;

  private final SecureRandom random;

  /** Creates a generator over a new {@link SecureRandom}. */
  public SecretTokens() {
    this(new SecureRandom());
  }

  /** Creates a generator over {@code random} (tests may pass a seeded one). */
  public SecretTokens(SecureRandom random) {
    this.random = random;
  }

  /** Returns a new API key. */
  public String newApiKey() {
    return KEY_PREFIX + randomText();
  }

  /** Returns a new session token. */
  public String newSessionToken() {
    return randomText();
  }

  private String randomText() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Returns the lowercase hex SHA-256 of the UTF-8 bytes of {@code secret}: its stored form. */
  public static String sha256Hex(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Returns the non-secret start of a key shown in listings ({@code pg_} and 8 characters). */
  public static String displayPrefix(String apiKey) {
    return apiKey.substring(0, Math.min(apiKey.length(), DISPLAY_PREFIX_LENGTH));
  }

  /** Returns whether {@code text} has the shape of an API key (cheap; no lookup). */
  public static boolean isApiKeyShaped(String text) {
    return text != null
        && text.length() == KEY_LENGTH
        && text.startsWith(KEY_PREFIX)
        && isBase64Url(text, KEY_PREFIX.length());
  }

  /** Returns whether {@code text} has the shape of a session token (cheap; no lookup). */
  public static boolean isSessionTokenShaped(String text) {
    return text != null && text.length() == TOKEN_LENGTH && isBase64Url(text, 0);
  }

  private static boolean isBase64Url(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
