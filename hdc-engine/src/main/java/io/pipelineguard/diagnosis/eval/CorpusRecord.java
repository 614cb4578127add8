package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.LineSpan;
import io.pipelineguard.internal.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record of a corpus's {@code records.jsonl} (format in the project's DATA.md). Only {@code id}
 * and {@code log_file} are required; labels are optional, so that prediction never depends on them.
 *
 * @param id unique id within the corpus
 * @param logFile failing log, relative to the corpus folder
 * @param passLogFile passing log of the same job, if any
 * @param jobName job name, if any
 * @param category labelled category, if any
 * @param transientLabel labelled retry-worthiness, if any
 * @param evidence labelled evidence spans (empty if none)
 */
public record CorpusRecord(
    String id,
    String logFile,
    Optional<String> passLogFile,
    Optional<String> jobName,
    Optional<Category> category,
    Optional<Boolean> transientLabel,
    List<LineSpan> evidence) {
  private static final JsonReader READER = JsonReader.withLimits(4 << 20, 64, 1 << 20);

  /**
   * Reads a record from one JSON line.
   *
   * @throws IllegalArgumentException when the line is not a JSON object with string {@code id} and
   *     {@code log_file}, or a label is malformed
   */
  public static CorpusRecord parse(String line) {
    Object v = READER.parse(line);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("record is not a JSON object");
    }
    Map<?, ?> m = (Map<?, ?>) v;
    String id = requiredString(m, "id");
    String log = requiredString(m, "log_file");
    if (log.contains("..") || log.startsWith("/")) {
      throw new IllegalArgumentException("record " + id + ": log_file must stay inside the corpus");
    }
    Optional<String> pass = optionalString(m, "pass_log_file");
    if (pass.isPresent() && (pass.get().contains("..") || pass.get().startsWith("/"))) {
      throw new IllegalArgumentException("record " + id + ": pass_log_file must stay inside");
    }
    Optional<Category> category = Optional.empty();
    Optional<String> cat = optionalString(m, "category");
    if (cat.isPresent()) {
      category = Category.fromWireName(cat.get());
      if (category.isEmpty()) {
        throw new IllegalArgumentException("record " + id + ": unknown category " + cat.get());
      }
    }
    Object t = m.get("transient");
    Optional<Boolean> tr = t instanceof Boolean ? Optional.of((Boolean) t) : Optional.empty();
    List<LineSpan> evidence = new ArrayList<>();
    Object ev = m.get("evidence");
    if (ev instanceof List) {
      for (Object span : (List<?>) ev) {
        if (!(span instanceof List) || ((List<?>) span).size() != 2) {
          throw new IllegalArgumentException("record " + id + ": evidence span must be [a, b]");
        }
        List<?> ab = (List<?>) span;
        evidence.add(
            new LineSpan(((Number) ab.get(0)).intValue(), ((Number) ab.get(1)).intValue()));
      }
    }
    return new CorpusRecord(
        id, log, pass, optionalString(m, "job_name"), category, tr, List.copyOf(evidence));
  }

  private static String requiredString(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String) || ((String) v).isEmpty()) {
      throw new IllegalArgumentException("record needs a non-empty string '" + key + "'");
    }
    return (String) v;
  }

  private static Optional<String> optionalString(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v instanceof String ? Optional.of((String) v) : Optional.empty();
  }
}
