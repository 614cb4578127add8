package io.pipelineguard.bridge.store;

import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.repair.RepairStrategy;
import java.time.Instant;

/**
 * A stored repair attempt with the diagnosis it rests on, as the outcome step reads it back.
 *
 * @param id the row id
 * @param strategy what was done
 * @param attempt the attempt of the failed job that was repaired
 * @param state PLANNED, RUNNING, SUCCEEDED, FAILED, ESCALATED or HANDS_OFF
 * @param jobKey the repaired job's key
 * @param pipeline the pipeline name
 * @param jobName the job name
 * @param commitSha the commit, or {@code unknown}
 * @param diagnosis the diagnosis (evidence spans are not stored: empty)
 * @param finishedAt when it settled, or null
 */
public record RepairRecord(
    long id,
    RepairStrategy strategy,
    int attempt,
    String state,
    String jobKey,
    String pipeline,
    String jobName,
    String commitSha,
    Diagnosis diagnosis,
    Instant finishedAt) {}
