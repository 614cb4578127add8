package io.pipelineguard.bridge.server;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: API calls with a key or a session cookie, and reading small JSON answers. */
final class ApiCaller {
  private final WebhookClient client;
  private final int port;

  ApiCaller(int port) {
    this.port = port;
    this.client = new WebhookClient(port);
  }

  HttpResponse<String> call(String method, String path, String key, String cookie, String body) {
    return call(method, path, key, cookie, body, java.util.Map.of());
  }

  /** Calls with extra request headers (e.g. {@code Origin}). */
  HttpResponse<String> call(
      String method,
      String path,
      String key,
      String cookie,
      String body,
      java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (cookie != null) {
      request.header("Cookie", "pg_session=" + cookie);
    }
    headers.forEach(request::header);
    return client.send(request);
  }

  HttpResponse<String> get(String path, String key) {
    return call("GET", path, key, null, null);
  }

  /** Creates a key through the API with {@code creator} and returns the secret. */
  String createKey(String creator, String name, String role) {
    HttpResponse<String> response =
        call(
            "POST",
            "/api/keys",
            creator,
            null,
            "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
    if (response.statusCode() != 201) {
      throw new AssertionError("key creation failed: " + response.statusCode() + response.body());
    }
    return field(response.body(), "key");
  }

  /** Returns the string value of {@code name} in a flat JSON answer. */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }

  /** Returns the session token of a Set-Cookie answer. */
  static String sessionCookie(HttpResponse<String> response) {
    String header = response.headers().firstValue("Set-Cookie").orElseThrow();
    Matcher m = Pattern.compile("pg_session=([^;]*)").matcher(header);
    if (!m.find()) {
      throw new AssertionError("no session cookie in " + header);
    }
    return m.group(1);
  }
}
