package io.pipelineguard.bridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/** Row-reading helpers shared by the stores. */
final class StoreRows {
  private StoreRows() {}

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads one row into an item. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Lists up to {@code limit} rows of {@code table} newest first (highest {@code id} first), older
   * than {@code cursor} (an id; null for the newest page). One indexed query of {@code limit + 1}
   * rows.
   *
   * @param what what is listed, for the error message
   */
  static <T> Page<T> newestFirst(
      DataSource dataSource,
      String table,
      String columns,
      Long cursor,
      int limit,
      RowReader<T> reader,
      ToLongFunction<T> id,
      String what) {
    List<T> rows = new ArrayList<>();
    String where = cursor == null ? "" : " WHERE id < ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT "
                    + columns
                    + " FROM "
                    + table
                    + where
                    + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
      int i = 1;
      if (cursor != null) {
        statement.setLong(i++, cursor);
      }
      statement.setInt(i, limit + 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list " + what, e);
    }
    return toPage(rows, limit, id);
  }

  /** Cuts a list fetched with {@code limit + 1} rows into a page and its next cursor. */
  static <T> Page<T> toPage(List<T> rows, int limit, ToLongFunction<T> id) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, id.applyAsLong(items.get(limit - 1)));
  }
}
