/**
 * The {@code pipeline-guard simulate} replay: a labelled corpus's failures through the planner and
 * reference policies, with seeded outcomes decided by the labels only.
 */
package io.pipelineguard.repair.sim;
