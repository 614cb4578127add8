package io.pipelineguard.repair.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of every policy over one replay, in a fixed order: guard, always_retry_2, never,
 * platform_reasons, oracle.
 *
 * @param failures failures replayed
 * @param seed the seed of the outcome draws
 * @param policies results by policy name, in order
 */
public record SimulationReport(int failures, long seed, Map<String, PolicyResult> policies) {

  /** Copies the map, keeping its order. */
  public SimulationReport {
    policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
  }

  /** Returns one policy's result. */
  public PolicyResult policy(String name) {
    PolicyResult r = policies.get(name);
    if (r == null) {
      throw new IllegalArgumentException("no policy named '" + name + "'");
    }
    return r;
  }

  /**
   * Returns {@code {"policies": {"guard": {...}, ...}}}, each policy with the keys {@code
   * transient_recovered_pct}, {@code wasted_retry_pct}, {@code retries}, {@code rollbacks}, {@code
   * escalations}, {@code max_attempts_per_job}.
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\"policies\": {");
    boolean first = true;
    for (Map.Entry<String, PolicyResult> e : policies.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append('"').append(e.getKey()).append("\": ").append(e.getValue().toJson());
    }
    return sb.append("}}").toString();
  }

  /** Returns a plain-text table, one row per policy, for people. */
  public String toTable() {
    List<String> header =
        List.of(
            "policy",
            "transient recovered %",
            "wasted retries %",
            "retries",
            "rollbacks",
            "escalations",
            "max attempts/job");
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(" | ", header)).append('\n');
    for (PolicyResult r : policies.values()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s | %.1f | %.1f | %d | %d | %d | %d%n",
              r.name(),
              r.transientRecoveredPct(),
              r.wastedRetryPct(),
              r.retries(),
              r.rollbacks(),
              r.escalations(),
              r.maxAttemptsPerJob()));
    }
    return sb.toString();
  }
}
