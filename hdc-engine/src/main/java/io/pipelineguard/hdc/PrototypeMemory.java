package io.pipelineguard.hdc;

import java.util.List;
import java.util.Optional;

/**
 * Labelled prototypes learned as integer bundles and searched as binary vectors. Implemented by the
 * single-writer {@link AssociativeMemory} and the lock-protected {@link
 * ConcurrentAssociativeMemory}; code that only learns and queries can depend on this interface.
 */
public interface PrototypeMemory {
  /** Returns the dimension of the prototypes. */
  Dimension dimension();

  /** Adds {@code hv} with {@code weight} to the prototype of {@code label}, creating it if new. */
  void learn(String label, Hypervector hv, int weight);

  /** Subtracts {@code hv} with {@code weight} from the existing prototype of {@code label}. */
  void unlearn(String label, Hypervector hv, int weight);

  /** Returns up to {@code k} prototypes nearest to {@code query}, best first. */
  List<Match> nearest(Hypervector query, int k);

  /** Returns {@code nearest(q, k)} for each query, in order; same results as single queries. */
  List<List<Match>> nearestBatch(List<Hypervector> queries, int k);

  /** Returns the labels in insertion order (an unmodifiable snapshot). */
  List<String> labels();

  /** Returns the number of prototypes. */
  int size();

  /** Returns the binary prototype of {@code label}, if present. */
  Optional<Hypervector> prototype(String label);

  /** Returns a copy of the integer accumulator of {@code label}, if present. */
  Optional<BundleAccumulator> accumulator(String label);
}
