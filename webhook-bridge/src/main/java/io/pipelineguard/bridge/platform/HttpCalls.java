package io.pipelineguard.bridge.platform;

import io.pipelineguard.bridge.config.PlatformApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Plain JDK HTTP calls for the routes the client libraries lack (and for Azure DevOps and Jenkins):
 * 10 s to connect, 60 s per request, redirects followed, error bodies cut to 500 characters so a
 * message never carries a whole page. Thread-safe.
 */
final class HttpCalls {
  /**
   * Returns the {@code Authorization} header value for basic auth with the API's user and token.
   */
  static String basicAuthorization(PlatformApi api) {
    String credentials = api.username() + ":" + api.token().reveal();
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_ERROR_CHARS = 500;

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** Sends a request and returns the status and body as text, failing on a non-2xx status. */
  String send(String method, String url, Map<String, String> headers, String body)
      throws IOException {
    HttpRequest.Builder request = request(url, headers);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<InputStream> response = exchange(request.build());
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(1 << 20);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (response.statusCode() / 100 != 2) {
        throw new IOException(failure(method, url, response.statusCode(), text));
      }
      return text;
    }
  }

  /** GETs {@code url} and copies at most {@code maxBytes} of the body to a temporary file. */
  FetchedLog download(String url, Map<String, String> headers, long maxBytes) throws IOException {
    HttpResponse<InputStream> response = exchange(request(url, headers).GET().build());
    try (InputStream in = response.body()) {
      if (response.statusCode() / 100 != 2) {
        String text = new String(in.readNBytes(MAX_ERROR_CHARS), StandardCharsets.UTF_8);
        throw new IOException(failure("GET", url, response.statusCode(), text));
      }
      return FetchedLog.copy(in, maxBytes);
    }
  }

  private static HttpRequest.Builder request(String url, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
    headers.forEach(request::header);
    return request;
  }

  private HttpResponse<InputStream> exchange(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + request.uri(), e);
    }
  }

  private static String failure(String method, String url, int status, String body) {
    String cut = body.length() > MAX_ERROR_CHARS ? body.substring(0, MAX_ERROR_CHARS) : body;
    return method + " " + url + " answered " + status + ": " + cut.strip();
  }
}
