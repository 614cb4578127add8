package io.pipelineguard.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringQueriesTest {
  @TempDir Path dir;

  @Test
  void anUnreachableStoreIsReportedNotThrown() {
    JdbcDataSource missing = new JdbcDataSource();
    missing.setURL("jdbc:h2:file:" + dir.resolve("absent") + ";IFEXISTS=TRUE");

    assertThat(new MonitoringQueries(missing).reachable(1)).isFalse();
  }
}
