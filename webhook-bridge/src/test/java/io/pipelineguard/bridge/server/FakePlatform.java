package io.pipelineguard.bridge.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A stand-in for a CI platform's API on 127.0.0.1 (free port): answers routes registered as {@code
 * "METHOD /path"} with fixed bodies, records every call, and answers 404 to anything else.
 */
final class FakePlatform implements AutoCloseable {
  /** A canned answer. */
  record Answer(int status, String contentType, String body) {}

  private final HttpServer server;
  private final Map<String, Function<String, Answer>> routes = new ConcurrentHashMap<>();
  private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

  FakePlatform() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakePlatform json(String route, String body) {
    routes.put(route, request -> new Answer(200, "application/json", body));
    return this;
  }

  FakePlatform text(String route, String body) {
    routes.put(route, request -> new Answer(200, "text/plain", body));
    return this;
  }

  List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  long count(String route) {
    return calls().stream().filter(route::equals).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(route);
    Function<String, Answer> handler = routes.get(route);
    Answer answer =
        handler == null
            ? new Answer(404, "application/json", "{\"message\":\"Not Found\"}")
            : handler.apply(body);
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
