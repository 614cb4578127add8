package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The plugin's persistent record: health per job, the latest diagnoses, repairs and feedback, and
 * repair outcomes per category. Lives in {@code ledger.tsv} in its folder (under {@code
 * $JENKINS_HOME/pipeline-guard/}), read on first use and rewritten atomically after each change.
 *
 * <p>Bounded: at most {@link #MAX_JOBS} jobs and {@link #MAX_EVENTS} events (oldest dropped), so
 * the file stays under a few hundred kilobytes. Thread-safe: all methods synchronize on the ledger.
 * Unreadable lines of a damaged file are skipped, never fatal.
 */
public final class GuardLedger {
  /** Most jobs tracked; the least recently finished is dropped beyond it. */
  public static final int MAX_JOBS = 2_000;

  /** Most events (diagnoses, repairs, feedback) kept. */
  public static final int MAX_EVENTS = 500;

  private static final String FILE = "ledger.tsv";
  private static final int MAX_FIELD = 500;

  private final Path dir;
  private final Clock clock;
  private final LinkedHashMap<String, JobHealth> jobs = new LinkedHashMap<>();
  private final ArrayDeque<Event> events = new ArrayDeque<>();
  private final EnumMap<Category, int[]> repairs = new EnumMap<>(Category.class);
  private boolean loaded;

  /**
   * Creates a ledger kept in {@code dir}; nothing is read until first use.
   *
   * @param dir the folder, created when first written
   * @param clock the clock stamping events
   */
  public GuardLedger(Path dir, Clock clock) {
    this.dir = Objects.requireNonNull(dir, "dir must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /** Health counters of one job. */
  public record JobHealth(
      String job,
      long builds,
      long failures,
      int consecutiveFailures,
      String lastResult,
      long totalDurationMillis,
      long lastFinishedAtMillis) {
    /** Returns the share of successful builds, 0 to 1 (1 when no build was seen). */
    public double successRate() {
      return builds == 0 ? 1.0 : (double) (builds - failures) / builds;
    }

    /** Returns the mean build duration in milliseconds. */
    public long meanDurationMillis() {
      return builds == 0 ? 0 : totalDurationMillis / builds;
    }
  }

  /** What an event records. */
  public enum Kind {
    /** A failed build was diagnosed. */
    DIAGNOSIS,
    /** A guard repaired (or tried to). */
    REPAIR,
    /** A person corrected a diagnosis. */
    FEEDBACK
  }

  /** One diagnosis, repair or piece of feedback. */
  public record Event(
      long atMillis, Kind kind, String job, String category, String signature, String detail) {}

  /** Repair outcome counts of one category. */
  public record RepairStats(Category category, int tries, int successes) {}

  /** Records a finished build: health counters, and a diagnosis event for a failure. */
  public synchronized void recordBuild(FinishedBuild build) {
    load();
    JobHealth old = jobs.remove(build.job());
    long builds = old == null ? 1 : old.builds() + 1;
    long failures = (old == null ? 0 : old.failures()) + (build.succeeded() ? 0 : 1);
    int consecutive = build.succeeded() ? 0 : (old == null ? 0 : old.consecutiveFailures()) + 1;
    long total = (old == null ? 0 : old.totalDurationMillis()) + build.durationMillis();
    jobs.put(
        build.job(),
        new JobHealth(
            build.job(),
            builds,
            failures,
            consecutive,
            build.result(),
            total,
            build.finishedAtMillis()));
    while (jobs.size() > MAX_JOBS) {
      jobs.remove(jobs.keySet().iterator().next());
    }
    build
        .diagnosis()
        .ifPresent(
            d ->
                addEvent(
                    Kind.DIAGNOSIS,
                    build.job() + " #" + build.number(),
                    d.category().wireName(),
                    d.signature(),
                    DiagnosisText.summary(d)));
    save();
  }

  /** Records a repair's outcome. */
  public synchronized void recordOutcome(RepairOutcome outcome) {
    load();
    int[] counts = repairs.computeIfAbsent(outcome.category(), c -> new int[2]);
    counts[0]++;
    if (outcome.succeeded()) {
      counts[1]++;
    }
    addEvent(
        Kind.REPAIR,
        outcome.job(),
        outcome.category().wireName(),
        outcome.signature(),
        outcome.action()
            + " "
            + (outcome.succeeded() ? "helped" : "did not help")
            + " (attempt "
            + outcome.attempt()
            + ")");
    save();
  }

  /** Records a person's correction of a diagnosis. */
  public synchronized void recordFeedback(String signature, Category correct, String note) {
    load();
    addEvent(Kind.FEEDBACK, "", correct.wireName(), signature, note);
    save();
  }

  /** Returns the jobs, worst success rate first. */
  public synchronized List<JobHealth> jobs() {
    load();
    List<JobHealth> list = new ArrayList<>(jobs.values());
    list.sort(Comparator.comparingDouble(JobHealth::successRate).thenComparing(JobHealth::job));
    return list;
  }

  /** Returns the events, newest first. */
  public synchronized List<Event> recentEvents() {
    load();
    List<Event> list = new ArrayList<>(events);
    java.util.Collections.reverse(list);
    return list;
  }

  /** Returns the repair outcome counts per category, in taxonomy order. */
  public synchronized List<RepairStats> repairStats() {
    load();
    List<RepairStats> list = new ArrayList<>();
    repairs.forEach((c, n) -> list.add(new RepairStats(c, n[0], n[1])));
    return list;
  }

  private void addEvent(Kind kind, String job, String category, String signature, String detail) {
    events.addLast(
        new Event(clock.millis(), kind, cut(job), cut(category), cut(signature), cut(detail)));
    while (events.size() > MAX_EVENTS) {
      events.removeFirst();
    }
  }

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        parse(line.split("\t", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  private void parse(String[] f) {
    try {
      switch (f[0]) {
        case "J" ->
            jobs.put(
                unescape(f[1]),
                new JobHealth(
                    unescape(f[1]),
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3]),
                    Integer.parseInt(f[4]),
                    unescape(f[5]),
                    Long.parseLong(f[6]),
                    Long.parseLong(f[7])));
        case "E" ->
            events.addLast(
                new Event(
                    Long.parseLong(f[1]),
                    Kind.valueOf(f[2]),
                    unescape(f[3]),
                    unescape(f[4]),
                    unescape(f[5]),
                    unescape(f[6])));
        case "R" ->
            Category.fromWireName(f[1])
                .ifPresent(
                    c ->
                        repairs.put(c, new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])}));
        default -> {
          // Unknown record type from a newer version: skipped.
        }
      }
    } catch (RuntimeException e) {
      // A damaged line is skipped; the rest of the ledger still loads.
    }
  }

  private void save() {
    StringBuilder sb = new StringBuilder();
    for (JobHealth j : jobs.values()) {
      sb.append("J\t")
          .append(escape(j.job()))
          .append('\t')
          .append(j.builds())
          .append('\t')
          .append(j.failures())
          .append('\t')
          .append(j.consecutiveFailures())
          .append('\t')
          .append(escape(j.lastResult()))
          .append('\t')
          .append(j.totalDurationMillis())
          .append('\t')
          .append(j.lastFinishedAtMillis())
          .append('\n');
    }
    for (Event e : events) {
      sb.append("E\t")
          .append(e.atMillis())
          .append('\t')
          .append(e.kind())
          .append('\t')
          .append(escape(e.job()))
          .append('\t')
          .append(escape(e.category()))
          .append('\t')
          .append(escape(e.signature()))
          .append('\t')
          .append(escape(e.detail()))
          .append('\n');
    }
    repairs.forEach(
        (c, n) ->
            sb.append("R\t")
                .append(c.wireName())
                .append('\t')
                .append(n[0])
                .append('\t')
                .append(n[1])
                .append('\n'));
    AtomicTextFile.write(dir.resolve(FILE), sb);
  }

  private static String cut(String s) {
    return s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD) + "...";
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
