package io.pipelineguard.repair.learning;

import java.io.IOException;
import java.util.Map;

/**
 * Where learned repair statistics live between restarts. The doors implement it: files under
 * JENKINS_HOME for the plugin, the SQL store for the bridge. {@link RepairStatsCodec} gives a
 * checked, versioned text form that file-like stores can use as is.
 */
public interface RepairStatsStore {

  /**
   * Loads the saved statistics.
   *
   * @return the statistics; empty when nothing was saved yet
   * @throws IOException if the storage cannot be read
   * @throws InvalidRepairStatsFormatException if what was saved is corrupt
   */
  Map<StatsKey, StrategyStats> load() throws IOException;

  /**
   * Saves the statistics, replacing what was saved before. Implementations should make the
   * replacement atomic, so a crash leaves either the old or the new statistics.
   *
   * @throws IOException if the storage cannot be written
   */
  void save(Map<StatsKey, StrategyStats> statistics) throws IOException;
}
