/**
 * Versioned, checksummed binary persistence of hypervectors and associative memories ({@link
 * io.pipelineguard.hdc.io.HypervectorFormat}); invalid input throws the checked {@link
 * io.pipelineguard.hdc.io.InvalidHypervectorFormatException}.
 *
 * <h2>Synchronization</h2>
 *
 * Stateless and thread-safe; to persist a shared memory, write a {@code
 * ConcurrentAssociativeMemory.snapshot()}.
 *
 * <h2>Footprint</h2>
 *
 * A vector file is {@code 28 + N * D/8} bytes; a memory file {@code 28 + N * (2 + label + 8 + 4*D)}
 * bytes (integer counters are persisted, about 40 KiB per label at D = 10,240). Readers buffer one
 * whole file in memory, bounded by {@code maxPayloadBytes}.
 */
package io.pipelineguard.hdc.io;
