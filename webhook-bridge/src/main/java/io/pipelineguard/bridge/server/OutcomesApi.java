package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.repair.RepairingFailureProcessor;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.repair.RepairContext;
import io.pipelineguard.repair.RepairStrategy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /api/outcomes}: repair outcomes from other doors (a Jenkins controller's guard steps,
 * configured with this bridge's URL and a key) teach the bridge's planner, so one team's learning
 * serves all its pipelines. Body: {@code {"platform":"jenkins","pipeline":"shop/main",
 * "job":"guard","signature":"..","category":"network","strategy":"retry_with_backoff",
 * "attempt":2,"succeeded":true}}; 201 when learned, 400 naming the bad field, 409 when no repair
 * loop runs here (no platform API configured: nothing plans, so nothing learns).
 */
final class OutcomesApi {
  private static final Set<String> FIELDS =
      Set.of(
          "platform",
          "pipeline",
          "job",
          "signature",
          "category",
          "strategy",
          "attempt",
          "succeeded");
  private static final Pattern NAME = Pattern.compile("[\\p{Graph} ]{1,512}");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9:/._-]{1,128}");

  private final RepairingFailureProcessor loop;

  /**
   * @param loop the repair loop whose planner learns, or null when none runs
   */
  OutcomesApi(RepairingFailureProcessor loop) {
    this.loop = loop;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.post(
            "/api/outcomes",
            Permissions.REPAIRS_EXECUTE,
            "Learn from a repair outcome shared by another door (e.g. a Jenkins guard)",
            this::learn));
  }

  void learn(Context ctx) throws IOException {
    JsonNode body = JsonBodies.object(ctx);
    JsonBodies.rejectUnknownFields(body, FIELDS);
    String platform = required(body, "platform", NAME).toLowerCase(Locale.ROOT);
    String pipeline = required(body, "pipeline", NAME);
    String job = required(body, "job", NAME);
    String signature = required(body, "signature", SIGNATURE);
    Category category =
        Category.fromWireName(required(body, "category", NAME))
            .orElseThrow(() -> bad("category must be a taxonomy category name, e.g. network"));
    RepairStrategy strategy = strategy(required(body, "strategy", NAME));
    JsonNode attempt = body.get("attempt");
    if (attempt == null
        || !attempt.isIntegralNumber()
        || attempt.asLong() < 1
        || attempt.asLong() > RepairContext.MAX_ATTEMPT) {
      throw bad("attempt must be an integer from 1 to " + RepairContext.MAX_ATTEMPT);
    }
    JsonNode succeeded = body.get("succeeded");
    if (succeeded == null || !succeeded.isBoolean()) {
      throw bad("succeeded must be true or false");
    }
    if (loop == null) {
      throw new HttpResponseException(
          HttpStatus.CONFLICT.getCode(),
          "no repair loop runs on this bridge (configure a platform API): outcomes are not learned");
    }
    RepairContext context =
        RepairContext.builder()
            .platform(platform)
            .pipeline(pipeline)
            .job(job)
            .attempt(attempt.asInt())
            .build();
    loop.learnOutcome(context, category, signature, strategy, succeeded.booleanValue());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("learned", true);
    answer.put("category", category.wireName());
    answer.put("strategy", strategy.wireName());
    ctx.status(HttpStatus.CREATED).json(answer);
  }

  private static RepairStrategy strategy(String name) {
    for (RepairStrategy s : RepairStrategy.values()) {
      boolean learnable = s.isRerun() || s == RepairStrategy.ROLLBACK;
      if (learnable && s.wireName().equals(name)) {
        return s;
      }
    }
    throw bad(
        "strategy must be one of retry_job, retry_failed_jobs, retry_with_backoff, clean_retry,"
            + " rollback");
  }

  private static String required(JsonNode body, String field, Pattern shape) {
    String value = JsonBodies.text(body, field);
    if (value == null || !shape.matcher(value).matches()) {
      throw bad(
          field
              + (shape == SIGNATURE
                  ? " is required: 1 to 128 letters, digits, ':', '/', '.', '_' or '-'"
                  : " is required: 1 to 512 printable characters"));
    }
    return value;
  }

  private static HttpResponseException bad(String message) {
    return new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(), message);
  }
}
