package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.store.FinishedRun;
import io.pipelineguard.bridge.store.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a finished run's duration and result from the delivery that reported it, for the monitor.
 * The run's identity comes from the recorded {@link RunRecord}; the times from the payload:
 *
 * <ul>
 *   <li>GitHub {@code workflow_run}: {@code run_started_at} (else {@code created_at}) to {@code
 *       updated_at}, once {@code status} is {@code completed}; a re-run attempt is a new run;
 *   <li>GitLab {@code pipeline}: {@code object_attributes.duration}, else {@code created_at} to
 *       {@code finished_at};
 *   <li>Azure DevOps {@code build.complete}: {@code startTime} to {@code finishTime};
 *   <li>Jenkins: {@code build.duration} (milliseconds) when the payload has it, else nothing.
 * </ul>
 *
 * Only a success or a failure is a point: cancelled, skipped and neutral runs say nothing about
 * health. A run without both times is not measured.
 */
public final class FinishedRuns {
  private static final Set<String> SUCCESS = Set.of("success", "succeeded");
  private static final Set<String> FAILURE =
      Set.of("failure", "failed", "timed_out", "startup_failure", "partiallysucceeded", "unstable");

  /** Longest duration believed: anything longer (or negative) is a broken payload. */
  static final Duration MAX_DURATION = Duration.ofDays(30);

  private FinishedRuns() {}

  /**
   * Returns the finished run the delivery reports, or null when it reports none (still running,
   * cancelled, no times, or an event without duration).
   *
   * @param run the run recorded from this delivery
   * @param eventType the delivery's event type
   * @param body the parsed payload
   * @param now the processing time, used when a platform gives a duration but no finish time
   */
  public static FinishedRun of(RunRecord run, String eventType, JsonNode body, Instant now) {
    if (run == null || body == null) {
      return null;
    }
    if (run.conclusion() == null) {
      return null;
    }
    String result = run.conclusion().toLowerCase(Locale.ROOT);
    boolean success = SUCCESS.contains(result);
    if (!success && !FAILURE.contains(result)) {
      return null;
    }
    switch (run.platform()) {
      case GITHUB:
        return github(run, eventType, body, success);
      case GITLAB:
        return gitlab(run, body, success, now);
      case AZURE_DEVOPS:
        return azure(run, body, success);
      case JENKINS:
        return jenkins(run, body, success, now);
      default:
        return null;
    }
  }

  private static FinishedRun github(
      RunRecord run, String eventType, JsonNode body, boolean success) {
    JsonNode workflowRun = Json.at(body, "workflow_run");
    if (!"workflow_run".equals(eventType)
        || !"completed".equals(Json.text(workflowRun, "status"))) {
      return null;
    }
    Instant start =
        Timestamps.parse(
            Json.firstNonNull(
                Json.text(workflowRun, "run_started_at"), Json.text(workflowRun, "created_at")));
    Instant end = Timestamps.parse(Json.text(workflowRun, "updated_at"));
    int attempt = Math.max(1, Json.integer(workflowRun, 1, "run_attempt"));
    return between(run, attempt, start, end, success);
  }

  private static FinishedRun gitlab(RunRecord run, JsonNode body, boolean success, Instant now) {
    JsonNode attributes = Json.at(body, "object_attributes");
    Instant created = Timestamps.parse(Json.text(attributes, "created_at"));
    Instant finished = Timestamps.parse(Json.text(attributes, "finished_at"));
    JsonNode duration = Json.at(attributes, "duration");
    if (duration.isNumber() && duration.doubleValue() >= 0) {
      Instant end =
          finished != null
              ? finished
              : created != null ? created.plusMillis((long) (duration.doubleValue() * 1000)) : now;
      return point(run, 1, end, duration.doubleValue(), success);
    }
    return between(run, 1, created, finished, success);
  }

  private static FinishedRun azure(RunRecord run, JsonNode body, boolean success) {
    JsonNode resource = Json.at(body, "resource");
    return between(
        run,
        1,
        Timestamps.parse(Json.text(resource, "startTime")),
        Timestamps.parse(Json.text(resource, "finishTime")),
        success);
  }

  private static FinishedRun jenkins(RunRecord run, JsonNode body, boolean success, Instant now) {
    JsonNode duration = Json.at(body, "build", "duration");
    if (!duration.isNumber() || duration.longValue() <= 0) {
      return null;
    }
    JsonNode timestamp = Json.at(body, "build", "timestamp");
    Instant end =
        timestamp.isNumber() && timestamp.longValue() > 0
            ? Instant.ofEpochMilli(timestamp.longValue()).plusMillis(duration.longValue())
            : now;
    return point(run, 1, end, duration.longValue() / 1000.0, success);
  }

  private static FinishedRun between(
      RunRecord run, int attempt, Instant start, Instant end, boolean success) {
    if (start == null || end == null || end.isBefore(start)) {
      return null;
    }
    return point(run, attempt, end, Duration.between(start, end).toMillis() / 1000.0, success);
  }

  private static FinishedRun point(
      RunRecord run, int attempt, Instant end, double seconds, boolean success) {
    if (!(seconds >= 0) || seconds > MAX_DURATION.toSeconds()) {
      return null;
    }
    return new FinishedRun(
        run.platform(), run.pipeline(), run.runKey(), attempt, end, seconds, success);
  }
}
