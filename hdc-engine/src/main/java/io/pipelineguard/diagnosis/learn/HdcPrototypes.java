package io.pipelineguard.diagnosis.learn;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.LearnedPrototypes;
import io.pipelineguard.diagnosis.PrototypeMatch;
import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * {@link LearnedPrototypes} backed by hyperdimensional computing: one integer prototype ({@link
 * BundleAccumulator}) per category, learned from encoded failures ({@link FailureEncoder}).
 *
 * <p><b>Similarity.</b> A query's bipolar vector is compared by cosine with each category's
 * <i>centred</i> prototype: the prototype normalised to unit length minus the mean of all
 * normalised prototypes. Centring removes what every failure log shares (install chatter, the CI's
 * own lines), so an unrelated category scores near 0 and the matching one clearly above. The
 * reported {@link PrototypeMatch#similarity()} is that cosine, in [-1, 1]; with one category only,
 * the uncentred cosine.
 *
 * <p><b>Training</b> ({@link #train}): a single centroid pass (each example adds its vector with
 * weight 16 to its category), then error-driven epochs in the OnlineHD style: a misclassified
 * example is added to its true category with weight {@code 16·rate·(1−δ)} and subtracted from the
 * predicted one with weight {@code 16·rate·(1−ε)} (δ, ε the similarities to the true and predicted
 * prototypes). Early stop: the model with the fewest held-out errors is kept; training stops after
 * {@code patience} epochs without improvement (HDC research notes §5.7). <b>Online learning</b>
 * ({@link #learn}) applies the single-pass form of the same update to one example.
 *
 * <p><b>Thread-safe</b> (all methods synchronise on the instance). Footprint: {@code 4·D} bytes of
 * counters plus {@code 8·D} bytes of cached normalised prototype per category (≈ 120 KiB at D =
 * 10,240). Cost: {@link #nearest} encodes the templates (≈ 10–30 µs per line) and makes one pass of
 * {@code D} per category; a training epoch costs that per example.
 */
public final class HdcPrototypes implements LearnedPrototypes {
  /** Seed of the item vectors of {@link #create()}. */
  public static final long DEFAULT_SEED = 0x5047_4C50_0001L;

  /** Weight of one example in the centroid pass. */
  static final int CENTROID_WEIGHT = 16;

  private final FailureEncoder encoder;
  private final Map<Category, BundleAccumulator> prototypes = new EnumMap<>(Category.class);
  private final double onlineRate;
  private Map<Category, double[]> centred;

  /**
   * Creates an empty memory.
   *
   * @param onlineRate learning rate of {@link #learn} updates, in (0, 4]
   */
  public HdcPrototypes(FailureEncoder encoder, double onlineRate) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    if (!(onlineRate > 0 && onlineRate <= 4)) {
      throw new IllegalArgumentException("onlineRate must be within (0, 4]");
    }
    this.onlineRate = onlineRate;
  }

  /** Returns an empty memory with D = 10,240, {@link #DEFAULT_SEED}, 32 templates, rate 0.5. */
  public static HdcPrototypes create() {
    return new HdcPrototypes(
        new FailureEncoder(Dimension.DEFAULT, DEFAULT_SEED, FailureEncoder.DEFAULT_MAX_TEMPLATES),
        0.5);
  }

  /** Returns the encoder. */
  public FailureEncoder encoder() {
    return encoder;
  }

  /** Returns the learning rate of online updates. */
  public double onlineRate() {
    return onlineRate;
  }

  @Override
  public synchronized boolean isEmpty() {
    return prototypes.isEmpty();
  }

  /** Returns copies of the category accumulators, in category order. */
  public synchronized Map<Category, BundleAccumulator> accumulators() {
    Map<Category, BundleAccumulator> out = new EnumMap<>(Category.class);
    prototypes.forEach((c, a) -> out.put(c, a.copy()));
    return Collections.unmodifiableMap(out);
  }

  /** Replaces (or sets) the accumulator of {@code category} with a copy (used when loading). */
  public synchronized void put(Category category, BundleAccumulator accumulator) {
    Objects.requireNonNull(category, "category");
    requireSame(accumulator.dimension());
    prototypes.put(category, accumulator.copy());
    centred = null;
  }

  /** Encodes templates with this memory's encoder. */
  public Optional<Hypervector> encode(List<String> templates) {
    return encoder.encode(templates);
  }

  @Override
  public synchronized List<PrototypeMatch> nearest(List<String> templates, int k) {
    Optional<Hypervector> q = encoder.encode(templates);
    return q.isEmpty() ? List.of() : nearest(q.get(), k);
  }

  /** Returns up to {@code k} categories most similar to an encoded failure, best first. */
  public synchronized List<PrototypeMatch> nearest(Hypervector query, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    Map<Category, Double> s = scores(query);
    List<PrototypeMatch> out = new ArrayList<>();
    s.forEach((c, v) -> out.add(new PrototypeMatch(c.wireName(), c, v)));
    out.sort(
        Comparator.comparingDouble(PrototypeMatch::similarity)
            .reversed()
            .thenComparing(PrototypeMatch::category));
    return List.copyOf(out.subList(0, Math.min(k, out.size())));
  }

  /** Returns the best category of an encoded failure, empty when nothing is learned. */
  public synchronized Optional<Category> classify(Hypervector query) {
    return best(scores(query));
  }

  @Override
  public synchronized void learn(List<String> templates, Category category) {
    Objects.requireNonNull(category, "category");
    encoder.encode(templates).ifPresent(q -> learnOnline(q, category));
  }

  /**
   * Learns one encoded failure online: added to its category with weight {@code 16·(1−δ)} (at least
   * 1), and, when it was misclassified, subtracted from the predicted category with weight {@code
   * 16·rate·(1−ε)}.
   */
  public synchronized void learnOnline(Hypervector q, Category category) {
    Map<Category, Double> s = scores(q);
    double delta = s.getOrDefault(category, 0.0);
    add(category, q, weight(1.0, 1 - delta));
    Optional<Category> predicted = best(s);
    if (predicted.isPresent() && predicted.get() != category) {
      subtract(predicted.get(), q, weight(onlineRate, 1 - s.get(predicted.get())));
    }
  }

  /**
   * Trains on labelled failures: centroid pass, then error-driven epochs with early stop (see the
   * class comment). Adds to what is already learned.
   */
  public synchronized TrainingSummary train(
      List<LabelledFailure> examples, TrainingOptions options) {
    Objects.requireNonNull(options, "options");
    List<Encoded> all = new ArrayList<>();
    for (LabelledFailure f : examples) {
      encoder.encode(f.templates()).ifPresent(q -> all.add(new Encoded(q, f.category())));
    }
    Random random = new Random(options.seed());
    Collections.shuffle(all, random);
    int holdoutSize = all.size() >= 20 ? (int) Math.round(all.size() * options.holdoutShare()) : 0;
    List<Encoded> holdout = all.subList(0, holdoutSize);
    List<Encoded> train = new ArrayList<>(all.subList(holdoutSize, all.size()));
    for (Encoded e : train) {
      add(e.category, e.vector, CENTROID_WEIGHT);
    }
    int trainErrors = errors(train);
    int holdErrors = errors(holdout);
    Map<Category, BundleAccumulator> best = snapshot();
    int bestEpoch = 0;
    int bestTrain = trainErrors;
    int bestHold = holdErrors;
    int epoch = 0;
    int stale = 0;
    while (epoch < options.maxEpochs() && trainErrors > 0 && stale < options.patience()) {
      epoch++;
      Collections.shuffle(train, random);
      for (Encoded e : train) {
        Map<Category, Double> s = scores(e.vector);
        Category predicted = best(s).orElseThrow();
        if (predicted != e.category) {
          double delta = s.getOrDefault(e.category, 0.0);
          add(e.category, e.vector, weight(options.learningRate(), 1 - delta));
          subtract(predicted, e.vector, weight(options.learningRate(), 1 - s.get(predicted)));
        }
      }
      trainErrors = errors(train);
      holdErrors = errors(holdout);
      boolean better =
          holdoutSize > 0
              ? holdErrors < bestHold || (holdErrors == bestHold && trainErrors < bestTrain)
              : trainErrors < bestTrain;
      if (better) {
        best = snapshot();
        bestEpoch = epoch;
        bestTrain = trainErrors;
        bestHold = holdErrors;
        stale = 0;
      } else {
        stale++;
      }
    }
    prototypes.clear();
    prototypes.putAll(best);
    centred = null;
    for (Encoded e : holdout) {
      learnOnline(e.vector, e.category);
    }
    return new TrainingSummary(
        examples.size(), all.size(), epoch, bestEpoch, bestTrain, bestHold, holdoutSize);
  }

  private record Encoded(Hypervector vector, Category category) {}

  private int errors(List<Encoded> examples) {
    int errors = 0;
    for (Encoded e : examples) {
      if (best(scores(e.vector)).orElse(null) != e.category) {
        errors++;
      }
    }
    return errors;
  }

  private Map<Category, BundleAccumulator> snapshot() {
    Map<Category, BundleAccumulator> copy = new EnumMap<>(Category.class);
    prototypes.forEach((c, a) -> copy.put(c, a.copy()));
    return copy;
  }

  private static int weight(double rate, double gap) {
    long w = Math.round(CENTROID_WEIGHT * rate * Math.max(0, gap));
    return (int) Math.max(1, Math.min(4L * CENTROID_WEIGHT, w));
  }

  private void add(Category c, Hypervector q, int weight) {
    prototypes.computeIfAbsent(c, k -> new BundleAccumulator(encoder.dimension())).add(q, weight);
    centred = null;
  }

  private void subtract(Category c, Hypervector q, int weight) {
    prototypes.get(c).subtract(q, weight);
    centred = null;
  }

  private static Optional<Category> best(Map<Category, Double> scores) {
    Category best = null;
    double top = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Category, Double> e : scores.entrySet()) {
      if (e.getValue() > top) {
        top = e.getValue();
        best = e.getKey();
      }
    }
    return Optional.ofNullable(best);
  }

  private Map<Category, Double> scores(Hypervector query) {
    requireSame(query.dimension());
    Map<Category, double[]> protos = centred();
    long[] words = query.copyWords();
    int bits = encoder.dimension().bits();
    double norm = Math.sqrt(bits);
    Map<Category, Double> out = new EnumMap<>(Category.class);
    for (Map.Entry<Category, double[]> e : protos.entrySet()) {
      double[] p = e.getValue();
      double dot = 0;
      for (int i = 0; i < bits; i++) {
        dot += ((words[i >>> 6] >>> (i & 63)) & 1L) != 0 ? p[i] : -p[i];
      }
      out.put(e.getKey(), Math.max(-1.0, Math.min(1.0, dot / norm)));
    }
    return out;
  }

  private Map<Category, double[]> centred() {
    if (centred != null) {
      return centred;
    }
    int bits = encoder.dimension().bits();
    Map<Category, double[]> unit = new EnumMap<>(Category.class);
    double[] mean = new double[bits];
    for (Map.Entry<Category, BundleAccumulator> e : prototypes.entrySet()) {
      double[] p = new double[bits];
      double sq = 0;
      for (int i = 0; i < bits; i++) {
        p[i] = e.getValue().counter(i);
        sq += p[i] * p[i];
      }
      scale(p, sq);
      unit.put(e.getKey(), p);
      for (int i = 0; i < bits; i++) {
        mean[i] += p[i] / prototypes.size();
      }
    }
    if (unit.size() >= 2) {
      for (double[] p : unit.values()) {
        double sq = 0;
        for (int i = 0; i < bits; i++) {
          p[i] -= mean[i];
          sq += p[i] * p[i];
        }
        scale(p, sq);
      }
    }
    centred = unit;
    return unit;
  }

  private void requireSame(Dimension other) {
    if (!encoder.dimension().equals(other)) {
      throw new IllegalArgumentException(
          "dimension mismatch: model has " + encoder.dimension() + ", got " + other);
    }
  }

  private static void scale(double[] p, double squaredNorm) {
    double inv = squaredNorm > 0 ? 1.0 / Math.sqrt(squaredNorm) : 0.0;
    for (int i = 0; i < p.length; i++) {
      p[i] *= inv;
    }
  }
}
