package io.pipelineguard.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migration V9 moves the bodies of deliveries stored before it into {@code delivery_bodies}. */
class DeliveryBodiesMigrationTest extends BothStores {
  @ParameterizedTest
  @MethodSource("stores")
  void bodiesStoredBeforeV9AreReadableAfterIt(String kind) throws Exception {
    DatabaseUrl url = freshUrl(kind);
    boolean postgres = url.isPostgres();
    Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .placeholders(Map.of("blob", postgres ? "BYTEA" : "BLOB"))
        .target("8")
        .load()
        .migrate();
    byte[] body = "{\"old\":true}".getBytes(StandardCharsets.UTF_8);
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO deliveries (platform, delivery_key, event_type, status, attempts,"
                    + " received_at, body_bytes, body) VALUES ('github', 'k1', 'workflow_job',"
                    + " 'PENDING', 0, ?, ?, ?)")) {
      insert.setTimestamp(1, Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")));
      insert.setInt(2, body.length);
      insert.setBytes(3, body);
      insert.executeUpdate();
    }

    try (Database database = Database.open(url, 2)) {
      DeliveryStore store = new DeliveryStore(database);
      long id = store.pendingIds(10).get(0);

      assertThat(store.find(id)).hasValueSatisfying(d -> assertThat(d.body()).isEqualTo(body));
    }
  }
}
