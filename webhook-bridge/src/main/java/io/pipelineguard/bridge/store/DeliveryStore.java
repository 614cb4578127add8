package io.pipelineguard.bridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code deliveries} table: durable, deduplicated storage of received webhooks and their
 * processing state. Thread-safe (each call takes its own pooled connection).
 *
 * <p>Deduplication rests on the unique constraint {@code (platform, delivery_key)}: storing a
 * delivery whose key is already there writes nothing and reports the first one's id.
 */
public final class DeliveryStore {
  /** SQLState of a unique-constraint violation, shared by H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  private static final String INSERT =
      "INSERT INTO deliveries (platform, delivery_key, event_type, status, attempts, received_at,"
          + " body_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_BODY =
      "INSERT INTO delivery_bodies (delivery_id, body) VALUES (?, ?)";
  private static final String FIND_KEY =
      "SELECT id FROM deliveries WHERE platform = ? AND delivery_key = ?";
  private static final String CLAIM =
      "UPDATE deliveries SET status = 'PROCESSING', attempts = attempts + 1"
          + " WHERE id = ? AND status = 'PENDING'";
  private static final String RELEASE =
      "UPDATE deliveries SET status = 'PENDING', attempts = attempts - 1"
          + " WHERE id = ? AND status = 'PROCESSING'";
  private static final String MARK_PROCESSED =
      "UPDATE deliveries SET status = 'PROCESSED', processed_at = ?, error = NULL WHERE id = ?";
  private static final String COLUMNS =
      "id, platform, delivery_key, event_type, status, attempts, received_at, processed_at, error,"
          + " body_bytes";

  private final DataSource dataSource;
  private final String flushStatement;

  /** Creates a store over a migrated database. */
  public DeliveryStore(Database database) {
    this(database.dataSource(), database.flushStatement());
  }

