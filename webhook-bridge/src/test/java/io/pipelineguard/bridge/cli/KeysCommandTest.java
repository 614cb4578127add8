package io.pipelineguard.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.security.ApiKey;
import io.pipelineguard.bridge.security.Role;
import io.pipelineguard.bridge.store.ApiKeyStore;
import io.pipelineguard.bridge.store.AuditStore;
import io.pipelineguard.bridge.store.Database;
import io.pipelineguard.bridge.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeysCommandTest {
  @TempDir Path dataDir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @Test
  void create_list_and_revoke_work_on_the_serve_store() {
    int created =
        run("keys", "create", "--name", "first admin", "--role", "admin", "--permissions", "");
    String printed = out.toString();
    Matcher key = Pattern.compile("pg_[A-Za-z0-9_-]{43}").matcher(printed);
    assertThat(key.find()).isTrue();
    String secret = key.group();
    int listed = run("keys", "list");
    String listing = out.toString();
    Optional<ApiKey> stored;
    try (Database db = Database.open(BridgeConfig.builder().dataDir(dataDir).build())) {
      stored = new ApiKeyStore(db.dataSource()).findBySecret(secret);
    }
    long id = stored.orElseThrow().id();
    int revoked = run("keys", "revoke", Long.toString(id));
    int twice = run("keys", "revoke", Long.toString(id));
    String twiceErr = err.toString();
    int listedAgain = run("keys", "list");
    List<String> audited;
    try (Database db = Database.open(BridgeConfig.builder().dataDir(dataDir).build())) {
      audited =
          new AuditStore(db.dataSource())
              .page(null, 10).items().stream().map(e -> e.kind() + " " + e.actor()).toList();
    }

    assertThat(created).isZero();
    assertThat(printed).contains("not shown again", "role admin");
    assertThat(stored.get().role()).isEqualTo(Role.ADMIN);
    assertThat(stored.get().name()).isEqualTo("first admin");
    assertThat(listed).isZero();
    assertThat(listing).contains("first admin", "admin", secret.substring(0, 11), "active");
    assertThat(listing).doesNotContain(secret);
    assertThat(revoked).isZero();
    assertThat(twice).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(twiceErr).contains("already revoked");
    assertThat(listedAgain).isZero();
    assertThat(out.toString()).contains("revoked");
    assertThat(audited).containsExactly("key_revoked cli", "key_created cli");
  }

  @Test
  void create_rejects_unknown_roles_and_bad_names_clearly() {
    int role = run("keys", "create", "--name", "x", "--role", "root");
    String roleErr = err.toString();
    int name = run("keys", "create", "--name", "bad;name", "--role", "readonly");
    String nameErr = err.toString();
    int permission =
        run("keys", "create", "--name", "x", "--role", "readonly", "--permissions", "Audit");

    assertThat(role).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(roleErr).contains("unknown role 'root'", "readonly, operator, admin or superuser");
    assertThat(name).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(nameErr).contains("key name");
    assertThat(permission).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("resource:action");
  }

  @Test
  void a_store_held_by_a_running_server_is_explained() {
    // H2 lets one JVM open its file twice, so the lock another process holds (error 90020, checked
    // by hand with two JVMs) is simulated here.
    RuntimeException locked =
        new StoreException(
            "cannot connect to the store",
            new IllegalStateException(
                new SQLException(
                    "Database may be already in use", "90020", StoreOpener.H2_DATABASE_IN_USE)));
    RuntimeException other =
        new StoreException("cannot connect to the store", new SQLException("disk full"));

    assertThat(StoreOpener.explain(locked))
        .contains("in use by a running server", "stop the server", "POST /api/keys");
    assertThat(StoreOpener.explain(other)).isEqualTo("cannot connect to the store: disk full");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine commandLine =
        PipelineGuardCommand.newCommandLine(Map.of("PIPELINE_GUARD_DATA_DIR", dataDir.toString()));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
