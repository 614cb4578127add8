package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.config.SecurityConfig;
import io.pipelineguard.bridge.security.AuditKind;
import io.pipelineguard.bridge.security.MutableClock;
import io.pipelineguard.bridge.security.SecretTokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityApiTest {
  private static final String ADMIN = WebhookClient.ADMIN_KEY;

  @TempDir Path dataDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:30Z"));

  private BridgeServer start(SecurityConfig security) {
    BridgeConfig config = WebhookClient.config(dataDir).security(security).build();
    return new BridgeServer(config, clock, null).start();
  }

  private static SecurityConfig generous() {
    return SecurityConfig.builder().requestsPerMinute(10_000).requestsPerHour(100_000).build();
  }

  @Test
  void the_store_holds_only_a_hash_and_listings_never_show_the_key() throws Exception {
    try (BridgeServer server = start(generous())) {
      ApiCaller api = new ApiCaller(server.port());
      String key = api.createKey(ADMIN, "ci bot", "operator");
      HttpResponse<String> list = api.get("/api/keys", ADMIN);
      HttpResponse<String> used = api.get("/api/runs", key);

      List<String> cells = new ArrayList<>();
      try (Connection c = server.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM api_keys")) {
        while (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            cells.add(String.valueOf(rs.getObject(i)));
          }
        }
      }
      assertThat(key).matches("pg_[A-Za-z0-9_-]{43}");
      assertThat(cells).noneMatch(cell -> cell.contains(key.substring(3)));
      assertThat(cells).contains(SecretTokens.sha256Hex(key), key.substring(0, 11));
      assertThat(used.statusCode()).isEqualTo(200);
      assertThat(list.body())
          .contains(
              "\"name\":\"ci bot\"",
              "\"role\":\"operator\"",
              "\"prefix\":\"" + key.substring(0, 11))
          .doesNotContain(key)
          .doesNotContain(SecretTokens.sha256Hex(key));
      assertThat(server.keyStore().page(null, 10).items().get(0).lastUsedAt())
          .isEqualTo(clock.instant());
    }
  }

  @Test
  void keys_hand_out_only_what_their_holder_has_and_revocation_is_immediate() {
    try (BridgeServer server = start(generous())) {
      ApiCaller api = new ApiCaller(server.port());
      String admin = api.createKey(ADMIN, "alice", "admin");
      String operator = api.createKey(admin, "bob", "operator");
      HttpResponse<String> superByAdmin =
          api.call("POST", "/api/keys", admin, null, "{\"name\":\"eve\",\"role\":\"superuser\"}");
      HttpResponse<String> extraByAdmin =
          api.call(
              "POST",
              "/api/keys",
              admin,
              null,
              "{\"name\":\"eve\",\"role\":\"readonly\",\"permissions\":[\"audit:read\"]}");
      HttpResponse<String> badRole =
          api.call("POST", "/api/keys", admin, null, "{\"name\":\"x\",\"role\":\"root\"}");
      HttpResponse<String> badName =
          api.call("POST", "/api/keys", admin, null, "{\"name\":\"<script>\",\"role\":\"admin\"}");
      String superKey = api.createKey(ADMIN, "root", "superuser");
      long superId = server.keyStore().page(null, 1).items().get(0).id();
      HttpResponse<String> revokeSuperByAdmin =
          api.call("DELETE", "/api/keys/" + superId, admin, null, null);
      long operatorId =
          server.keyStore().page(null, 10).items().stream()
              .filter(k -> k.name().equals("bob"))
              .findFirst()
              .orElseThrow()
              .id();
      int before = api.get("/api/session", operator).statusCode();
      HttpResponse<String> revoke =
          api.call("DELETE", "/api/keys/" + operatorId, admin, null, null);
      HttpResponse<String> again = api.call("DELETE", "/api/keys/" + operatorId, admin, null, null);
      HttpResponse<String> after = api.get("/api/session", operator);

      assertThat(superByAdmin.statusCode()).isEqualTo(403);
      assertThat(superByAdmin.body()).contains("lacks '*'");
      assertThat(extraByAdmin.statusCode()).isEqualTo(201);
      assertThat(badRole.statusCode()).isEqualTo(400);
      assertThat(badRole.body()).contains("unknown role 'root'");
      assertThat(badName.statusCode()).isEqualTo(400);
      assertThat(api.get("/api/session", superKey).statusCode()).isEqualTo(200);
      assertThat(revokeSuperByAdmin.statusCode()).isEqualTo(403);
      assertThat(before).isEqualTo(200);
      assertThat(revoke.statusCode()).isEqualTo(204);
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(after.statusCode()).isEqualTo(401);
      assertThat(after.body()).contains("revoked API key");
    }
  }

  @Test
  void a_session_cookie_authenticates_until_it_expires_or_logs_out() {
    SecurityConfig security = generous().toBuilder().sessionTimeoutMinutes(30).build();
    try (BridgeServer server = start(security)) {
      ApiCaller api = new ApiCaller(server.port());
      String key = api.createKey(ADMIN, "dash", "readonly");
      HttpResponse<String> wrong =
          api.call("POST", "/api/session", null, null, "{\"api_key\":\"pg_nope\"}");
      HttpResponse<String> login =
          api.call("POST", "/api/session", null, null, "{\"api_key\":\"" + key + "\"}");
      String cookie = ApiCaller.sessionCookie(login);
      HttpResponse<String> me = api.call("GET", "/api/session", null, cookie, null);
      HttpResponse<String> denied = api.call("GET", "/api/keys", null, cookie, null);
      clock.advance(Duration.ofMinutes(29));
      int beforeExpiry = api.call("GET", "/api/session", null, cookie, null).statusCode();
      clock.advance(Duration.ofMinutes(2));
      HttpResponse<String> expired = api.call("GET", "/api/session", null, cookie, null);
      String second =
          ApiCaller.sessionCookie(
              api.call("POST", "/api/session", null, null, "{\"api_key\":\"" + key + "\"}"));
      HttpResponse<String> logout = api.call("DELETE", "/api/session", null, second, null);
      HttpResponse<String> afterLogout = api.call("GET", "/api/session", null, second, null);

      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
          .startsWith("pg_session=")
          .contains("; Path=/", "; Max-Age=1800", "; HttpOnly", "; SameSite=Strict")
          .doesNotContain("Secure");
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body())
          .contains("\"name\":\"dash\"", "\"role\":\"readonly\"", "\"pipelines:read\"")
          .contains("\"expires_at\":\"2026-03-01T09:30:30Z\"");
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(beforeExpiry).isEqualTo(200);
      assertThat(expired.statusCode()).isEqualTo(401);
      assertThat(expired.body()).contains("session expired");
      assertThat(logout.statusCode()).isEqualTo(204);
      assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
      assertThat(afterLogout.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void a_session_cookie_cannot_change_anything_from_another_site() {
    try (BridgeServer server = start(generous())) {
      ApiCaller api = new ApiCaller(server.port());
      String key = api.createKey(ADMIN, "ops", "operator");
      String cookie =
          ApiCaller.sessionCookie(
              api.call("POST", "/api/session", null, null, "{\"api_key\":\"" + key + "\"}"));
      String self = "http://127.0.0.1:" + server.port();
      String feedback = "{\"diagnosis_id\":999999,\"category\":\"network\"}";

      HttpResponse<String> crossSite =
          api.call(
              "POST",
              "/api/feedback",
              null,
              cookie,
              feedback,
              java.util.Map.of("Origin", "https://evil.example"));
      HttpResponse<String> crossSiteByReferer =
          api.call(
              "POST",
              "/api/feedback",
              null,
              cookie,
              feedback,
              java.util.Map.of("Referer", "https://evil.example/page"));
      HttpResponse<String> sameSite =
          api.call(
              "POST", "/api/feedback", null, cookie, feedback, java.util.Map.of("Origin", self));
      HttpResponse<String> readFromElsewhere =
          api.call(
              "GET",
              "/api/session",
              null,
              cookie,
              null,
              java.util.Map.of("Origin", "https://x.io"));
      HttpResponse<String> keyFromElsewhere =
          api.call(
              "POST",
              "/api/feedback",
              key,
              null,
              feedback,
              java.util.Map.of("Origin", "https://evil.example"));

      assertThat(crossSite.statusCode()).isEqualTo(403);
      assertThat(crossSite.body()).contains("cross-site request refused");
      assertThat(crossSiteByReferer.statusCode()).isEqualTo(403);
      assertThat(sameSite.statusCode()).isEqualTo(404);
      assertThat(readFromElsewhere.statusCode()).isEqualTo(200);
      assertThat(keyFromElsewhere.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void the_cookie_is_secure_when_configured() {
    try (BridgeServer server = start(generous().toBuilder().cookieSecure(true).build())) {
      ApiCaller api = new ApiCaller(server.port());
      HttpResponse<String> login =
          api.call("POST", "/api/session", null, null, "{\"api_key\":\"" + ADMIN + "\"}");

      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("\"role\":\"superuser\"", "\"key_id\":null");
      assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; Secure");
    }
  }

  @Test
  void exceeding_the_limit_answers_429_then_blocks_until_the_block_ends() {
    SecurityConfig security =
        SecurityConfig.builder()
            .requestsPerMinute(3)
            .requestsPerHour(1000)
            .autoBlockThreshold(2)
            .blockDurationMinutes(15)
            .build();
    try (BridgeServer server = start(security)) {
      ApiCaller api = new ApiCaller(server.port());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        statuses.add(api.get("/api/session", ADMIN).statusCode());
      }
      HttpResponse<String> limited = api.get("/api/session", ADMIN);
      HttpResponse<String> blocked = api.get("/api/session", ADMIN);
      clock.advance(Duration.ofMinutes(10));
      HttpResponse<String> stillBlocked = api.get("/api/session", ADMIN);
      clock.advance(Duration.ofMinutes(5));
      HttpResponse<String> released = api.get("/api/session", ADMIN);

      assertThat(statuses).containsOnly(200);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("30");
      assertThat(blocked.statusCode()).isEqualTo(429);
      assertThat(blocked.headers().firstValue("Retry-After")).contains("900");
      assertThat(stillBlocked.headers().firstValue("Retry-After")).contains("300");
      assertThat(released.statusCode()).isEqualTo(200);
      assertThat(api.get("/api/audit", ADMIN).body()).contains("\"kind\":\"blocked\"");
    }
  }

  @Test
  void guessing_keys_blocks_the_address() {
    SecurityConfig security = generous().toBuilder().autoBlockThreshold(3).build();
    try (BridgeServer server = start(security)) {
      ApiCaller api = new ApiCaller(server.port());
      List<Integer> guesses = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        guesses.add(api.get("/api/runs", new SecretTokens().newApiKey()).statusCode());
      }
      HttpResponse<String> valid = api.get("/api/runs", ADMIN);
      clock.advance(Duration.ofMinutes(15));
      HttpResponse<String> later = api.get("/api/runs", ADMIN);

      assertThat(guesses).containsOnly(401);
      assertThat(valid.statusCode()).isEqualTo(429);
      assertThat(valid.body()).contains("this address");
      assertThat(later.statusCode()).isEqualTo(200);
    }
  }

  /** GET /api/runs with {@code key}, as relayed by a proxy for {@code client}. */
  private static HttpResponse<String> forwarded(ApiCaller api, String key, String client) {
    return api.call(
        "GET", "/api/runs", key, null, null, java.util.Map.of("X-Forwarded-For", client));
  }

  @Test
  void behind_a_trusted_proxy_each_forwarded_client_is_limited_on_its_own() {
    SecurityConfig security =
        generous().toBuilder().autoBlockThreshold(2).trustedProxies(List.of("127.0.0.1")).build();
    try (BridgeServer server = start(security)) {
      ApiCaller api = new ApiCaller(server.port());
      String wrong = new SecretTokens().newApiKey();
      forwarded(api, wrong, "203.0.113.9");
      forwarded(api, wrong, "203.0.113.9");
      HttpResponse<String> guesser = forwarded(api, ADMIN, "203.0.113.9");
      HttpResponse<String> neighbour = forwarded(api, ADMIN, "198.51.100.7");

      assertThat(guesser.statusCode()).isEqualTo(429);
      assertThat(neighbour.statusCode()).isEqualTo(200);
      assertThat(api.get("/api/audit?limit=50", ADMIN).body())
          .contains("\"ip\":\"203.0.113.9\"")
          .doesNotContain("\"ip\":\"127.0.0.1\"");
    }
  }

  @Test
  void without_trusted_proxies_a_forwarded_header_changes_nothing() {
    SecurityConfig security = generous().toBuilder().autoBlockThreshold(2).build();
    try (BridgeServer server = start(security)) {
      ApiCaller api = new ApiCaller(server.port());
      String wrong = new SecretTokens().newApiKey();
      forwarded(api, wrong, "203.0.113.1");
      forwarded(api, wrong, "203.0.113.2");
      HttpResponse<String> other = forwarded(api, ADMIN, "198.51.100.7");

      assertThat(other.statusCode()).isEqualTo(429);
    }
  }

  @Test
  void the_query_parameter_key_is_off_unless_enabled() {
    try (BridgeServer server = start(generous())) {
      assertThat(new ApiCaller(server.port()).get("/api/runs?api_key=" + ADMIN, null).statusCode())
          .isEqualTo(401);
    }
    try (BridgeServer server = start(generous().toBuilder().allowQueryApiKey(true).build())) {
      assertThat(new ApiCaller(server.port()).get("/api/runs?api_key=" + ADMIN, null).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void every_kind_of_event_reaches_the_audit_log_without_secrets() throws Exception {
    SecurityConfig security = generous().toBuilder().autoBlockThreshold(2).build();
    try (BridgeServer server = start(security)) {
      ApiCaller api = new ApiCaller(server.port());
      String reader = api.createKey(ADMIN, "reader", "readonly");
      api.get("/api/audit", reader);
      String cookie =
          ApiCaller.sessionCookie(
              api.call("POST", "/api/session", null, null, "{\"api_key\":\"" + reader + "\"}"));
      api.call("DELETE", "/api/session", null, cookie, null);
      api.call(
          "DELETE",
          "/api/keys/" + server.keyStore().page(null, 1).items().get(0).id(),
          ADMIN,
          null,
          null);
      server.auditLog().record(AuditKind.REPAIR_EXECUTED, "system", null, "retried " + reader);
      api.get("/api/runs", "pg_wrong");
      api.get("/api/runs", "pg_wrong");
      clock.advance(Duration.ofMinutes(16));
      HttpResponse<String> events = api.get("/api/audit?limit=100", ADMIN);

      assertThat(events.statusCode()).isEqualTo(200);
      for (AuditKind kind : AuditKind.values()) {
        assertThat(events.body()).contains("\"kind\":\"" + kind.wireName() + "\"");
      }
      assertThat(events.body())
          .contains("\"actor\":\"reader\"", "\"ip\":\"127.0.0.1\"", "pg_[redacted]")
          .doesNotContain(reader)
          .doesNotContain(cookie);
      try (Connection c = server.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT actor, ip, detail FROM audit_events")) {
        while (rs.next()) {
          assertThat(rs.getString(1) + rs.getString(2) + rs.getString(3))
              .doesNotContain(reader.substring(3))
              .doesNotContain(cookie);
        }
      }
    }
  }

  @Test
  void every_response_carries_the_security_headers() {
    try (BridgeServer server = start(generous())) {
      ApiCaller api = new ApiCaller(server.port());
      HttpResponse<String> health = api.get("/health", null);
      HttpResponse<String> refused = api.get("/api/runs", null);
      HttpResponse<String> missing = api.get("/nowhere", null);

      for (HttpResponse<String> response : List.of(health, refused, missing)) {
        assertThat(response.headers().firstValue("Content-Security-Policy"))
            .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
      }
      assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
          .contains("script-src 'self';", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(health.headers().firstValue("Cache-Control")).isEmpty();
    }
  }
}
