package io.pipelineguard.bridge.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret configuration value (webhook secret, token, password, API key). Its {@link #toString()}
 * never shows the value, so a secret logged or serialised by mistake reads {@code ****}.
 *
 * <p>Comparisons are constant-time ({@link MessageDigest#isEqual}) and cost one pass over the
 * bytes.
 */
public final class Secret {
  private static final Secret EMPTY = new Secret("");

  private final byte[] bytes;

  private Secret(String value) {
    this.bytes = value.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns a secret holding {@code value}; an empty or null value gives {@link #empty()}. */
  public static Secret of(String value) {
    return value == null || value.isEmpty() ? EMPTY : new Secret(value);
  }

  /** Returns the unset secret. */
  public static Secret empty() {
    return EMPTY;
  }

  /** Returns true when a non-empty value is configured. */
  public boolean isSet() {
    return bytes.length > 0;
  }

  /**
   * Returns true when {@code candidate} equals this secret, in time independent of where they
   * differ. An unset secret matches nothing.
   */
  public boolean matches(String candidate) {
    if (!isSet() || candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(bytes, candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a copy of the secret's UTF-8 bytes, for keys of MACs. Do not log them. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the secret's value; only for handing to a driver. Do not log it. */
  public String reveal() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret && MessageDigest.isEqual(bytes, ((Secret) other).bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bytes.length);
  }

  @Override
  public String toString() {
    return isSet() ? "****" : "(unset)";
  }
}
