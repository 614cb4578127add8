package io.pipelineguard.diagnosis;

/**
 * A learned failure prototype near the diagnosed failure.
 *
 * @param label the prototype's label (a category wire name)
 * @param category the category the prototype stands for
 * @param similarity similarity in [-1, 1] (1 = identical)
 */
public record PrototypeMatch(String label, Category category, double similarity) {}
