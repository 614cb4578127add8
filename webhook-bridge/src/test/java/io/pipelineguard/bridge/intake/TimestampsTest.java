package io.pipelineguard.bridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  @Test
  void the_fast_iso_path_reads_exactly_what_offset_date_time_reads() {
    Random random = new Random(20261128L);
    List<String> samples =
        new ArrayList<>(
            List.of(
                "2024-02-29T23:59:59Z",
                "2023-02-29T10:00:00Z",
                "2024-01-01T24:00:00Z",
                "2024-13-01T10:00:00Z",
                "2024-01-01T10:00:60Z",
                "2024-01-01T10:00:00.Z",
                "2024-01-01T10:00:00.1234567891Z",
                "2024-01-01T10:00:00+18:00",
                "2024-01-01T10:00:00+18:01",
                "2024-01-01T10:00:00-00:30",
                "2024-01-01T10:00:00+0200",
                "2024-01-01t10:00:00z",
                "2024-01-01T10:00:00",
                "2024-01-0xT10:00:00Z"));
    for (int i = 0; i < 2000; i++) {
      String fraction =
          random.nextBoolean()
              ? ""
              : "."
                  + String.format("%09d", random.nextInt(1_000_000_000))
                      .substring(0, 1 + random.nextInt(9));
      String zone =
          random.nextInt(3) == 0
              ? "Z"
              : String.format(
                  "%s%02d:%02d",
                  random.nextBoolean() ? "+" : "-", random.nextInt(19), random.nextInt(60));
      samples.add(
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
              random.nextInt(10_000),
              random.nextInt(14),
              random.nextInt(33),
              random.nextInt(25),
              random.nextInt(61),
              random.nextInt(61),
              fraction,
              zone));
    }
    int fast = 0;
    for (String sample : samples) {
      Instant expected;
      try {
        expected = OffsetDateTime.parse(sample).toInstant();
      } catch (DateTimeParseException e) {
        expected = null;
      }
      Instant quick = Timestamps.parseCommonIso(sample);
      if (quick != null) {
        fast++;
        assertThat(quick).as(sample).isEqualTo(expected);
      }
      assertThat(Timestamps.parse(sample)).as(sample).isEqualTo(expected);
    }
    assertThat(fast).isGreaterThan(100);
  }
}
