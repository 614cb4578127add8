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
    return newestFirst(
        dataSource, table, "id", columns, List.of(), List.of(), cursor, limit, reader, id, what);
  }

  /**
   * Lists up to {@code limit} rows newest first (highest {@code idColumn} first) of a query with
   * optional filters, older than {@code cursor}. One query of {@code limit + 1} rows; with an index
   * on the filter column and the id it reads little more than a page.
   *
   * @param from the FROM clause (tables and joins), without the keyword
   * @param conditions SQL conditions joined with AND, each with its {@code ?} parameters in order
   * @param params the parameters of {@code conditions}, strings or longs
   */
  static <T> Page<T> newestFirst(
      DataSource dataSource,
      String from,
      String idColumn,
      String columns,
      List<String> conditions,
      List<Object> params,
      Long cursor,
      int limit,
      RowReader<T> reader,
      ToLongFunction<T> id,
      String what) {
    List<String> where = new ArrayList<>(conditions);
    List<Object> values = new ArrayList<>(params);
    if (cursor != null) {
      where.add(idColumn + " < ?");
      values.add(cursor);
    }
    String sql =
        "SELECT "
            + columns
            + " FROM "
            + from
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY "
            + idColumn
            + " DESC FETCH FIRST ? ROWS ONLY";
    List<T> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      for (Object value : values) {
        statement.setObject(i++, value);
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
