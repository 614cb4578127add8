package io.pipelineguard.bridge.learning;

import io.pipelineguard.bridge.store.ModelStateStore;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.DiagnosisReport;
import io.pipelineguard.diagnosis.LearnedPrototypes;
import io.pipelineguard.diagnosis.LogSource;
import io.pipelineguard.diagnosis.PrototypeMatch;
import io.pipelineguard.diagnosis.SignatureHistory;
import io.pipelineguard.diagnosis.knowledge.KnowledgeBase;
import io.pipelineguard.diagnosis.learn.HdcPrototypes;
import io.pipelineguard.diagnosis.learn.PrototypeModelFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The bridge's diagnoser with learning from people's corrections: the engine's {@link Diagnoser}
 * (built-in knowledge) plus {@link HdcPrototypes} learned from feedback, saved in {@code
 * model_state} as {@value #MODEL_NAME} ({@link PrototypeModelFile} format) after every lesson and
 * loaded at start, so learning survives a restart.
 *
 * <p>Each diagnosis also returns the templates the diagnoser queried the prototypes with (its 16
 * most telling lines, masked); the door stores them with the diagnosis, and feedback teaches the
 * prototypes exactly those, so the next diagnosis of the same failure, or of one sharing its
 * telling lines, leans to the corrected category by {@value #PROTOTYPE_WEIGHT} × similarity.
 *
 * <p>Thread-safe. A diagnosis costs what {@link Diagnoser#diagnose} costs plus one prototype query
 * once anything is learned (≈ D per category); a lesson costs one online update and one save of the
 * model (≈ 40 KiB per learned category).
 */
public final class LearningDiagnoser {
  /** The {@code model_state} row of the learned prototypes. */
  public static final String MODEL_NAME = "diagnosis-prototypes";

  /**
   * How much learned prototypes weigh against rules: the nearest prototypes add this × similarity
   * to their category's score. High on purpose: a person's correction of this very failure should
   * outweigh the built-in rules that got it wrong (rule scores of a clear failure are about 5–15).
   */
  public static final double PROTOTYPE_WEIGHT = 20.0;

  /**
   * A diagnosis with the templates it queried learned prototypes with.
   *
   * @param report the engine's report
   * @param queryTemplates the masked templates to learn from if a person corrects it
   */
  public record Diagnosed(DiagnosisReport report, List<String> queryTemplates) {
    /** Copies the templates. */
    public Diagnosed {
      queryTemplates = List.copyOf(queryTemplates);
    }
  }

  private final KnowledgeBase knowledge;
  private final Clock clock;
  private final HdcPrototypes prototypes;
  private final ModelStateStore store;
  private final LongSupplier nanoTime;
  private final LongConsumer diagnosisNanos;

  /**
   * Creates the diagnoser, loading learned prototypes from {@code store} (an empty memory when none
   * are saved).
   *
   * @param nanoTime a monotonic nanosecond clock, for {@code diagnosisNanos}
   * @param diagnosisNanos receives the duration of every diagnosis, in nanoseconds
   * @throws IOException when the saved model is corrupt
   */
  /** How long a seen signature keeps a failure from being called new. */
  public static final java.time.Duration NOVELTY_WINDOW = java.time.Duration.ofDays(30);

  private final SignatureHistory history;

  public LearningDiagnoser(
      ModelStateStore store, Clock clock, LongSupplier nanoTime, LongConsumer diagnosisNanos)
      throws IOException {
    this(store, clock, nanoTime, diagnosisNanos, null);
  }

  /**
   * Creates the diagnoser with a history of seen signatures, so diagnoses say whether a failure is
   * new (not seen within {@link #NOVELTY_WINDOW}).
   *
   * @param history when each signature was last seen; null to call every failure new
   */
  public LearningDiagnoser(
      ModelStateStore store,
      Clock clock,
      LongSupplier nanoTime,
      LongConsumer diagnosisNanos,
      SignatureHistory history)
      throws IOException {
    this.history = history;
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime must not be null");
    this.diagnosisNanos = Objects.requireNonNull(diagnosisNanos, "diagnosisNanos must not be null");
    this.knowledge = KnowledgeBase.builtIn();
    Optional<byte[]> saved = store.load(MODEL_NAME);
    this.prototypes =
        saved.isPresent()
            ? PrototypeModelFile.read(new ByteArrayInputStream(saved.get()))
            : HdcPrototypes.create();
  }

  /**
   * Diagnoses a failing log with the built-in rules and what was learned.
   *
   * @throws IOException when the log cannot be read
   */
  public Diagnosed diagnose(LogSource log) throws IOException {
    Capture capture = new Capture(prototypes);
    Diagnoser.Builder builder =
        Diagnoser.builder().knowledge(knowledge).clock(clock).prototypes(capture, PROTOTYPE_WEIGHT);
    if (history != null) {
      builder.history(history, NOVELTY_WINDOW);
    }
    Diagnoser diagnoser = builder.build();
    long start = nanoTime.getAsLong();
    DiagnosisReport report = diagnoser.diagnose(log);
    diagnosisNanos.accept(nanoTime.getAsLong() - start);
    return new Diagnosed(report, capture.templates);
  }

  /**
   * Learns that a failure with these query templates belongs to {@code category}, and saves the
   * learned model. Nothing is learned from an empty list.
   *
   * @return whether anything was learned
   * @throws IOException when the model cannot be encoded
   */
  public synchronized boolean learn(List<String> templates, Category category) throws IOException {
    Objects.requireNonNull(category, "category must not be null");
    if (templates.isEmpty()) {
      return false;
    }
    prototypes.learn(templates, category);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrototypeModelFile.write(out, prototypes);
    store.save(MODEL_NAME, "PGLP v" + PrototypeModelFile.VERSION, out.toByteArray());
    return true;
  }

  /** Returns whether nothing has been learned yet. */
  public boolean isEmpty() {
    return prototypes.isEmpty();
  }

  /** Records the query templates of one diagnosis and answers from the shared prototypes. */
  private static final class Capture implements LearnedPrototypes {
    private final HdcPrototypes delegate;
    private List<String> templates = List.of();

    Capture(HdcPrototypes delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<PrototypeMatch> nearest(List<String> query, int k) {
      templates = List.copyOf(query);
      return delegate.isEmpty() ? List.of() : delegate.nearest(query, k);
    }

    @Override
    public void learn(List<String> query, Category category) {
      throw new UnsupportedOperationException("learning goes through LearningDiagnoser.learn");
    }

    @Override
    public boolean isEmpty() {
      return false;
    }
  }
}
