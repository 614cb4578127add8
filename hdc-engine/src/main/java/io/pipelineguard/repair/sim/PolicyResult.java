package io.pipelineguard.repair.sim;

import java.util.Locale;

/**
 * What one policy did over a replayed corpus.
 *
 * @param name the policy's name, for example {@code guard}
 * @param transientFailures failures the corpus labels transient
 * @param transientRecovered transient failures a rerun turned green
 * @param deterministicFailures failures the corpus labels deterministic
 * @param wastedRetries reruns spent on deterministic failures
 * @param retries all reruns
 * @param rollbacks rollbacks triggered
 * @param escalations hand-overs to people
 * @param maxAttemptsPerJob the most runs of one job in one failure chain, the first included
 */
public record PolicyResult(
    String name,
    int transientFailures,
    int transientRecovered,
    int deterministicFailures,
    int wastedRetries,
    int retries,
    int rollbacks,
    int escalations,
    int maxAttemptsPerJob) {

  /** Returns transient failures recovered, in percent of transient failures (0 when none). */
  public double transientRecoveredPct() {
    return transientFailures == 0 ? 0.0 : 100.0 * transientRecovered / transientFailures;
  }

  /**
   * Returns reruns spent on deterministic failures, in percent of the number of deterministic
   * failures (0 when none). Two wasted reruns of one failure count 2.
   */
  public double wastedRetryPct() {
    return deterministicFailures == 0 ? 0.0 : 100.0 * wastedRetries / deterministicFailures;
  }

  /** Returns the result as one JSON object with the simulate command's key names. */
  public String toJson() {
    return String.format(
        Locale.ROOT,
        "{\"transient_recovered_pct\": %.1f, \"wasted_retry_pct\": %.1f, \"retries\": %d,"
            + " \"rollbacks\": %d, \"escalations\": %d, \"max_attempts_per_job\": %d}",
        transientRecoveredPct(),
        wastedRetryPct(),
        retries,
        rollbacks,
        escalations,
        maxAttemptsPerJob);
  }
}
