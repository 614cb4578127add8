package io.pipelineguard.bridge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.ToLongFunction;

/** Row-reading helpers shared by the stores. */
final class StoreRows {
  private StoreRows() {}

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
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
