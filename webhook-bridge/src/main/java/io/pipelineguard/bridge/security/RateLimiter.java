package io.pipelineguard.bridge.security;

import io.pipelineguard.bridge.config.SecurityConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-subject request limits (a subject is {@code ip:ADDRESS} or {@code key:ID}) in fixed
 * one-minute and one-hour windows, with automatic blocking: each refused request and each failed
 * authentication is a violation, and {@code auto_block_threshold} violations within one hour window
 * block the subject for {@code block_duration_minutes}.
 *
 * <p>Bounded memory: at most {@code maxSubjects} subjects are tracked; the least recently seen is
 * forgotten first (about 100 bytes each). Thread-safe; each call is a synchronized map access. Time
 * comes from the injected clock only.
 */
public final class RateLimiter {
  /** Default number of subjects tracked. */
  public static final int DEFAULT_MAX_SUBJECTS = 10_000;

  private final int perMinute;
  private final int perHour;
  private final int threshold;
  private final Duration blockDuration;
  private final Clock clock;
  private final Map<String, Window> subjects;

  /**
   * The answer for one request.
   *
   * @param allowed whether it may proceed
   * @param retryAfterSeconds when refused: seconds until it may be tried again (at least 1)
   * @param blockedNow true when this call triggered a block (audit it once)
   */
  public record Decision(boolean allowed, long retryAfterSeconds, boolean blockedNow) {
    static final Decision ALLOWED = new Decision(true, 0, false);
  }

  /** Creates a limiter from the {@code security} section. */
  public RateLimiter(SecurityConfig config, Clock clock, int maxSubjects) {
    this.perMinute = config.requestsPerMinute();
    this.perHour = config.requestsPerHour();
    this.threshold = config.autoBlockThreshold();
    this.blockDuration = Duration.ofMinutes(config.blockDurationMinutes());
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    if (maxSubjects < 1) {
      throw new IllegalArgumentException("maxSubjects must be positive, was " + maxSubjects);
    }
    this.subjects =
        new LinkedHashMap<>(256, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > maxSubjects;
          }
        };
  }

  /** Counts one request of {@code subject}; refuses it when blocked or over a limit. */
  public synchronized Decision acquire(String subject) {
    Instant now = clock.instant();
    Window w = window(subject, now);
    if (w.blockedUntil != null) {
      return new Decision(false, secondsUntil(now, w.blockedUntil), false);
    }
    if (w.minuteCount >= perMinute || w.hourCount >= perHour) {
      Instant retry =
          w.hourCount >= perHour ? w.hourStart.plusSeconds(3600) : w.minuteStart.plusSeconds(60);
      Decision blocked = violate(w, now);
      return blocked != null ? blocked : new Decision(false, secondsUntil(now, retry), false);
    }
    w.minuteCount++;
    w.hourCount++;
    return Decision.ALLOWED;
  }

  /**
   * Records a violation of {@code subject} not tied to a limit (a failed authentication).
   *
   * @return whether this violation blocked the subject
   */
  public synchronized boolean violation(String subject) {
    Instant now = clock.instant();
    Window w = window(subject, now);
    return w.blockedUntil == null && violate(w, now) != null;
  }

  /** Returns the number of subjects tracked now (for tests and metrics). */
  public synchronized int trackedSubjects() {
    return subjects.size();
  }

  private Decision violate(Window w, Instant now) {
    w.violations++;
    if (w.violations < threshold) {
      return null;
    }
    w.blockedUntil = now.plus(blockDuration);
    return new Decision(false, secondsUntil(now, w.blockedUntil), true);
  }

  private Window window(String subject, Instant now) {
    Window w = subjects.computeIfAbsent(subject, s -> new Window());
    if (w.blockedUntil != null && !now.isBefore(w.blockedUntil)) {
      w.blockedUntil = null;
      w.violations = 0;
    }
    Instant minute = Instant.ofEpochSecond(now.getEpochSecond() / 60 * 60);
    Instant hour = Instant.ofEpochSecond(now.getEpochSecond() / 3600 * 3600);
    if (!minute.equals(w.minuteStart)) {
      w.minuteStart = minute;
      w.minuteCount = 0;
    }
    if (!hour.equals(w.hourStart)) {
      w.hourStart = hour;
      w.hourCount = 0;
      if (w.blockedUntil == null) {
        w.violations = 0;
      }
    }
    return w;
  }

  private static long secondsUntil(Instant now, Instant then) {
    long millis = Duration.between(now, then).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  private static final class Window {
    Instant minuteStart;
    int minuteCount;
    Instant hourStart;
    int hourCount;
    int violations;
    Instant blockedUntil;
  }
}
