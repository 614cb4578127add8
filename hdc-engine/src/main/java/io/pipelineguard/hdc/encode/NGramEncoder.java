package io.pipelineguard.hdc.encode;

import io.pipelineguard.hdc.BitKernels;
import io.pipelineguard.hdc.BitSlicedBundler;
import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.ItemMemory;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a token sequence as the bundle of its n-grams. With {@code Π} the rotation by one word
 * (64 bits) and {@code t_i} the item vector of token {@code i} in the configured namespace, the
 * n-gram at position {@code i} is
 *
 * <pre>{@code Π^(n-1)(t_i) ⊗ Π^(n-2)(t_(i+1)) ⊗ ... ⊗ t_(i+n-1)}</pre>
 *
 * (oldest token rotated most, ⊗ = XOR; as torchhd {@code ngrams} and HDC research notes §3.4), and
 * the sequence vector is the majority of all n-grams, plus every token on its own when unigrams are
 * enabled. A sequence shorter than {@code n} contributes one gram of all its tokens.
 *
 * <p>Immutable and thread-safe; build with {@link #builder(ItemMemory)}. {@link #accumulate} adds
 * into a caller's accumulator so a whole log can be bundled with one scratch buffer of {@code (n+1)
 * * D/8} bytes per call and no per-gram objects; item vectors are generated in place and never
 * cached. Cost per token: one item-vector generation ({@code D/64} SplitMix64 outputs), n XOR
 * passes and one accumulator pass per gram added.
 */
public final class NGramEncoder {
  /** Default namespace of token vectors. */
  public static final String DEFAULT_NAMESPACE = "tok";

  /** Default n. */
  public static final int DEFAULT_N = 3;

  /** Largest supported n. */
  public static final int MAX_N = 16;

  private final ItemMemory items;
  private final String namespace;
  private final int n;
  private final boolean unigrams;

  private NGramEncoder(Builder b) {
    this.items = b.items;
    this.namespace = b.namespace;
    this.n = b.n;
    this.unigrams = b.unigrams;
  }

  /** Returns a builder using {@code items} for token vectors. */
  public static Builder builder(ItemMemory items) {
    return new Builder(items);
  }

  /** Returns the dimension of the produced vectors. */
  public Dimension dimension() {
    return items.dimension();
  }

  /** Returns n. */
  public int n() {
    return n;
  }

  /** Returns whether unigrams are bundled too. */
  public boolean includesUnigrams() {
    return unigrams;
  }

  /** Returns the token namespace. */
  public String namespace() {
    return namespace;
  }

  /**
   * Returns the bundle of the n-grams (and unigrams) of {@code tokens}.
   *
   * @throws IllegalArgumentException if {@code tokens} is empty
   */
  public Hypervector encode(List<String> tokens) {
    Objects.requireNonNull(tokens, "tokens must not be null");
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("tokens must not be empty");
    }
    BitSlicedBundler bundler = new BitSlicedBundler(dimension());
    forEachVector(tokens, bundler::add);
    return bundler.toHypervector();
  }

  /**
   * Returns the single gram {@code Π^(m-1)(t_0) ⊗ ... ⊗ t_(m-1)} of all {@code m} tokens (the
   * n-gram of a window, for inspection and tests).
   */
  public Hypervector gram(List<String> window) {
    Objects.requireNonNull(window, "window must not be null");
    if (window.isEmpty()) {
      throw new IllegalArgumentException("window must not be empty");
    }
    int w = dimension().words();
    long[] token = new long[w];
    long[] gram = new long[w];
    int m = window.size();
    for (int k = 0; k < m; k++) {
      items.writeVector(namespace, window.get(k), token, 0);
      BitKernels.xorRotatedWordsInto(gram, 0, token, 0, w, m - 1 - k);
    }
    return Hypervector.fromWords(dimension(), gram);
  }

  /**
   * Adds every gram of {@code tokens} (and every unigram if enabled) to {@code target} with the
   * given weight. Does nothing for an empty list.
   *
   * @return the number of vectors added
   * @throws IllegalArgumentException if the target's dimension differs or the weight is invalid
   */
  public int accumulate(List<String> tokens, BundleAccumulator target, int weight) {
    Objects.requireNonNull(tokens, "tokens must not be null");
    Objects.requireNonNull(target, "target must not be null");
    if (!target.dimension().equals(dimension())) {
      throw new IllegalArgumentException(
          "dimension mismatch: encoder has "
              + dimension().bits()
              + " bits, target has "
              + target.dimension().bits()
              + " bits");
    }
    if (weight < 1 || weight > BundleAccumulator.MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "weight must be in [1, " + BundleAccumulator.MAX_WEIGHT + "], was " + weight);
    }
    return forEachVector(tokens, (words, offset) -> target.add(words, offset, weight));
  }

  /** Receives each gram or unigram as a packed range of a scratch array (valid during the call). */
  private interface VectorSink {
    void accept(long[] words, int offset);
  }

  private int forEachVector(List<String> tokens, VectorSink sink) {
    int m = tokens.size();
    if (m == 0) {
      return 0;
    }
    int g = Math.min(n, m);
    int w = dimension().words();
    long[] ring = new long[g * w]; // token vectors of the current window, slot = index mod g
    long[] gram = new long[w];
    int added = 0;
    for (int i = 0; i < m; i++) {
      int slot = (i % g) * w;
      items.writeVector(namespace, Objects.requireNonNull(tokens.get(i), "token"), ring, slot);
      if (unigrams && g > 1) {
        sink.accept(ring, slot);
        added++;
      }
      if (i >= g - 1) {
        int first = i - g + 1;
        Arrays.fill(gram, 0L);
        for (int k = 0; k < g; k++) {
          BitKernels.xorRotatedWordsInto(gram, 0, ring, ((first + k) % g) * w, w, g - 1 - k);
        }
        sink.accept(gram, 0);
        added++;
      }
    }
    return added;
  }

  /** Builder of {@link NGramEncoder}; defaults: namespace "tok", n = 3, unigrams included. */
  public static final class Builder {
    private final ItemMemory items;
    private String namespace = DEFAULT_NAMESPACE;
    private int n = DEFAULT_N;
    private boolean unigrams = true;

    private Builder(ItemMemory items) {
      this.items = Objects.requireNonNull(items, "items must not be null");
    }

    /** Sets the namespace of token vectors. */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace must not be null");
      return this;
    }

    /** Sets n, in {@code [1, MAX_N]}. */
    public Builder n(int n) {
      if (n < 1 || n > MAX_N) {
        throw new IllegalArgumentException("n must be in [1, " + MAX_N + "], was " + n);
      }
      this.n = n;
      return this;
    }

    /** Sets whether each token is also bundled on its own (ignored when n = 1). */
    public Builder includeUnigrams(boolean unigrams) {
      this.unigrams = unigrams;
      return this;
    }

    /** Builds the encoder. */
    public NGramEncoder build() {
      return new NGramEncoder(this);
    }
  }
}
