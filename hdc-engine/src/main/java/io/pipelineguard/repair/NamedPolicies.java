package io.pipelineguard.repair;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Repair policies by name, as a pipeline refers to them ({@code guard(policy: 'deploy')}, a
 * bridge's per-pipeline setting): the built-in presets below plus an administrator's own, each
 * written as a {@link PolicySpec} over the defaults. Immutable; {@link #withCustom} returns a copy.
 *
 * <p>Presets: {@code default} (the engine's defaults: retry with backoff, clean retry, rollback,
 * people; 3 attempts); {@code cautious} (one retry, only when the diagnosis is confident and the
 * failure transient; never a learned retry of a deterministic failure); {@code deploy} (one retry,
 * then the rollback); {@code no-retry} (never reruns: rollback if configured, else people); {@code
 * patient} (for slow-to-recover outside services: 5 attempts, 1 to 30 minutes apart).
 */
public final class NamedPolicies {
  /** The name used when none is given. */
  public static final String DEFAULT = "default";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final Map<String, String> PRESETS = presets();

  private final Map<String, RepairPolicy> policies;

  private NamedPolicies(Map<String, RepairPolicy> policies) {
    this.policies = Collections.unmodifiableMap(policies);
  }

  /** Returns the built-in presets. */
  public static NamedPolicies builtIn() {
    Map<String, RepairPolicy> all = new LinkedHashMap<>();
    PRESETS.forEach(
        (name, spec) -> all.put(name, PolicySpec.parse(spec, RepairPolicy.ofDefaults())));
    return new NamedPolicies(all);
  }

  private static Map<String, String> presets() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(DEFAULT, "");
    p.put(
        "cautious",
        "maxAttempts=2 minConfidence=0.75 learnedRetryOfDeterministic=false"
            + " ladder=retry_with_backoff");
    p.put("deploy", "maxAttempts=2 ladder=retry_with_backoff,rollback");
    p.put("no-retry", "maxAttempts=1 ladder=rollback");
    p.put("patient", "maxAttempts=5 backoff=1m backoffMax=30m");
    return Collections.unmodifiableMap(p);
  }

  /**
   * Returns a copy with {@code name} defined (or redefined) by {@code spec} over the defaults.
   *
   * @throws IllegalArgumentException for a bad name or spec, saying which
   */
  public NamedPolicies withCustom(String name, String spec) {
    Objects.requireNonNull(name, "name must not be null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "policy name must be 1-64 letters, digits, '-', '_' or '.', was '" + name + "'");
    }
    RepairPolicy policy;
    try {
      policy = PolicySpec.parse(spec, RepairPolicy.ofDefaults());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("policy " + name + ": " + e.getMessage(), e);
    }
    Map<String, RepairPolicy> all = new LinkedHashMap<>(policies);
    all.put(name, policy);
    return new NamedPolicies(all);
  }

  /**
   * Parses definitions, one per line, {@code name: spec}; blank lines and lines starting with
   * {@code #} are skipped. Returns the presets plus these.
   *
   * @throws IllegalArgumentException naming the line that is wrong
   */
  public static NamedPolicies builtInPlus(String definitions) {
    NamedPolicies result = builtIn();
    if (definitions == null) {
      return result;
    }
    String[] lines = definitions.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected 'name: key=value ...', was '" + cut(line) + "'");
      }
      try {
        result = result.withCustom(line.substring(0, colon).trim(), line.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return result;
  }

  /**
   * Returns the policy called {@code name}.
   *
   * @throws IllegalArgumentException listing the known names when there is none of that name
   */
  public RepairPolicy get(String name) {
    RepairPolicy policy = policies.get(name);
    if (policy == null) {
      throw new IllegalArgumentException(
          "unknown repair policy '" + cut(String.valueOf(name)) + "'; known: " + names());
    }
    return policy;
  }

  /** Returns whether a policy of that name exists. */
  public boolean has(String name) {
    return policies.containsKey(name);
  }

  /** Returns the names, presets first, in definition order. */
  public java.util.Set<String> names() {
    return policies.keySet();
  }

  private static String cut(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
