package io.pipelineguard.hdc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A thread-safe {@link PrototypeMemory}: an {@link AssociativeMemory} behind a {@link
 * ReentrantReadWriteLock} (non-fair).
 *
 * <p><b>What is safe.</b> Every public method may be called from any thread at any time.
 *
 * <ul>
 *   <li>Writers ({@link #learn}, {@link #unlearn}, {@link #putAccumulator}) take the write lock,
 *       update the accumulator and re-binarise the touched row before releasing it, so readers
 *       never mutate anything.
 *   <li>Readers ({@link #nearest}, {@link #nearestBatch}, {@link #labels}, {@link #size}, {@link
 *       #prototype}, {@link #accumulator}, {@link #count}, {@link #snapshot}) take the read lock
 *       and run in parallel with each other.
 *   <li>Each call is atomic; a sequence of calls is not (a label seen by {@link #labels} may have
 *       been updated before the next {@link #nearest}). Returned lists, vectors and accumulator
 *       copies are independent of later updates.
 * </ul>
 *
 * <p><b>What is not.</b> A write blocks all readers for one accumulator pass plus one
 * re-binarisation ({@code O(D)}, microseconds at D = 10,240); a long {@link #nearestBatch} blocks
 * writers for its duration. There is no wait-free read path: if learning must never stall
 * detection, learn into a private {@link AssociativeMemory} and publish {@link
 * AssociativeMemory#copy()} snapshots instead.
 */
public final class ConcurrentAssociativeMemory implements PrototypeMemory {
  private final AssociativeMemory memory;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Creates an empty memory. */
  public ConcurrentAssociativeMemory(Dimension dimension) {
    this.memory = new AssociativeMemory(dimension);
  }

  /** Creates a memory holding a deep copy of {@code initial} (later changes to it are not seen). */
  public ConcurrentAssociativeMemory(AssociativeMemory initial) {
    this.memory = initial.copy();
  }

  @Override
  public Dimension dimension() {
    return memory.dimension();
  }

  @Override
  public void learn(String label, Hypervector hv, int weight) {
    write(() -> memory.learn(label, hv, weight));
  }

  @Override
  public void unlearn(String label, Hypervector hv, int weight) {
    write(() -> memory.unlearn(label, hv, weight));
  }

  /** See {@link AssociativeMemory#putAccumulator}. */
  public void putAccumulator(String label, BundleAccumulator accumulator) {
    write(() -> memory.putAccumulator(label, accumulator));
  }

  @Override
  public List<Match> nearest(Hypervector query, int k) {
    return read(() -> memory.nearest(query, k));
  }

  @Override
  public List<List<Match>> nearestBatch(List<Hypervector> queries, int k) {
    return read(() -> memory.nearestBatch(queries, k));
  }

  @Override
  public List<String> labels() {
    return read(memory::labels);
  }

  @Override
  public int size() {
    return read(memory::size);
  }

  @Override
  public Optional<Hypervector> prototype(String label) {
    return read(() -> memory.prototype(label));
  }

  @Override
  public Optional<BundleAccumulator> accumulator(String label) {
    return read(() -> memory.accumulator(label));
  }

  /** See {@link AssociativeMemory#count}. */
  public long count(String label) {
    return read(() -> memory.count(label));
  }

  /** Returns a consistent deep copy, e.g. for persisting with the file format. */
  public AssociativeMemory snapshot() {
    return read(memory::copy);
  }

  private void write(Runnable update) {
    lock.writeLock().lock();
    try {
      try {
        update.run();
      } finally {
        memory.refresh(); // keep the binary copy clean so readers never write
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
