package io.pipelineguard.bridge.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the OpenAPI 3.0.3 description of the bridge from its {@link ApiRoute} list, so every route
 * (whoever adds it) is described: path, method, summary, path parameters, and for protected routes
 * the required permission ({@code x-permission}) and the {@code ApiKeyAuth} security requirement
 * (header {@code X-API-Key}). Costs O(routes); built on each request.
 */
final class OpenApiDocument {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}|<([^>]+)>");

  /** Paging parameters of every list. */
  private static final List<Map<String, Object>> PAGING =
      List.of(
          query("limit", "integer", "page size, 1..100 (default 20)"),
          query("cursor", "string", "next_cursor of the previous page"));

  /**
   * Query parameters of known GET routes (an {@link ApiRoute} does not declare them); routes not
   * listed are described without query parameters.
   */
  private static final Map<String, List<Map<String, Object>>> QUERY_PARAMETERS =
      Map.of(
          "/api/runs",
          PAGING,
          "/api/deliveries",
          PAGING,
          "/api/diagnoses",
          concat(
              PAGING,
              query("category", "string", "taxonomy category wire name"),
              query("pipeline_id", "string", "platform:pipeline")),
          "/api/repairs",
          concat(
              PAGING, query("state", "string", "planned, held, running, succeeded, failed, ...")));

  private OpenApiDocument() {}

  /** Returns the description as a JSON-ready tree. */
  static Map<String, Object> build(List<ApiRoute> routes, String version) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put(
        "info",
        Map.of(
            "title",
            "Pipeline Guard API",
            "version",
            version,
            "description",
            "Self-healing guard for CI/CD pipelines. Errors are {\"error\": \"message\"}."));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (ApiRoute route : routes) {
      String path = openApiPath(route.path());
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(path, p -> new LinkedHashMap<>());
      item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    doc.put("paths", paths);
    doc.put(
        "components",
        Map.of(
            "securitySchemes",
            Map.of("ApiKeyAuth", Map.of("type", "apiKey", "in", "header", "name", "X-API-Key"))));
    return doc;
  }

  private static Map<String, Object> operation(ApiRoute route) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", route.summary());
    op.put(
        "operationId",
        route.method().name().toLowerCase(Locale.ROOT)
            + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
    List<Map<String, Object>> parameters = new ArrayList<>();
    Matcher m = PATH_PARAM.matcher(route.path());
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      parameters.add(
          Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
    }
    if (route.method().name().equals("GET")) {
      parameters.addAll(QUERY_PARAMETERS.getOrDefault(route.path(), List.of()));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", Map.of("description", "OK"));
    responses.put("400", Map.of("description", "bad parameter or body"));
    if (!route.isPublic()) {
      responses.put("401", Map.of("description", "no or unknown credentials"));
      responses.put("403", Map.of("description", "credentials without " + route.permission()));
      op.put("security", List.of(Map.of("ApiKeyAuth", List.of())));
      op.put("x-permission", route.permission().value());
    }
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> query(String name, String type, String description) {
    return Map.of(
        "name",
        name,
        "in",
        "query",
        "required",
        false,
        "description",
        description,
        "schema",
        Map.of("type", type));
  }

  @SafeVarargs
  private static List<Map<String, Object>> concat(
      List<Map<String, Object>> base, Map<String, Object>... more) {
    List<Map<String, Object>> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return List.copyOf(out);
  }

  /** Returns the OpenAPI form of a Javalin path ({@code <p>} becomes {@code {p}}). */
  static String openApiPath(String javalinPath) {
    return javalinPath.replaceAll("<([^>]+)>", "{$1}");
  }
}
