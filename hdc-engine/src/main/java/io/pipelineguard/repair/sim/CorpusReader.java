package io.pipelineguard.repair.sim;

import io.pipelineguard.internal.json.JsonParseException;
import io.pipelineguard.internal.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a labelled corpus folder ({@code records.jsonl} plus {@code logs/}) into failures in time
 * order: by {@code created_at} where every record has one, otherwise in file order. Records without
 * a {@code transient} label are skipped, since the simulator cannot decide their outcome. Bounded:
 * at most {@value #MAX_RECORDS} records of at most {@value #MAX_LINE_CHARS} characters.
 */
public final class CorpusReader {
  /** Most records read from one corpus. */
  public static final int MAX_RECORDS = 1_000_000;

  /** Longest accepted line of {@code records.jsonl}, in characters. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  /**
   * Default deploy-job test: a job name containing deploy, release, publish, tag or pages. The
   * corpus does not say which jobs deploy; the pipeline's configuration would.
   */
  public static final Predicate<String> DEFAULT_DEPLOY_JOBS =
      Pattern.compile("(?i)deploy|release|publish|tag|pages").asPredicate();

  private CorpusReader() {}

  /** Reads {@code corpusDir} with {@link #DEFAULT_DEPLOY_JOBS}. */
  public static List<SimulatedFailure> read(Path corpusDir) throws IOException {
    return read(corpusDir, DEFAULT_DEPLOY_JOBS);
  }

  /**
   * Reads {@code corpusDir}. The pipeline of a failure is its record's {@code repository}, else the
   * folder's name; a record without {@code job_name} or {@code commit} is its own job or failure
   * chain (named after its id), since nothing ties it to another record.
   *
   * @param deployJobs tells, from a job name, whether the job deploys
   * @throws IOException if {@code records.jsonl} cannot be read
   * @throws IllegalArgumentException if a record is malformed, naming its line
   */
  public static List<SimulatedFailure> read(Path corpusDir, Predicate<String> deployJobs)
      throws IOException {
    Path records = corpusDir.resolve("records.jsonl");
    String pipeline = corpusDir.toAbsolutePath().normalize().getFileName().toString();
    List<SimulatedFailure> out = new ArrayList<>();
    JsonReader json = JsonReader.withDefaults();
    boolean allTimed = true;
    try (BufferedReader in = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        if (line.length() > MAX_LINE_CHARS) {
          throw new IllegalArgumentException(
              records + " line " + lineNumber + " is longer than " + MAX_LINE_CHARS + " chars");
        }
        if (out.size() >= MAX_RECORDS) {
          throw new IllegalArgumentException(records + " holds more than " + MAX_RECORDS);
        }
        Map<String, Object> r;
        try {
          r = json.parseObject(line);
        } catch (JsonParseException e) {
          throw new IllegalArgumentException(
              records + " line " + lineNumber + ": " + e.getMessage(), e);
        }
        if (!(r.get("transient") instanceof Boolean transientLabel)) {
          continue;
        }
        String id = string(r, "id", "line-" + lineNumber);
        // Without a job name or commit, nothing ties two records to one job or failure chain.
        String job = string(r, "job_name", "job:" + id);
        Instant createdAt = instant(string(r, "created_at", null));
        allTimed &= createdAt != null;
        String logFile = string(r, "log_file", null);
        if (logFile == null) {
          throw new IllegalArgumentException(records + " line " + lineNumber + ": no log_file");
        }
        out.add(
            new SimulatedFailure(
                id,
                string(r, "repository", pipeline),
                job,
                string(r, "commit", "unknown:" + id),
                createdAt,
                corpusDir.resolve(logFile),
                deployJobs.test(job),
                transientLabel,
                string(r, "category", null),
                string(r, "category_confidence", null)));
      }
    }
    if (allTimed) {
      // List.sort is stable: equal times keep file order.
      out.sort(Comparator.comparing(SimulatedFailure::createdAt));
    }
    return List.copyOf(out);
  }

  private static String string(Map<String, Object> r, String key, String fallback) {
    Object v = r.get(key);
    return v == null ? fallback : v.toString();
  }

  /** Parses ISO-8601 or {@code 2022-07-04 08:13:19.745000+00:00}; null if absent or invalid. */
  static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String iso = text.trim().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException invalid) {
        return null;
      }
    }
  }
}
