package io.pipelineguard.bridge.store;

import io.pipelineguard.repair.learning.RepairStatsCodec;
import io.pipelineguard.repair.learning.RepairStatsStore;
import io.pipelineguard.repair.learning.StatsKey;
import io.pipelineguard.repair.learning.StrategyStats;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Learned repair statistics in the store's {@code model_state} table, one row named {@value #NAME},
 * holding {@link RepairStatsCodec}'s versioned text as a BLOB/BYTEA. A save replaces the row in one
 * statement (update, or insert the first time), so a crash leaves the old or the new statistics.
 * Costs one statement plus encoding, O(entries).
 */
public final class SqlRepairStatsStore implements RepairStatsStore {
  /** The {@code model_state} row name. */
  public static final String NAME = "repair-stats";

  private final ModelStateStore rows;

  /** Creates the store over a migrated database. */
  public SqlRepairStatsStore(javax.sql.DataSource dataSource, Clock clock) {
    this.rows = new ModelStateStore(dataSource, clock);
  }

  @Override
  public Map<StatsKey, StrategyStats> load() throws IOException {
    try {
      Optional<byte[]> data = rows.load(NAME);
      return data.isPresent() ? RepairStatsCodec.decode(data.get()) : Map.of();
    } catch (StoreException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void save(Map<StatsKey, StrategyStats> statistics) throws IOException {
    try {
      rows.save(NAME, RepairStatsCodec.HEADER, RepairStatsCodec.encode(statistics));
    } catch (StoreException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
