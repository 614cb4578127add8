/** Typed, immutable events about repair attempts, and their lazy publisher. */
package io.pipelineguard.repair.event;
