package io.pipelineguard.diagnosis.learn;

import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.ItemMemory;
import io.pipelineguard.hdc.encode.NGramEncoder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Encodes a failure's evidence templates (masked lines, most telling first) into one binary
 * hypervector.
 *
 * <p>Each unique template is tokenized ({@link TemplateTokenizer}) and encoded as the majority of
 * its token trigrams {@code Π²(a)⊗Π(b)⊗c} plus its unigrams ({@link NGramEncoder}). The line
 * vectors are added into an integer document accumulator with a weight that falls with the line's
 * rank ({@code round(8 / sqrt(1 + rank))}, at least 1), so the most telling lines count most and no
 * binary bundle ever holds more than one line's grams (HDC research notes §3.1, §5.5). The document
 * vector is the accumulator's majority with the core's content-seeded tie-breaking.
 *
 * <p>Deterministic: the same templates give the same vector in every instance and on every machine
 * for the same {@code (dimension, seed)}. Immutable and thread-safe. Cost per template: one item
 * vector per token (cached), two XOR passes per trigram, one counter pass per line; about 10–30 µs
 * per line at D = 10,240.
 */
public final class FailureEncoder {
  /** Default number of templates encoded. */
  public static final int DEFAULT_MAX_TEMPLATES = 32;

  private static final String NAMESPACE = "logtok";
  private static final double TOP_WEIGHT = 8.0;

  private final Dimension dimension;
  private final long seed;
  private final int maxTemplates;
  private final NGramEncoder lines;

  /**
   * Creates an encoder.
   *
   * @param maxTemplates how many unique templates are encoded at most (1..1000)
   */
  public FailureEncoder(Dimension dimension, long seed, int maxTemplates) {
    this.dimension = Objects.requireNonNull(dimension, "dimension");
    if (maxTemplates < 1 || maxTemplates > 1000) {
      throw new IllegalArgumentException("maxTemplates must be within [1, 1000]");
    }
    this.seed = seed;
    this.maxTemplates = maxTemplates;
    this.lines =
        NGramEncoder.builder(new ItemMemory(dimension, seed))
            .namespace(NAMESPACE)
            .n(3)
            .includeUnigrams(true)
            .build();
  }

  /** Returns the dimension. */
  public Dimension dimension() {
    return dimension;
  }

  /** Returns the seed of the item vectors. */
  public long seed() {
    return seed;
  }

  /** Returns how many unique templates are encoded at most. */
  public int maxTemplates() {
    return maxTemplates;
  }

  /** Returns the weight of the template at {@code rank} (0 = most telling). */
  static int weight(int rank) {
    return (int) Math.max(1, Math.round(TOP_WEIGHT / Math.sqrt(1 + rank)));
  }

  /**
   * Encodes the templates; returns empty when no template has a token.
   *
   * @param templates masked templates, most telling first; duplicates count once
   */
  public java.util.Optional<Hypervector> encode(List<String> templates) {
    Objects.requireNonNull(templates, "templates");
    Set<String> unique = new LinkedHashSet<>();
    for (String t : templates) {
      if (unique.size() >= maxTemplates) {
        break;
      }
      unique.add(Objects.requireNonNull(t, "template"));
    }
    BundleAccumulator doc = new BundleAccumulator(dimension);
    int rank = 0;
    for (String t : unique) {
      List<String> tokens = TemplateTokenizer.tokens(t);
      if (tokens.isEmpty()) {
        continue;
      }
      doc.add(lines.encode(tokens), weight(rank++));
    }
    return rank == 0 ? java.util.Optional.empty() : java.util.Optional.of(doc.toHypervector());
  }
}
