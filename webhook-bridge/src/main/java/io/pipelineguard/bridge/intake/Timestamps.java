package io.pipelineguard.bridge.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Parses the timestamps CI platforms put in webhooks: ISO-8601 ({@code 2019-05-17T17:09:21Z},
 * {@code 2015-04-07T18:06:10.69Z}, {@code 2024-01-01T10:00:00+02:00}) and GitLab's own format
 * ({@code 2016-08-12 15:23:28 UTC}, {@code 2016-08-12 15:23:28 +0200}).
 */
public final class Timestamps {
  private static final List<DateTimeFormatter> GITLAB =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z"));

  private Timestamps() {}

  /** Returns the instant, or null when {@code text} is null, blank or in no known format. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank() || text.length() > 64) {
      return null;
    }
    String trimmed = text.trim();
    try {
      return OffsetDateTime.parse(trimmed).toInstant();
    } catch (DateTimeParseException e) {
      // not ISO with an offset; try the others
    }
    for (DateTimeFormatter format : GITLAB) {
      try {
        return ZonedDateTime.parse(trimmed, format).toInstant();
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return null;
  }
}
