package io.pipelineguard.bridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void gitlab_own_format_and_iso_are_both_parsed() {
    assertThat(Timestamps.parse("2016-08-12 15:23:28 UTC"))
        .isEqualTo(Instant.parse("2016-08-12T15:23:28Z"));
    assertThat(Timestamps.parse("2016-08-12 17:23:28 +0200"))
        .isEqualTo(Instant.parse("2016-08-12T15:23:28Z"));
    assertThat(Timestamps.parse("2016-08-12T15:23:28Z"))
        .isEqualTo(Instant.parse("2016-08-12T15:23:28Z"));
    assertThat(Timestamps.parse("2015-04-07T18:06:10.69Z"))
        .isEqualTo(Instant.parse("2015-04-07T18:06:10.690Z"));
  }

  @Test
  void unknown_or_missing_dates_are_null_not_errors() {
    assertThat(Timestamps.parse(null)).isNull();
    assertThat(Timestamps.parse("yesterday")).isNull();
    assertThat(Timestamps.parse("9".repeat(100))).isNull();
  }
}
