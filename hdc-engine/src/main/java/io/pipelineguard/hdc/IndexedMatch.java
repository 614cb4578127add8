package io.pipelineguard.hdc;

/**
 * One result of a {@link HypervectorStore} scan.
 *
 * @param index position of the stored vector (insertion order, from 0)
 * @param similarity {@code 1 - 2 * distance / D}, in {@code [-1, 1]}
 * @param distance Hamming distance between query and stored vector
 */
public record IndexedMatch(int index, double similarity, int distance) {}
