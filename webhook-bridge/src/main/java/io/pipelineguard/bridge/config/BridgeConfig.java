package io.pipelineguard.bridge.config;

import java.util.Objects;

/**
 * The webhook bridge's validated, immutable configuration. Built with {@link #builder()} or loaded
 * by {@link ConfigLoader}; every setter checks its argument at once.
 */
public final class BridgeConfig {
  /** Largest TCP port number. */
  public static final int MAX_PORT = 65_535;

  private final String host;
  private final int port;
  private final int hdcDimensionBits;
  private final long hdcSeed;

  private BridgeConfig(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.hdcDimensionBits = builder.hdcDimensionBits;
    this.hdcSeed = builder.hdcSeed;
  }

  /** Returns a builder holding the embedded defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from this configuration, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder().host(host).port(port).hdcDimensionBits(hdcDimensionBits).hdcSeed(hdcSeed);
  }

  /** Returns the interface the HTTP server binds to. */
  public String host() {
    return host;
  }

  /** Returns the TCP port; 0 means any free port. */
  public int port() {
    return port;
  }

  /** Returns the requested hypervector dimension in bits (rounded up to 64 by the engine). */
  public int hdcDimensionBits() {
    return hdcDimensionBits;
  }

  /** Returns the item-memory seed of the HDC model. */
  public long hdcSeed() {
    return hdcSeed;
  }

  @Override
  public String toString() {
    return "BridgeConfig{host="
        + host
        + ", port="
        + port
        + ", hdcDimensionBits="
        + hdcDimensionBits
        + ", hdcSeed="
        + hdcSeed
        + '}';
  }

  /** Fluent builder; each setter validates its argument and names it in the exception. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private int hdcDimensionBits = 10_240;
    private long hdcSeed = 20_261_128L;

    private Builder() {}

    /** Sets the bind interface; must not be blank. */
    public Builder host(String host) {
      Objects.requireNonNull(host, "server.host must not be null");
      if (host.isBlank()) {
        throw new IllegalArgumentException("server.host must not be blank");
      }
      this.host = host;
      return this;
    }

    /** Sets the TCP port, 0 to {@value #MAX_PORT}; 0 picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > MAX_PORT) {
        throw new IllegalArgumentException(
            "server.port must be between 0 and " + MAX_PORT + ", was " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the hypervector dimension in bits; must be positive. */
    public Builder hdcDimensionBits(int bits) {
      if (bits <= 0) {
        throw new IllegalArgumentException(
            "hdc.dimension must be a positive number of bits, was " + bits);
      }
      this.hdcDimensionBits = bits;
      return this;
    }

    /** Sets the item-memory seed. */
    public Builder hdcSeed(long seed) {
      this.hdcSeed = seed;
      return this;
    }

    /** Returns the immutable configuration. */
    public BridgeConfig build() {
      return new BridgeConfig(this);
    }
  }
}
