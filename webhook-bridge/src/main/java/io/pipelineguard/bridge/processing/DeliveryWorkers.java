package io.pipelineguard.bridge.processing;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.intake.Interpretation;
import io.pipelineguard.bridge.intake.PayloadParser;
import io.pipelineguard.bridge.intake.StoredDelivery;
import io.pipelineguard.bridge.intake.WebhookSource;
import io.pipelineguard.bridge.store.Delivery;
import io.pipelineguard.bridge.store.DeliveryStore;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes stored deliveries in the background on a bounded pool, in groups (at most {@value
 * #MAX_GROUP}): claim the group (PENDING to PROCESSING, one transaction; deliveries the writer
 * stored already claimed skip this), then for each delivery interpret, record the run, hand a
 * failed job to the {@link FailureProcessor}; then mark the group PROCESSED (one transaction).
 *
 * <p>Resumption: {@link #start()} returns deliveries a crashed process left PROCESSING to PENDING
 * and sweeps the store for PENDING ones, at start and every sweep interval; deliveries that did not
 * fit the in-memory queue are picked up the same way (released first when stored claimed). The
 * claim is a conditional update, so a delivery queued twice is still processed once.
 */
public final class DeliveryWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkers.class);

  /** Most deliveries one worker claims, processes and marks processed together. */
  static final int MAX_GROUP = 64;

  private final DeliveryStore deliveries;
  private final RunStore runs;
  private final Map<Platform, WebhookSource> sources;
  private final FailureProcessor processor;
  private final Clock clock;
  private final int queueSize;
  private final int threads;
  private final Duration sweepInterval;
  private final PayloadParser parser = new PayloadParser();
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService sweeper;
  private final LongSupplier nanoTime;
  private final LongConsumer processingNanos;
  private final RunObserver observer;
  private final ProcessedMarker marker;

  /** Records that claimed deliveries were processed (the store, or the writer's group commit). */
  @FunctionalInterface
  public interface ProcessedMarker {
    /** Marks {@code ids} processed at {@code when}; may defer the write (never losing more). */
    void markProcessed(List<Long> ids, Instant when);
  }

  /**
   * Starts a builder for workers reading {@code deliveries}, recording runs in {@code runs} and
   * handing failed jobs to {@code processor}; the defaults are 2 threads, a queue of 1,024, a sweep
   * every 30 s, the system clock, no observer and marks written by the store itself.
   */
  public static Builder builder(
      DeliveryStore deliveries, RunStore runs, FailureProcessor processor) {
    return new Builder(deliveries, runs, processor);
  }

  private DeliveryWorkers(Builder b) {
    if (b.threads < 1 || b.queueSize < 1) {
      throw new IllegalArgumentException("threads and queueSize must be at least 1");
    }
    this.deliveries = b.deliveries;
    this.runs = b.runs;
    this.processor = b.processor;
    this.clock = b.clock;
    this.threads = b.threads;
    this.queueSize = b.queueSize;
    this.sweepInterval = b.sweepInterval;
    this.observer = b.observer;
    this.nanoTime = b.nanoTime;
    this.processingNanos = b.processingNanos;
    this.marker = b.marker != null ? b.marker : b.deliveries::markAllProcessed;
    this.sources = new ConcurrentHashMap<>();
    for (WebhookSource source : b.sources) {
      this.sources.put(source.platform(), source);
    }
    int threads = b.threads;
    int queueSize = b.queueSize;
    AtomicInteger counter = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueSize),
            r -> {
              Thread thread = new Thread(r, "pipeline-guard-worker-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "pipeline-guard-sweeper");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Requeues interrupted deliveries, then sweeps now and every sweep interval. */
  public void start() {
    int requeued = deliveries.requeueInterrupted();
    if (requeued > 0) {
      LOG.info("Resuming {} deliveries interrupted by a previous stop", requeued);
    }
    sweeper.scheduleWithFixedDelay(this::sweep, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues a stored delivery for processing; if the queue is full the next sweep finds it. */
  public void submit(long deliveryId) {
    submitAll(List.of(new Work(deliveryId, null, false)));
  }

  /**
   * Queues a delivery the writer has just stored; its parsed payload, when present, spares reading
   * the body back and parsing it again. If the queue is full the next sweep finds it.
   */
  public void submitStored(StoredDelivery stored) {
    submitStoredAll(List.of(stored));
  }

  /**
   * Queues a group of deliveries the writer has just stored (one group commit), split among the
   * threads in groups of at most {@value #MAX_GROUP}: each group is claimed in one transaction and
   * marked processed in another, so a delivery costs two shared commits instead of two of its own.
   * Deliveries stored already claimed ({@link StoredDelivery#claimed()}) skip the claim. Costs a
   * queue offer per group; what does not fit the queue is left to the next sweep (released first
   * when it was stored claimed: one update).
   */
  public void submitStoredAll(List<StoredDelivery> stored) {
    List<Work> work = new ArrayList<>(stored.size());
    for (StoredDelivery delivery : stored) {
      work.add(
          new Work(
              delivery.id(), delivery.payload() == null ? null : delivery, delivery.claimed()));
    }
    submitAll(work);
  }

  /**
   * A delivery to process, with the writer's parsed payload or null (read it back), and whether it
   * was stored already claimed.
   */
  private record Work(long id, StoredDelivery stored, boolean claimed) {}

  private void submitAll(List<Work> work) {
    List<Work> admitted = new ArrayList<>(work.size());
    List<Long> refused = new ArrayList<>();
    for (Work item : work) {
      if (queued.size() < queueSize && queued.add(item.id())) {
        admitted.add(item);
      } else if (item.claimed()) {
        refused.add(item.id());
      }
    }
    int groupSize = Math.max(1, Math.min(MAX_GROUP, -Math.floorDiv(-admitted.size(), threads)));
    for (int from = 0; from < admitted.size(); from += groupSize) {
      List<Work> group =
          List.copyOf(admitted.subList(from, Math.min(admitted.size(), from + groupSize)));
      try {
        pool.execute(
            () -> {
              try {
                processGroup(group);
              } finally {
                group.forEach(item -> queued.remove(item.id()));
              }
            });
      } catch (RejectedExecutionException e) {
        group.forEach(item -> queued.remove(item.id()));
        group.stream().filter(Work::claimed).forEach(item -> refused.add(item.id()));
      }
    }
    release(refused);
  }

  /** Returns deliveries stored claimed but not taken to PENDING, for the next sweep. */
  private void release(List<Long> ids) {
    try {
      deliveries.releaseAll(ids);
    } catch (RuntimeException e) {
      LOG.warn(
          "Cannot release {} deliveries; the next start requeues them: {}",
          ids.size(),
          e.toString());
    }
  }

  private void sweep() {
    try {
      int room = queueSize - queued.size();
      if (room <= 0) {
        return;
      }
      List<Work> work = new ArrayList<>();
      for (long id : deliveries.pendingIds(room)) {
        work.add(new Work(id, null, false));
      }
      submitAll(work);
    } catch (RuntimeException e) {
      LOG.warn("Sweep for pending deliveries failed; retrying at the next interval", e);
    }
  }

  /**
   * Claims the group (one transaction), processes each claimed delivery, then marks the processed
   * ones (through the marker: one transaction, or the intake's next group commit). A crash in
   * between leaves them PROCESSING, which the next start requeues: processed again, as after a
   * crash mid-delivery, which processors tolerate.
   */
  private void processGroup(List<Work> group) {
    Map<Long, StoredDelivery> parsed = new HashMap<>();
    List<Long> ids = new ArrayList<>(group.size());
    List<Long> claimed = new ArrayList<>(group.size());
    for (Work item : group) {
      (item.claimed() ? claimed : ids).add(item.id());
      if (item.stored() != null) {
        parsed.put(item.id(), item.stored());
      }
    }
    try {
      claimed.addAll(deliveries.claimAll(ids));
    } catch (RuntimeException e) {
      LOG.warn(
          "Cannot claim {} deliveries; the next sweep retries them: {}", ids.size(), e.toString());
    }
    List<Long> processed = new ArrayList<>(claimed.size());
    for (long id : claimed) {
      if (Thread.currentThread().isInterrupted()) {
        break; // stopping: the rest stay PROCESSING and are requeued at the next start
      }
      if (process(id, parsed.get(id))) {
        processed.add(id);
      }
    }
    try {
      marker.markProcessed(processed, clock.instant());
    } catch (RuntimeException e) {
      LOG.warn(
          "Cannot mark {} deliveries processed; they are processed again at the next start: {}",
          processed.size(),
          e.toString());
    }
  }

  /** Processes a claimed delivery; true when it is to be marked processed. */
  private boolean process(long id, StoredDelivery stored) {
    long start = nanoTime.getAsLong();
    try {
      return processClaimed(id, stored);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.warn("Delivery {} failed: {}", id, e.toString());
      try {
        deliveries.markFailed(id, e.toString(), clock.instant());
      } catch (RuntimeException again) {
        LOG.warn("Cannot mark delivery {} failed; it is retried at the next start", id, again);
      }
      return false;
    } finally {
      processingNanos.accept(nanoTime.getAsLong() - start);
    }
  }

  private void tellRunRecorded(
      io.pipelineguard.bridge.store.RunRecord run, String eventType, JsonNode body) {
    try {
      observer.runRecorded(run, eventType, body);
    } catch (RuntimeException e) {
      LOG.warn("Run listener failed for {}: {}", run.runKey(), e.toString());
    }
  }

  private boolean processClaimed(long id, StoredDelivery stored) throws Exception {
    Platform platform;
    String eventType;
    JsonNode body = null;
    byte[] raw = null;
    if (stored != null) {
      platform = stored.platform();
      eventType = stored.eventType();
      body = stored.payload();
    } else {
      Optional<Delivery> found = deliveries.find(id);
      if (found.isEmpty()) {
        return false;
      }
      platform = found.get().platform();
      eventType = found.get().eventType();
      raw = found.get().body();
    }
    WebhookSource source = sources.get(platform);
    if (source == null) {
      deliveries.markFailed(id, "no source for " + platform, clock.instant());
      return false;
    }
    if (body == null) {
      body = parser.parse(raw, source.payloadShape());
    }
    Interpretation meaning = source.interpret(id, eventType, body, clock.instant());
    if (meaning.run() != null) {
      runs.upsertRun(meaning.run());
      tellRunRecorded(meaning.run(), eventType, body);
    }
    if (meaning.finished() != null) {
      processor.finished(meaning.finished());
    }
    if (meaning.failedJob() != null) {
      processor.process(meaning.failedJob());
    }
    return true;
  }

  /** Returns the number of deliveries queued or running in this process. */
  public int inFlight() {
    return queued.size();
  }

  /** Stops sweeping and lets running deliveries finish (up to 10 s); queued ones stay pending. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }

  /** Settings of {@link DeliveryWorkers}; not thread-safe, build once. */
  public static final class Builder {
    private final DeliveryStore deliveries;
    private final RunStore runs;
    private final FailureProcessor processor;
    private List<WebhookSource> sources = List.of();
    private Clock clock = Clock.systemUTC();
    private int threads = 2;
    private int queueSize = 1024;
    private Duration sweepInterval = Duration.ofSeconds(30);
    private RunObserver observer = RunObserver.NONE;
    private LongSupplier nanoTime = System::nanoTime;
    private LongConsumer processingNanos = nanos -> {};
    private ProcessedMarker marker;

    private Builder(DeliveryStore deliveries, RunStore runs, FailureProcessor processor) {
      this.deliveries = Objects.requireNonNull(deliveries, "deliveries must not be null");
      this.runs = Objects.requireNonNull(runs, "runs must not be null");
      this.processor = Objects.requireNonNull(processor, "processor must not be null");
    }

    /** The platforms whose stored deliveries are interpreted (others are marked processed). */
    public Builder sources(List<WebhookSource> sources) {
      this.sources = List.copyOf(sources);
      return this;
    }

    /** The clock stamping processed deliveries and recorded runs. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** Worker threads (at least 1). */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Deliveries queued or running in memory (at least 1; more are left to the sweep). */
    public Builder queueSize(int queueSize) {
      this.queueSize = queueSize;
      return this;
    }

    /** How often the store is swept for pending deliveries. */
    public Builder sweepInterval(Duration sweepInterval) {
      this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval must not be null");
      return this;
    }

    /**
     * Told of each run recorded, with the payload (on the worker thread, after the run is stored;
     * quick and never throwing: the pipeline monitor and the live dashboard).
     */
    public Builder observer(RunObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer must not be null");
      return this;
    }

    /**
     * Reports each claimed delivery's processing time in nanoseconds, measured with the monotonic
     * {@code nanoTime}.
     */
    public Builder processingTime(LongSupplier nanoTime, LongConsumer processingNanos) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime must not be null");
      this.processingNanos =
          Objects.requireNonNull(processingNanos, "processingNanos must not be null");
      return this;
    }

    /**
     * Marks processed deliveries through {@code marker} ({@link
     * io.pipelineguard.bridge.intake.DeliveryWriter#markProcessed}: in the intake's next group
     * commit rather than in a transaction of their own); by default the store marks them itself.
     */
    public Builder marker(ProcessedMarker marker) {
      this.marker = Objects.requireNonNull(marker, "marker must not be null");
      return this;
    }

    /** Creates the workers; nothing runs until {@link DeliveryWorkers#start()}. */
    public DeliveryWorkers build() {
      return new DeliveryWorkers(this);
    }
  }
}
