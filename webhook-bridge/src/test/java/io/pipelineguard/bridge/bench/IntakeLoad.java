package io.pipelineguard.bridge.bench;

import io.pipelineguard.bridge.intake.GitHubWebhooks;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhook intake load generator (not a test): sends {@code requests} signed GitHub {@code
 * workflow_job} deliveries (the real failure sample, each with a fresh delivery id) from {@code
 * concurrency} threads to 127.0.0.1 only, then prints acknowledged deliveries per second and
 * latency percentiles. Usage: {@code IntakeLoad PORT SECRET REQUESTS CONCURRENCY}.
 */
public final class IntakeLoad {
  private IntakeLoad() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
    int requests = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    byte[] body;
    try (InputStream in =
        IntakeLoad.class.getResourceAsStream("/webhooks/github-workflow_job-failure.json")) {
      body = in.readAllBytes();
    }
    String signature = "sha256=" + GitHubWebhooks.hmacHex(secret, body);
    URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/github");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    String run = Long.toHexString(System.nanoTime());
    // Warm-up: 2,000 requests not counted.
    send(
        client,
        uri,
        body,
        signature,
        "warm-" + run,
        2000,
        concurrency,
        new long[2000],
        new AtomicInteger(),
        failures);
    failures.set(0);
    long start = System.nanoTime();
    send(client, uri, body, signature, run, requests, concurrency, latencies, next, failures);
    long elapsed = System.nanoTime() - start;
    Arrays.sort(latencies);
    System.out.printf(
        "requests=%d concurrency=%d failures=%d throughput=%.0f/s p50=%.2fms p99=%.2fms max=%.2fms body=%dB%n",
        requests,
        concurrency,
        failures.get(),
        requests / (elapsed / 1e9),
        latencies[requests / 2] / 1e6,
        latencies[(int) (requests * 0.99)] / 1e6,
        latencies[requests - 1] / 1e6,
        body.length);
  }

  private static void send(
      HttpClient client,
      URI uri,
      byte[] body,
      String signature,
      String prefix,
      int requests,
      int concurrency,
      long[] latencies,
      AtomicInteger next,
      AtomicInteger failures)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(concurrency);
    for (int t = 0; t < concurrency; t++) {
      new Thread(
              () -> {
                try {
                  int i;
                  while ((i = next.getAndIncrement()) < requests) {
                    HttpRequest request =
                        HttpRequest.newBuilder(uri)
                            .header("X-GitHub-Event", "workflow_job")
                            .header("X-GitHub-Delivery", prefix + "-" + i)
                            .header("X-Hub-Signature-256", signature)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response =
                        client.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 202) {
                      failures.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
  }
}
