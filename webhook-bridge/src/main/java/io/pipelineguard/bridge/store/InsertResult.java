package io.pipelineguard.bridge.store;

/**
 * What storing one delivery did: the row id, and whether it was a duplicate of a delivery already
 * stored (same platform and delivery key), in which case nothing was written and {@code id} is the
 * first delivery's.
 */
public record InsertResult(long id, boolean duplicate) {}
