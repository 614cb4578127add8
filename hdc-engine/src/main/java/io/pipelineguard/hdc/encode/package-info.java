/**
 * Encoders turning symbols, sequences, numbers and records into hypervectors: {@link
 * io.pipelineguard.hdc.encode.NGramEncoder} (token n-grams with word-rotation permutation), {@link
 * io.pipelineguard.hdc.encode.LevelEncoder} (numbers to progressive-flip levels, clamped), {@link
 * io.pipelineguard.hdc.encode.CircularEncoder} (periodic values such as hour of day) and {@link
 * io.pipelineguard.hdc.encode.RecordEncoder} (bundle of {@code key ⊗ value}).
 *
 * <h2>Synchronization</h2>
 *
 * All encoders are immutable after {@code build()} and thread-safe; {@code accumulate} methods
 * write only into the caller's single-writer {@link io.pipelineguard.hdc.BundleAccumulator}.
 *
 * <h2>Footprint and cost</h2>
 *
 * Level and circular encoders precompute their {@code L} levels: {@code L * D/8} bytes; encoding a
 * number is a table lookup. {@code NGramEncoder} keeps no tables (item vectors are regenerated from
 * the stable hash) and uses {@code (n+1) * D/8} bytes of scratch per {@code accumulate} call; its
 * cost is dominated by one accumulator pass per added gram.
 */
package io.pipelineguard.hdc.encode;
