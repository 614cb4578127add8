package io.pipelineguard.repair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A repair policy written as one line of text, for configuration files and forms: space-separated
 * {@code key=value} settings applied over a base policy, for example {@code maxAttempts=2
 * backoff=1m backoffMax=20m ladder=retry_with_backoff,rollback minConfidence=0.7}.
 *
 * <p>Keys: {@code maxAttempts} (1..10), {@code backoff} (first delay, doubling; {@code 0} for
 * none), {@code backoffMax}, {@code cooldown}, {@code escalation} (true/false), {@code ladder}
 * (comma list of {@code retry_job, retry_failed_jobs, retry_with_backoff, clean_retry, rollback,
 * custom_script}), {@code rollbackWindow}, {@code retryUnknownOnce}, {@code minConfidence} (0..1),
 * {@code transientEvidenceMinConfidence} (0..1), {@code minProbeSuccess} (0..1), {@code
 * minSuccessProbability} (0..1), {@code learnedRetryOfDeterministic}. Durations are a whole number
 * with {@code s}, {@code m}, {@code h} or {@code d}. Each key at most once. Parsing is linear in
 * the text, which is capped at {@value #MAX_LENGTH} characters.
 */
public final class PolicySpec {
  /** Longest spec accepted. */
  public static final int MAX_LENGTH = 1_000;

  private PolicySpec() {}

  /**
   * Applies {@code spec} over {@code base} and returns the resulting policy.
   *
   * @throws IllegalArgumentException naming the offending setting and what is allowed
   */
  public static RepairPolicy parse(String spec, RepairPolicy base) {
    Objects.requireNonNull(spec, "spec must not be null");
    Objects.requireNonNull(base, "base must not be null");
    if (spec.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "policy is " + spec.length() + " characters long; at most " + MAX_LENGTH);
    }
    RepairPolicy.Builder b = RepairPolicy.from(base);
    Set<String> seen = new HashSet<>();
    Duration backoff = null;
    Duration backoffMax = null;
    for (String setting : spec.trim().split("\\s+")) {
      if (setting.isEmpty()) {
        continue;
      }
      int eq = setting.indexOf('=');
      if (eq <= 0 || eq == setting.length() - 1) {
        throw new IllegalArgumentException("'" + setting + "' is not key=value");
      }
      String key = setting.substring(0, eq);
      String value = setting.substring(eq + 1);
      if (!seen.add(key)) {
        throw new IllegalArgumentException(key + " is given twice");
      }
      try {
        switch (key) {
          case "maxAttempts" -> b.maxAttempts(integer(value));
          case "backoff" -> backoff = duration(value);
          case "backoffMax" -> backoffMax = duration(value);
          case "cooldown" -> b.cooldown(duration(value));
          case "escalation" -> b.escalation(bool(value));
          case "ladder" -> b.ladder(ladder(value));
          case "rollbackWindow" -> b.rollbackWindow(duration(value));
          case "retryUnknownOnce" -> b.retryUnknownOnce(bool(value));
          case "minConfidence" -> b.minConfidence(fraction(value));
          case "minProbeSuccess" -> b.minProbeSuccess(fraction(value));
          case "transientEvidenceMinConfidence" ->
              b.transientEvidenceMinConfidence(fraction(value));
          case "minSuccessProbability" -> b.minSuccessProbability(fraction(value));
          case "learnedRetryOfDeterministic" -> b.learnedRetryOfDeterministic(bool(value));
          default ->
              throw new IllegalArgumentException(
                  "unknown setting; use maxAttempts, backoff, backoffMax, cooldown, escalation,"
                      + " ladder, rollbackWindow, retryUnknownOnce, minConfidence,"
                      + " transientEvidenceMinConfidence, minProbeSuccess, minSuccessProbability or"
                      + " learnedRetryOfDeterministic");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
      }
    }
    if (backoff != null || backoffMax != null) {
      b.backoff(backoff(backoff, backoffMax));
    }
    return b.build();
  }

  private static Backoff backoff(Duration first, Duration max) {
    if (first == null) {
      throw new IllegalArgumentException("backoffMax needs backoff");
    }
    if (first.isZero()) {
      return Backoff.none();
    }
    return Backoff.exponential(first, 2.0, max == null ? first.multipliedBy(20) : max);
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number", e);
    }
  }

  private static double fraction(String value) {
    try {
      double d = Double.parseDouble(value);
      if (!(d >= 0 && d <= 1)) {
        throw new IllegalArgumentException("must be between 0 and 1, was " + value);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a number", e);
    }
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes" -> true;
      case "false", "off", "no" -> false;
      default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
    };
  }

  /** Parses {@code 30s}, {@code 10m}, {@code 2h}, {@code 7d} or {@code 0}. */
  static Duration duration(String value) {
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    if (value.length() < 2 || value.length() > 9) {
      throw new IllegalArgumentException("'" + value + "' is not a duration such as 30s or 10m");
    }
    long amount;
    try {
      amount = Long.parseLong(value.substring(0, value.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a duration such as 30s or 10m", e);
    }
    if (amount < 0) {
      throw new IllegalArgumentException("'" + value + "' is negative");
    }
    return switch (value.charAt(value.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default ->
          throw new IllegalArgumentException(
              "'" + value + "' needs a unit: s, m, h or d (e.g. 30s, 10m)");
    };
  }

  private static List<RepairStrategy> ladder(String value) {
    List<RepairStrategy> rungs = new ArrayList<>();
    for (String name : value.split(",")) {
      RepairStrategy found = null;
      for (RepairStrategy s : RepairStrategy.values()) {
        if (s.wireName().equals(name)) {
          found = s;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "unknown strategy '"
                + name
                + "'; use retry_job, retry_failed_jobs, retry_with_backoff, clean_retry,"
                + " rollback or custom_script");
      }
      rungs.add(found);
    }
    return rungs;
  }
}
