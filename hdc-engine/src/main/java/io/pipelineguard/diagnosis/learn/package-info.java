/**
 * Learned failure prototypes built on the HDC core ({@code io.pipelineguard.hdc}): a failure's
 * evidence templates are encoded into one hypervector ({@link
 * io.pipelineguard.diagnosis.learn.FailureEncoder}), category prototypes are integer accumulators
 * trained by a single centroid pass plus error-driven retraining ({@link
 * io.pipelineguard.diagnosis.learn.HdcPrototypes}), and the model persists in a checked binary file
 * ({@link io.pipelineguard.diagnosis.learn.PrototypeModelFile}).
 */
package io.pipelineguard.diagnosis.learn;
