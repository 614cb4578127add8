package io.pipelineguard.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.SecurityConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));

  private RateLimiter limiter(int perMinute, int perHour, int threshold, int maxSubjects) {
    SecurityConfig config =
        SecurityConfig.builder()
            .requestsPerMinute(perMinute)
            .requestsPerHour(perHour)
            .autoBlockThreshold(threshold)
            .blockDurationMinutes(15)
            .build();
    return new RateLimiter(config, clock, maxSubjects);
  }

  @Test
  void refusesBeyondThePerMinuteLimitUntilTheNextMinute() {
    RateLimiter limiter = limiter(3, 100, 10, 100);
    clock.advance(Duration.ofSeconds(20));

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("ip:a").allowed()).isTrue();
    }
    RateLimiter.Decision refused = limiter.acquire("ip:a");
    boolean otherSubject = limiter.acquire("ip:b").allowed();
    clock.advance(Duration.ofSeconds(40));
    boolean nextMinute = limiter.acquire("ip:a").allowed();

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(40);
    assertThat(refused.blockedNow()).isFalse();
    assertThat(otherSubject).isTrue();
    assertThat(nextMinute).isTrue();
  }

  @Test
  void refusesBeyondThePerHourLimitUntilTheNextHour() {
    RateLimiter limiter = limiter(100, 2, 10, 100);

    limiter.acquire("key:1");
    limiter.acquire("key:1");
    clock.advance(Duration.ofMinutes(5));
    RateLimiter.Decision refused = limiter.acquire("key:1");

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(55 * 60);
  }

  @Test
  void blocksAfterTheThresholdOfViolationsForTheBlockDuration() {
    RateLimiter limiter = limiter(1, 100, 3, 100);

    limiter.acquire("ip:a");
    RateLimiter.Decision first = limiter.acquire("ip:a");
    RateLimiter.Decision second = limiter.acquire("ip:a");
    RateLimiter.Decision third = limiter.acquire("ip:a");
    clock.advance(Duration.ofMinutes(5));
    RateLimiter.Decision stillBlocked = limiter.acquire("ip:a");
    clock.advance(Duration.ofMinutes(10));
    RateLimiter.Decision released = limiter.acquire("ip:a");

    assertThat(first.blockedNow()).isFalse();
    assertThat(second.blockedNow()).isFalse();
    assertThat(third.blockedNow()).isTrue();
    assertThat(third.retryAfterSeconds()).isEqualTo(15 * 60);
    assertThat(stillBlocked.allowed()).isFalse();
    assertThat(stillBlocked.blockedNow()).isFalse();
    assertThat(stillBlocked.retryAfterSeconds()).isEqualTo(10 * 60);
    assertThat(released.allowed()).isTrue();
  }

  @Test
  void failedAuthenticationsCountAsViolations() {
    RateLimiter limiter = limiter(100, 1000, 2, 100);

    boolean first = limiter.violation("ip:a");
    boolean second = limiter.violation("ip:a");
    boolean third = limiter.violation("ip:a");
    RateLimiter.Decision next = limiter.acquire("ip:a");

    assertThat(first).isFalse();
    assertThat(second).isTrue();
    assertThat(third).as("already blocked: not a new block").isFalse();
    assertThat(next.allowed()).isFalse();
    assertThat(next.retryAfterSeconds()).isEqualTo(15 * 60);
  }

  @Test
  void tracksABoundedNumberOfSubjects() {
    RateLimiter limiter = limiter(1, 100, 100, 50);

    for (int i = 0; i < 1000; i++) {
      limiter.acquire("ip:" + i);
    }
    limiter.acquire("ip:keep");
    boolean keptIsLimited = !limiter.acquire("ip:keep").allowed();

    assertThat(limiter.trackedSubjects()).isEqualTo(50);
    assertThat(keptIsLimited).isTrue();
  }
}
