package io.pipelineguard.bridge.store;

import io.pipelineguard.diagnosis.EvidenceLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reading diagnoses for the API, the templates they were made from (for learning from feedback),
 * and people's corrections ({@code feedback}). Thread-safe; each call is one indexed statement.
 */
public final class DiagnosisStore {
  /** Longest stored template list, in characters (the column's size). */
  static final int MAX_TEMPLATES_CHARS = 8000;

  private static final String COLUMNS =
      "d.id, d.job_id, j.platform, j.pipeline, j.job_name, d.category, d.transient_failure,"
          + " d.confidence, d.signature, d.novel, d.explanation, d.evidence, d.created_at";
  private static final String FROM = "diagnoses d JOIN jobs j ON j.id = d.job_id";

  private final DataSource dataSource;

  /** Creates a store over a migrated database. */
  public DiagnosisStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /**
   * Lists diagnoses newest first, optionally of one category and one pipeline.
   *
   * @param category a category wire name, or null for all
   * @param platform with {@code pipeline}, the pipeline's platform wire name; null for all
   */
  public Page<DiagnosisRecord> page(
      Long cursor, int limit, String category, String platform, String pipeline) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (category != null) {
      conditions.add("d.category = ?");
      params.add(category);
    }
    if (platform != null) {
      conditions.add("j.platform = ? AND j.pipeline = ?");
      params.add(platform);
      params.add(pipeline);
    }
    return StoreRows.newestFirst(
        dataSource,
        FROM,
        "d.id",
        COLUMNS,
        conditions,
        params,
        cursor,
        limit,
        DiagnosisStore::read,
        DiagnosisRecord::id,
        "diagnoses");
  }

  /** Returns one diagnosis, or empty when there is none with that id. */
  public Optional<DiagnosisRecord> find(long id) {
    Page<DiagnosisRecord> page =
        StoreRows.newestFirst(
            dataSource,
            FROM,
            "d.id",
            COLUMNS,
            List.of("d.id = ?"),
            List.of(id),
            null,
            1,
            DiagnosisStore::read,
            DiagnosisRecord::id,
            "diagnoses");
    return page.items().stream().findFirst();
  }

  /** Stores the templates a diagnosis queried learned prototypes with (newline-separated). */
  public void setTemplates(long diagnosisId, List<String> templates) {
    StringBuilder joined = new StringBuilder();
    for (String t : templates) {
      String line = t.replace('\n', ' ');
      if (joined.length() + line.length() + 1 > MAX_TEMPLATES_CHARS) {
        break;
      }
      joined.append(joined.length() == 0 ? "" : "\n").append(line);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE diagnoses SET templates = ? WHERE id = ?")) {
      s.setString(1, joined.toString());
      s.setLong(2, diagnosisId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the templates of diagnosis " + diagnosisId, e);
    }
  }

  /** Returns the stored templates of a diagnosis; empty when none were stored. */
  public List<String> templates(long diagnosisId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT templates FROM diagnoses WHERE id = ?")) {
      s.setLong(1, diagnosisId);
      try (ResultSet rs = s.executeQuery()) {
        String value = rs.next() ? rs.getString(1) : null;
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split("\n"));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the templates of diagnosis " + diagnosisId, e);
    }
  }

  /**
   * Records a person's correction of a diagnosis and returns its id.
   *
   * @param transientFailure the corrected retry-worthiness, or null when not given
   * @param comment free text (already bounded by the caller), or null
   */
  public long insertFeedback(
      long diagnosisId, String category, Boolean transientFailure, String comment, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO feedback (diagnosis_id, category, transient_failure, comment,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, diagnosisId);
      s.setString(2, category);
      s.setObject(3, transientFailure);
      s.setString(4, comment == null ? null : RunStore.clip(comment, 2000));
      s.setObject(5, DeliveryStore.utc(now));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store feedback on diagnosis " + diagnosisId, e);
    }
  }

  /** Parses stored evidence ({@code "N: text"} per line) back into lines. */
  static List<EvidenceLine> evidence(String stored) {
    List<EvidenceLine> lines = new ArrayList<>();
    if (stored == null || stored.isEmpty()) {
      return lines;
    }
    for (String row : stored.split("\n")) {
      int colon = row.indexOf(": ");
      int number = 0;
      if (colon > 0) {
        try {
          number = Integer.parseInt(row.substring(0, colon));
        } catch (NumberFormatException e) {
          colon = -2;
        }
      }
      lines.add(new EvidenceLine(number, colon > 0 ? row.substring(colon + 2) : row));
    }
    return lines;
  }

  private static DiagnosisRecord read(ResultSet rs) throws SQLException {
    return new DiagnosisRecord(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3) + ':' + rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getBoolean(7),
        rs.getDouble(8),
        rs.getString(9),
        rs.getBoolean(10),
        rs.getString(11),
        evidence(rs.getString(12)),
        StoreRows.instant(rs, 13));
  }
}
