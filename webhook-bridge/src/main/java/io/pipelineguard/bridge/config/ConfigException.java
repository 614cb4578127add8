package io.pipelineguard.bridge.config;

/**
 * A configuration that cannot be used: missing file, malformed YAML, unknown key or invalid value.
 * The message names the key and the source and is meant to be shown to the operator as is.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with an operator-facing message. */
  public ConfigException(String message) {
    super(message);
  }

  /** Creates an exception with an operator-facing message and the underlying cause. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
