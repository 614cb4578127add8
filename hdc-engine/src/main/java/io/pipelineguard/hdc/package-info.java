/**
 * Hyperdimensional computing (HDC) core: binary spatter codes packed in {@code long[]}.
 *
 * <h2>Representation</h2>
 *
 * A {@link io.pipelineguard.hdc.Hypervector} is {@code D} bits ({@link
 * io.pipelineguard.hdc.Dimension}, default 10,240, always a multiple of 64) packed little-endian
 * into {@code D/64} longs. Bind is XOR, permutation is cyclic rotation (whole-word rotation is the
 * cheap permutation the encoders use), bundling is majority over integer counters ({@link
 * io.pipelineguard.hdc.BundleAccumulator}) with reproducible, unbiased tie-breaking, and similarity
 * is {@code 1 - 2 * Hamming / D}. Item vectors are derived, never stored: {@link
 * io.pipelineguard.hdc.ItemMemory} seeds {@link io.pipelineguard.hdc.SplitMix64} with {@link
 * io.pipelineguard.hdc.StableHash}, so every machine and JDK derives the same vectors.
 *
 * <h2>Synchronization</h2>
 *
 * <ul>
 *   <li>Thread-safe: {@code Dimension}, {@code Hypervector} (immutable), {@code StableHash}, {@code
 *       BitKernels} (stateless; callers own the arrays), {@code ItemMemory} (concurrent cache),
 *       {@link io.pipelineguard.hdc.ConcurrentAssociativeMemory} (read-write lock).
 *   <li>Single writer, not thread-safe: {@code BundleAccumulator}, {@link
 *       io.pipelineguard.hdc.AssociativeMemory} (even its searches refresh cached binary rows),
 *       {@code SplitMix64}. {@link io.pipelineguard.hdc.HypervectorStore} allows concurrent reads
 *       only while no thread adds.
 * </ul>
 *
 * <h2>Footprint</h2>
 *
 * <ul>
 *   <li>One vector: {@code D/8} bytes of words (1,280 B at D = 10,240) plus a ~32 B header.
 *   <li>{@code BundleAccumulator}: {@code 4*D} bytes (40 KiB at D = 10,240).
 *   <li>{@code AssociativeMemory} of {@code N} labels: {@code N * (D/8 + 4*D)} bytes (≈ 41 KiB per
 *       label at D = 10,240) plus label strings.
 *   <li>{@code HypervectorStore} of {@code N} vectors: {@code N * D/8} bytes (128 MB for 100,000
 *       vectors at D = 10,240).
 * </ul>
 *
 * <h2>Costs (one core, D = 10,240)</h2>
 *
 * A Hamming distance reads {@code 2 * D/8} bytes and costs roughly 0.1 µs; bind and permute one
 * pass of {@code D/64} words; a weighted add into an accumulator one pass over {@code D} counters
 * (microseconds); a nearest-prototype search {@code N} distances. docs/benchmarks.md has measured
 * figures.
 */
package io.pipelineguard.hdc;