  /**
   * Creates a store over a data source.
   *
   * @param flushStatement run after each delivery commit to force it to disk (H2's {@code
   *     CHECKPOINT}), or null when a commit is already durable (PostgreSQL)
   */
  public DeliveryStore(DataSource dataSource, String flushStatement) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.flushStatement = flushStatement;
  }

  /**
   * Stores a batch of deliveries in one transaction (one commit, hence "group commit"), skipping
   * those already stored and repeats inside the batch. When this returns, every non-duplicate is
   * committed. Costs one indexed lookup and two inserts per delivery (the row, then its body in
   * {@code delivery_bodies}), and one commit.
   *
   * @return one result per delivery, in order
   */
  public List<InsertResult> insertAll(List<NewDelivery> batch) {
    return insertAll(batch, false);
  }

  /**
   * Stores a batch as {@link #insertAll(List)} does, the new deliveries already claimed by the
   * caller (stored PROCESSING with one attempt, as {@link #claim} would leave them), which spares
   * the claim's update when the caller processes them at once. What the caller cannot process it
   * must {@link #releaseAll release}; a crash leaves them PROCESSING, which {@link
   * #requeueInterrupted} returns to PENDING at the next start.
   *
   * @return one result per delivery, in order
   */
  public List<InsertResult> insertAllClaimed(List<NewDelivery> batch) {
    return insertAll(batch, true);
  }

  /** Deliveries processed at one instant, to be marked so (see {@link #insertAllClaimed}). */
  public record Processed(List<Long> ids, Instant at) {
    /** Copies {@code ids}. */
    public Processed {
      ids = List.copyOf(ids);
      Objects.requireNonNull(at, "at must not be null");
    }
  }

  /**
   * Stores a batch as {@link #insertAllClaimed(List)} does and, in the same transaction (the same
   * commit and sync), marks {@code processed} deliveries processed as {@link #markAllProcessed}
   * does: the workers' status updates ride on the intake's group commit instead of paying a commit
   * of their own. If the group must be retried one by one (another process stored one of its keys),
   * the marks get a transaction of their own.
   *
   * @return one result per delivery, in order
   */
  public List<InsertResult> insertAllClaimed(List<NewDelivery> batch, List<Processed> processed) {
    return insertAll(batch, true, processed);
  }

  private List<InsertResult> insertAll(List<NewDelivery> batch, boolean claimed) {
    return insertAll(batch, claimed, List.of());
  }

  private List<InsertResult> insertAll(
      List<NewDelivery> batch, boolean claimed, List<Processed> processed) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<InsertResult> results = insertInTransaction(connection, batch, claimed);
        markInTransaction(connection, processed);
        connection.commit();
        flush(connection);
        return results;
      } catch (SQLException e) {
        connection.rollback();
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
      } finally {
        connection.setAutoCommit(true);
      }
      // Another process stored one of these keys between our lookup and insert: go one by one.
      List<InsertResult> results = new ArrayList<>(batch.size());
      for (NewDelivery delivery : batch) {
        results.add(insertOne(connection, delivery, claimed));
      }
      if (!processed.isEmpty()) {
        connection.setAutoCommit(false);
        try {
          markInTransaction(connection, processed);
          connection.commit();
        } finally {
          connection.setAutoCommit(true);
        }
      }
      flush(connection);
      return results;
    } catch (SQLException e) {
      throw new StoreException("cannot store " + batch.size() + " deliveries", e);
    }
  }

  private static void markInTransaction(Connection connection, List<Processed> processed)
      throws SQLException {
    if (processed.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(MARK_PROCESSED)) {
      for (Processed group : processed) {
        OffsetDateTime at = utc(group.at());
        for (long id : group.ids()) {
          statement.setObject(1, at);
          statement.setLong(2, id);
          statement.addBatch();
        }
      }
      statement.executeBatch();
    }
  }

  private void flush(Connection connection) throws SQLException {
    if (flushStatement != null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(flushStatement);
      }
    }
  }

  private static List<InsertResult> insertInTransaction(
      Connection connection, List<NewDelivery> batch, boolean claimed) throws SQLException {
    List<InsertResult> results = new ArrayList<>(batch.size());
    Map<String, Long> seen = new HashMap<>();
    try (PreparedStatement find = connection.prepareStatement(FIND_KEY);
        PreparedStatement insert =
            connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS);
        PreparedStatement insertBody = connection.prepareStatement(INSERT_BODY)) {
      for (NewDelivery delivery : batch) {
        String key = delivery.platform().wireName() + '\n' + delivery.deliveryKey();
        Long earlier = seen.get(key);
        if (earlier == null) {
          earlier = lookup(find, delivery);
        }
        if (earlier != null) {
          results.add(new InsertResult(earlier, true));
          continue;
        }
        long id = insert(insert, delivery, claimed);
        insertBody.setLong(1, id);
        insertBody.setBytes(2, delivery.body());
        insertBody.addBatch();
        seen.put(key, id);
        results.add(new InsertResult(id, false));
      }
      insertBody.executeBatch();
    }
    return results;
  }

  /** Stores one delivery in its own transaction; a unique violation reports the stored one. */
  private static InsertResult insertOne(
      Connection connection, NewDelivery delivery, boolean claimed) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement insert =
            connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS);
        PreparedStatement insertBody = connection.prepareStatement(INSERT_BODY)) {
      long id = insert(insert, delivery, claimed);
      insertBody.setLong(1, id);
      insertBody.setBytes(2, delivery.body());
      insertBody.executeUpdate();
      connection.commit();
      return new InsertResult(id, false);
    } catch (SQLException e) {
      connection.rollback();
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
    } finally {
      connection.setAutoCommit(true);
    }
    try (PreparedStatement find = connection.prepareStatement(FIND_KEY)) {
      Long id = lookup(find, delivery);
      if (id == null) {
        throw new SQLException("delivery vanished after a unique violation", UNIQUE_VIOLATION);
      }
      return new InsertResult(id, true);
    }
  }

  private static Long lookup(PreparedStatement find, NewDelivery delivery) throws SQLException {
    find.setString(1, delivery.platform().wireName());
    find.setString(2, delivery.deliveryKey());
    try (ResultSet rs = find.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private static long insert(PreparedStatement insert, NewDelivery delivery, boolean claimed)
      throws SQLException {
    insert.setString(1, delivery.platform().wireName());
    insert.setString(2, delivery.deliveryKey());
    insert.setString(3, delivery.eventType());
    insert.setString(4, (claimed ? DeliveryStatus.PROCESSING : DeliveryStatus.PENDING).name());
    insert.setInt(5, claimed ? 1 : 0);
    insert.setObject(6, utc(delivery.receivedAt()));
    insert.setInt(7, delivery.body().length);
    insert.executeUpdate();
    try (ResultSet keys = insert.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("no generated id for the delivery");
      }
      return keys.getLong(1);
    }
  }

  /**
   * Claims a pending delivery for processing (PENDING to PROCESSING, attempts + 1). Only one caller
   * can win the claim for a delivery, so a delivery queued twice is processed once.
   *
   * @return true when this caller now owns the delivery
   */
  public boolean claim(long id) {
    return update(CLAIM, id) == 1;
  }

  /**
   * Claims the pending deliveries among {@code ids} in one transaction (one commit for the group,
   * one reused statement): each goes PENDING to PROCESSING, attempts + 1, exactly as {@link
   * #claim}. Ids are claimed in ascending order, so two overlapping groups cannot deadlock. Only
   * one caller can win a delivery's claim.
   *
   * @return the ids this caller now owns, ascending (those not PENDING are left out)
   */
  public List<Long> claimAll(List<Long> ids) {
    List<Long> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return List.of();
    }
    return inTransaction(
        "cannot claim " + ids.size() + " deliveries",
        connection -> {
          List<Long> claimed = new ArrayList<>(sorted.size());
          try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            for (long id : sorted) {
              statement.setLong(1, id);
              if (statement.executeUpdate() == 1) {
                claimed.add(id);
              }
            }
          }
          return claimed;
        });
  }

  /**
   * Undoes the claim of deliveries the caller will not process after all (PROCESSING to PENDING,
   * attempts - 1), in one transaction, so the next sweep picks them up.
   */
  public void releaseAll(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    inTransaction(
        "cannot release " + ids.size() + " deliveries",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(RELEASE)) {
            for (long id : ids) {
              statement.setLong(1, id);
              statement.addBatch();
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  /**
   * Marks claimed deliveries processed at {@code when}, in one transaction (one JDBC batch, one
   * commit), as {@link #markProcessed} does for one.
   */
  public void markAllProcessed(List<Long> ids, Instant when) {
    if (ids.isEmpty()) {
      return;
    }
    OffsetDateTime at = utc(when);
    inTransaction(
        "cannot mark " + ids.size() + " deliveries processed",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(MARK_PROCESSED)) {
            for (long id : ids) {
              statement.setObject(1, at);
              statement.setLong(2, id);
              statement.addBatch();
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  /** Work done on one connection inside a transaction. */
  private interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  private <T> T inTransaction(String failure, TransactionWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(failure, e);
    }
  }

  /** Marks a claimed delivery processed at {@code when}. */
  public void markProcessed(long id, Instant when) {
    execute(MARK_PROCESSED, utc(when), id);
  }

  /** Marks a claimed delivery failed at {@code when}, keeping the first 1000 chars of error. */
  public void markFailed(long id, String error, Instant when) {
    String message = error == null ? "unknown error" : error;
    if (message.length() > 1000) {
      message = message.substring(0, 1000);
    }
    execute(
        "UPDATE deliveries SET status = 'FAILED', processed_at = ?, error = ? WHERE id = ?",
        utc(when),
        message,
        id);
  }

  /**
   * Returns deliveries a crashed process had claimed but not finished to PENDING. Call at start,
   * before workers run; assumes one bridge process per store.
   *
   * @return the number of deliveries returned to PENDING
   */
  public int requeueInterrupted() {
    return update("UPDATE deliveries SET status = 'PENDING' WHERE status = 'PROCESSING'");
  }

  /** Returns the ids of up to {@code limit} pending deliveries, oldest first. */
  public List<Long> pendingIds(int limit) {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT id FROM deliveries WHERE status = 'PENDING' ORDER BY id"
                    + " FETCH FIRST ? ROWS ONLY")) {
      statement.setInt(1, limit);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new StoreException("cannot list pending deliveries", e);
    }
  }

  /** Returns the delivery with its body, if it exists. */
  public Optional<Delivery> find(long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + ", b.body FROM deliveries d JOIN delivery_bodies b ON b.delivery_id = d.id"
                    + " WHERE d.id = ?")) {
      statement.setLong(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(read(rs, rs.getBytes(11))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read delivery " + id, e);
    }
  }

  /**
   * Returns up to {@code limit} deliveries newest first, without bodies, older than the cursor (a
   * delivery id; null for the newest page).
   */
  public Page<Delivery> page(Long cursor, int limit) {
    return StoreRows.newestFirst(
        dataSource,
        "deliveries",
        COLUMNS,
        cursor,
        limit,
        rs -> read(rs, new byte[0]),
        Delivery::id,
        "deliveries");
  }

  /** Returns how many deliveries are in each status (statuses with none are 0). */
  public Map<DeliveryStatus, Long> countByStatus() {
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    for (DeliveryStatus status : DeliveryStatus.values()) {
      counts.put(status, 0L);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT status, COUNT(*) FROM deliveries GROUP BY status");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new StoreException("cannot count deliveries", e);
    }
  }

  private static Delivery read(ResultSet rs, byte[] body) throws SQLException {
    return new Delivery(
        rs.getLong(1),
        Platform.fromWireName(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        DeliveryStatus.valueOf(rs.getString(5)),
        rs.getInt(6),
        StoreRows.instant(rs, 7),
        StoreRows.instant(rs, 8),
        rs.getString(9),
        rs.getInt(10),
        body);
  }

  private int update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update deliveries", e);
    }
  }

  private void execute(String sql, Object... parameters) {
    update(sql, parameters);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
