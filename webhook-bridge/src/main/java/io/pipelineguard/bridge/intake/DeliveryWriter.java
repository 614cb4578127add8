package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.store.DeliveryStore;
import io.pipelineguard.bridge.store.InsertResult;
import io.pipelineguard.bridge.store.NewDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: request threads {@link #submit} deliveries, one writer thread stores whatever has
 * queued up in one transaction (at most {@code maxBatch}), then completes each request's future. A
 * future completes only after its delivery is committed, so a reply sent after it is durable. New
 * (non-duplicate) deliveries are then handed to {@code onStored} (the workers) as one group, with
 * the parsed payload when the intake passed one, so the workers need not read the body back and
 * parse it again.
 *
 * <p>Bounded: at most {@code capacity} deliveries wait; beyond that {@link #submit} fails at once
 * with {@link RejectedExecutionException} (answered 503, the platform retries later).
 */
public final class DeliveryWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWriter.class);

  private record Pending(
      NewDelivery delivery, JsonNode payload, CompletableFuture<InsertResult> result) {}

  private final DeliveryStore store;
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final Consumer<List<StoredDelivery>> onStored;
  private final boolean claimed;
  private final Thread thread;
  private final ConcurrentLinkedQueue<DeliveryStore.Processed> processed =
      new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;

  /**
   * Creates and starts the writer thread.
   *
   * @param onStored receives the new (non-duplicate) deliveries of each committed group, in order,
   *     on the writer thread (so it must only queue them)
   */
  public DeliveryWriter(
      DeliveryStore store, int capacity, int maxBatch, Consumer<List<StoredDelivery>> onStored) {
    this(store, capacity, maxBatch, onStored, false);
  }

  /**
   * Creates and starts the writer thread.
   *
   * @param onStored receives the new (non-duplicate) deliveries of each committed group, in order,
   *     on the writer thread (so it must only queue them)
   * @param claimed true to store new deliveries already claimed for {@code onStored} ({@link
   *     DeliveryStore#insertAllClaimed}): it must process or release each one
   */
  public DeliveryWriter(
      DeliveryStore store,
      int capacity,
      int maxBatch,
      Consumer<List<StoredDelivery>> onStored,
      boolean claimed) {
    this.claimed = claimed;
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.onStored = Objects.requireNonNull(onStored, "onStored must not be null");
    if (capacity < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("capacity and maxBatch must be >= 1");
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, "pipeline-guard-delivery-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Queues a delivery for the next commit, without a parsed payload (the workers read it back).
   *
   * @return a future completed once the delivery is committed (or found to be a duplicate)
   * @throws RejectedExecutionException when the queue is full or the writer is closed
   */
  public CompletableFuture<InsertResult> submit(NewDelivery delivery) {
    return submit(delivery, null);
  }

  /**
   * Queues a delivery for the next commit; {@code payload}, its parsed body (or null), is handed to
   * the workers once stored. Costs nothing but a queue offer: the caller waits on the future.
   *
   * @return a future completed once the delivery is committed (or found to be a duplicate)
   * @throws RejectedExecutionException when the queue is full or the writer is closed
   */
  public CompletableFuture<InsertResult> submit(NewDelivery delivery, JsonNode payload) {
    if (!running) {
      throw new RejectedExecutionException("the delivery writer is closed");
    }
    CompletableFuture<InsertResult> result = new CompletableFuture<>();
    if (!queue.offer(new Pending(delivery, payload, result))) {
      throw new RejectedExecutionException("the delivery queue is full");
    }
    return result;
  }

  /**
   * Marks deliveries processed at {@code when} in the next group commit (the same transaction and
   * sync as the deliveries stored then), or within {@value #IDLE_MARK_MILLIS} ms in a transaction
   * of their own when none arrive. Not durable on return: a crash before that commit leaves them
   * PROCESSING, so the next start processes them again, as after any crash mid-delivery. Once the
   * writer is closed they are marked at once, on the caller's thread.
   */
  public void markProcessed(List<Long> ids, Instant when) {
    if (ids.isEmpty()) {
      return;
    }
    if (!running) {
      store.markAllProcessed(ids, when);
      return;
    }
    processed.add(new DeliveryStore.Processed(ids, when));
    if (!running) {
      flushMarks(); // closed meanwhile: the writer may have taken its last marks already
    }
  }

  /** How long marks wait for a delivery to share its commit with, when none is queued. */
  static final int IDLE_MARK_MILLIS = 20;

  private List<DeliveryStore.Processed> takeMarks() {
    List<DeliveryStore.Processed> marks = new ArrayList<>();
    DeliveryStore.Processed mark;
    while ((mark = processed.poll()) != null) {
      marks.add(mark);
    }
    return marks;
  }

  private synchronized void flushMarks() {
    List<DeliveryStore.Processed> marks = takeMarks();
    for (DeliveryStore.Processed mark : marks) {
      try {
        store.markAllProcessed(mark.ids(), mark.at());
      } catch (RuntimeException e) {
        LOG.warn(
            "Cannot mark {} deliveries processed; they are processed again at the next start: {}",
            mark.ids().size(),
            e.toString());
      }
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Pending first =
            queue.poll(processed.isEmpty() ? 100 : IDLE_MARK_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          flushMarks();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
    flushMarks();
    Pending left;
    while ((left = queue.poll()) != null) {
      left.result().completeExceptionally(new RejectedExecutionException("writer stopped"));
    }
  }

  private void write(List<Pending> batch) {
    List<NewDelivery> deliveries = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      deliveries.add(pending.delivery());
    }
    List<InsertResult> results;
    List<DeliveryStore.Processed> marks = claimed ? takeMarks() : List.of();
    try {
      results = claimed ? store.insertAllClaimed(deliveries, marks) : store.insertAll(deliveries);
    } catch (RuntimeException e) {
      LOG.error("Cannot store {} deliveries; they are refused with 503", batch.size(), e);
      for (Pending pending : batch) {
        pending.result().completeExceptionally(e);
      }
      processed.addAll(marks); // retried alone, as when idle
      return;
    }
    if (!claimed && !processed.isEmpty()) {
      flushMarks();
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
    List<StoredDelivery> stored = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      InsertResult result = results.get(i);
      if (!result.duplicate()) {
        NewDelivery delivery = batch.get(i).delivery();
        stored.add(
            new StoredDelivery(
                result.id(),
                delivery.platform(),
                delivery.eventType(),
                batch.get(i).payload(),
                claimed));
      }
    }
    if (!stored.isEmpty()) {
      onStored.accept(stored);
    }
  }

  /** Stores what is queued, then stops the writer thread. Waits up to 10 s. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
