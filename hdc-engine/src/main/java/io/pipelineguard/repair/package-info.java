/**
 * Repair planning: what to do about a diagnosed CI failure (rerun, clean rerun, roll back, tell
 * people), why, and within which safety rails.
 *
 * <p><b>Entry points.</b> {@link io.pipelineguard.repair.RepairPlanner#plan} turns a diagnosis and
 * a {@link io.pipelineguard.repair.RepairContext} into a {@link io.pipelineguard.repair.RepairPlan}
 * under an immutable {@link io.pipelineguard.repair.RepairPolicy}; {@link
 * io.pipelineguard.repair.RepairPlanner#recordOutcome} feeds learning. Doors carry actions out,
 * tracking each with a {@link io.pipelineguard.repair.RepairAttempt} state machine.
 *
 * <p><b>Synchronization.</b> The planner is thread-safe: the rails' state (attempt counts,
 * cooldowns, rollback windows, flood counters) sits behind one lock held for O(ladder length) per
 * plan; learned statistics are concurrent. Attempts use compare-and-set; event publishers and the
 * engine registry use copy-on-write listener lists.
 *
 * <p><b>Footprint.</b> The rails keep at most 50 000 entries per map (least recently used dropped);
 * learning keeps at most 100 000 statistics of about 100 bytes plus the key.
 */
package io.pipelineguard.repair;
