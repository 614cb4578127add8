package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.SecurityConfig;
import io.pipelineguard.bridge.security.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every declared route (so routes added later are covered) with no key and with a key of each
 * role, through the real server and store.
 */
class PermissionMatrixTest {
  @TempDir Path dataDir;

  @Test
  void every_route_answers_each_role_as_its_permission_says() {
    SecurityConfig generous =
        SecurityConfig.builder().requestsPerMinute(100_000).requestsPerHour(1_000_000).build();
    try (BridgeServer server =
        new BridgeServer(
                WebhookClient.config(dataDir).security(generous).build(), Clock.systemUTC(), null)
            .start()) {
      ApiCaller api = new ApiCaller(server.port());
      Map<Role, String> keys = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        keys.put(role, api.createKey(WebhookClient.ADMIN_KEY, role.wireName(), role.wireName()));
      }
      Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      for (ApiRoute route : server.routes()) {
        String method = route.method().name();
        String path =
            route.path().replace("{platform}", "github").replaceAll("\\{[^}]+\\}", "999999");
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        String label = method + " " + route.path();
        Map<String, Integer> row = new LinkedHashMap<>();
        row.put("none", api.call(method, path, null, null, body).statusCode());
        for (Role role : Role.values()) {
          row.put(role.wireName(), api.call(method, path, keys.get(role), null, body).statusCode());
        }
        matrix.put(label, row);
        check(route, label, row, problems);
      }

      assertThat(problems).as("matrix: %s", matrix).isEmpty();
      assertThat(matrix).containsKeys("GET /health", "GET /api/audit", "DELETE /api/keys/{id}");
      // An explicit table, so the test does not only mirror Role.
      assertThat(matrix.get("GET /health"))
          .containsEntry("none", 200)
          .containsEntry("readonly", 200);
      assertThat(matrix.get("GET /api/audit"))
          .containsEntry("none", 401)
          .containsEntry("readonly", 403)
          .containsEntry("operator", 403)
          .containsEntry("admin", 200)
          .containsEntry("superuser", 200);
      assertThat(matrix.get("GET /api/runs"))
          .containsEntry("readonly", 403)
          .containsEntry("operator", 200)
          .containsEntry("admin", 200);
      assertThat(matrix.get("POST /api/keys"))
          .containsEntry("readonly", 403)
          .containsEntry("operator", 403)
          .containsEntry("admin", 400)
          .containsEntry("superuser", 400);
      assertThat(matrix.get("GET /api/keys"))
          .containsEntry("operator", 403)
          .containsEntry("admin", 200);
      assertThat(matrix.get("DELETE /api/keys/{id}"))
          .containsEntry("none", 401)
          .containsEntry("operator", 403)
          .containsEntry("admin", 404);
      assertThat(matrix.get("GET /api/session"))
          .containsEntry("none", 401)
          .containsEntry("readonly", 200)
          .containsEntry("superuser", 200);
      assertThat(matrix.get("POST /api/session")).containsEntry("none", 400);
      assertThat(matrix.get("POST /webhooks/{platform}")).containsEntry("none", 401);
    }
  }

  private static void check(
      ApiRoute route, String label, Map<String, Integer> row, List<String> problems) {
    if (route.isPublic()) {
      // Public routes never look at API keys: the same answer whatever is sent, never 403, and
      // 401 only from webhook intake, which checks each platform's own secret.
      if (row.values().stream().distinct().count() != 1) {
        problems.add(label + " depends on the API key: " + row);
      }
      int status = row.get("none");
      if (status == 403 || (status == 401 && !route.path().startsWith("/webhooks/"))) {
        problems.add(label + " is public but answered " + status);
      }
      return;
    }
    if (row.get("none") != 401) {
      problems.add(label + " without a key answered " + row.get("none"));
    }
    for (Role role : Role.values()) {
      int status = row.get(role.wireName());
      boolean allowed = role.grants(route.permission());
      if (allowed && (status == 401 || status == 403)) {
        problems.add(label + " refused " + role.wireName() + ": " + status);
      }
      if (!allowed && status != 403) {
        problems.add(label + " gave " + role.wireName() + " " + status + " instead of 403");
      }
    }
  }
}
