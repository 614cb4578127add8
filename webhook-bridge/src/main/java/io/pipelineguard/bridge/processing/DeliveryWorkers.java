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
 * Processes stored deliveries in the background on a bounded pool: claim (PENDING to PROCESSING),
 * interpret, record the run, hand a failed job to the {@link FailureProcessor}, mark PROCESSED.
 *
 * <p>Resumption: {@link #start()} returns deliveries a crashed process left PROCESSING to PENDING
 * and sweeps the store for PENDING ones, at start and every sweep interval; deliveries that did not
 * fit the in-memory queue are picked up the same way. The claim is a conditional update, so a
 * delivery queued twice is still processed once.
 */
public final class DeliveryWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkers.class);

  private final DeliveryStore deliveries;
  private final RunStore runs;
  private final Map<Platform, WebhookSource> sources;
  private final FailureProcessor processor;
  private final Clock clock;
  private final int queueSize;
  private final Duration sweepInterval;
  private final PayloadParser parser = new PayloadParser();
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService sweeper;
  private final LongSupplier nanoTime;
  private final LongConsumer processingNanos;
  private final RunObserver observer;

  /**
   * Creates the workers; nothing runs until {@link #start()}.
   *
   * @param threads worker threads
   * @param queueSize deliveries waiting in memory for a thread
   */
  public DeliveryWorkers(
      DeliveryStore deliveries,
      RunStore runs,
      List<WebhookSource> sources,
      FailureProcessor processor,
      Clock clock,
      int threads,
      int queueSize,
      Duration sweepInterval) {
    this(
        deliveries,
        runs,
        sources,
        processor,
        clock,
        threads,
        queueSize,
        sweepInterval,
        RunObserver.NONE,
        System::nanoTime,
        nanos -> {});
  }

  /**
   * Creates the workers, reporting each processed delivery's duration; nothing runs until {@link
   * #start()}.
   *
   * @param nanoTime a monotonic nanosecond clock
   * @param processingNanos receives each claimed delivery's processing time, in nanoseconds
   * @param observer told of each run recorded, with the payload (on the worker thread, after the
   *     run is stored; quick and never throwing: the pipeline monitor and the live dashboard)
   */
  public DeliveryWorkers(
      DeliveryStore deliveries,
      RunStore runs,
      List<WebhookSource> sources,
      FailureProcessor processor,
      Clock clock,
      int threads,
      int queueSize,
      Duration sweepInterval,
      RunObserver observer,
      LongSupplier nanoTime,
      LongConsumer processingNanos) {
    this.observer = Objects.requireNonNull(observer, "observer must not be null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime must not be null");
    this.processingNanos =
        Objects.requireNonNull(processingNanos, "processingNanos must not be null");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries must not be null");
    this.runs = Objects.requireNonNull(runs, "runs must not be null");
    this.sources = new ConcurrentHashMap<>();
    for (WebhookSource source : sources) {
      this.sources.put(source.platform(), source);
    }
    this.processor = Objects.requireNonNull(processor, "processor must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.queueSize = queueSize;
    this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval must not be null");
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
    submit(deliveryId, null);
  }

  /**
   * Queues a delivery the writer has just stored; its parsed payload, when present, spares reading
   * the body back and parsing it again. If the queue is full the next sweep finds it.
   */
  public void submitStored(StoredDelivery stored) {
    submit(stored.id(), stored.payload() == null ? null : stored);
  }

  private void submit(long deliveryId, StoredDelivery stored) {
    if (!queued.add(deliveryId)) {
      return;
    }
    try {
      pool.execute(
          () -> {
            try {
              process(deliveryId, stored);
            } finally {
              queued.remove(deliveryId);
            }
          });
    } catch (RejectedExecutionException e) {
      queued.remove(deliveryId);
    }
  }

  private void sweep() {
    try {
      int room = queueSize - pool.getQueue().size();
      if (room <= 0) {
        return;
      }
      for (long id : deliveries.pendingIds(room)) {
        submit(id);
      }
    } catch (RuntimeException e) {
      LOG.warn("Sweep for pending deliveries failed; retrying at the next interval", e);
    }
  }

  private void process(long id, StoredDelivery stored) {
    try {
      if (!deliveries.claim(id)) {
        return;
      }
      long start = nanoTime.getAsLong();
      try {
        processClaimed(id, stored);
      } finally {
        processingNanos.accept(nanoTime.getAsLong() - start);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Delivery {} failed: {}", id, e.toString());
      try {
        deliveries.markFailed(id, e.toString(), clock.instant());
      } catch (RuntimeException again) {
        LOG.warn("Cannot mark delivery {} failed; it is retried at the next start", id, again);
      }
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

  private void processClaimed(long id, StoredDelivery stored) throws Exception {
    Platform platform;
    String eventType;
    JsonNode body;
    if (stored != null) {
      platform = stored.platform();
      eventType = stored.eventType();
      body = stored.payload();
    } else {
      Optional<Delivery> found = deliveries.find(id);
      if (found.isEmpty()) {
        return;
      }
      platform = found.get().platform();
      eventType = found.get().eventType();
      body = parser.parse(found.get().body());
    }
    WebhookSource source = sources.get(platform);
    if (source == null) {
      deliveries.markFailed(id, "no source for " + platform, clock.instant());
      return;
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
    deliveries.markProcessed(id, clock.instant());
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
}
