package io.pipelineguard.bridge.notify;

import io.pipelineguard.bridge.monitor.PipelineUpdate;
import io.pipelineguard.bridge.store.RegisteredPipeline;
import io.pipelineguard.bridge.store.StoredAlert;
import io.pipelineguard.monitor.Alert;
import io.pipelineguard.monitor.AlertSeverity;
import io.pipelineguard.monitor.PipelineHealth;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the alert e-mails of one {@link PipelineUpdate}: one mail for the alerts it raised and,
 * separately, one for those it resolved. Times are written in UTC; the injected clock dates the
 * mail's footer. Pure and cheap: a few string builders per update.
 */
public final class AlertMailComposer {
  /** Longest subject written, in characters; longer ones end with an ellipsis. */
  public static final int MAX_SUBJECT_CHARS = 200;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final String dashboardUrl;

  /**
   * Creates a composer.
   *
   * @param clock dates the mails
   * @param dashboardUrl the dashboard's URL to link each pipeline's page from; empty for no link
   */
  public AlertMailComposer(Clock clock, String dashboardUrl) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.dashboardUrl = Objects.requireNonNull(dashboardUrl, "dashboardUrl must not be null");
  }

  /**
   * Returns the mails of {@code update} for {@code pipeline}: none when it has no alert address or
   * no alert changed, else one for the raised alerts and one for the resolved ones (when any).
   */
  public List<AlertMail> compose(RegisteredPipeline pipeline, PipelineUpdate update) {
    String to = pipeline.alertEmail();
    List<AlertMail> mails = new ArrayList<>(2);
    if (to == null || to.isBlank()) {
      return mails;
    }
    if (!update.raised().isEmpty()) {
      mails.add(mail(to.trim(), pipeline, update, update.raised(), true));
    }
    if (!update.resolved().isEmpty()) {
      mails.add(mail(to.trim(), pipeline, update, update.resolved(), false));
    }
    return mails;
  }

  private AlertMail mail(
      String to,
      RegisteredPipeline pipeline,
      PipelineUpdate update,
      List<StoredAlert> alerts,
      boolean raised) {
    List<StoredAlert> ordered = new ArrayList<>(alerts);
    ordered.sort(
        Comparator.comparing((StoredAlert a) -> a.alert().severity() != AlertSeverity.CRITICAL));
    Alert first = ordered.get(0).alert();
    String label = raised ? first.severity().wireName() : "resolved";
    String more = ordered.size() > 1 ? " (+" + (ordered.size() - 1) + " more)" : "";
    String subject =
        "[Pipeline Guard] " + label + ": " + displayName(pipeline) + " — " + message(first) + more;
    return new AlertMail(to, oneLine(subject), body(pipeline, update, ordered, raised));
  }

  private String body(
      RegisteredPipeline pipeline,
      PipelineUpdate update,
      List<StoredAlert> alerts,
      boolean raised) {
    StringBuilder b = new StringBuilder(512);
    b.append("Pipeline: ").append(displayName(pipeline));
    if (!pipeline.name().equals(pipeline.id())) {
      b.append(" (").append(pipeline.id()).append(')');
    }
    b.append('\n');
    b.append("Health: ").append(health(update.health())).append("\n\n");
    b.append(raised ? "Alerts raised:" : "Alerts resolved:").append('\n');
    for (StoredAlert stored : alerts) {
      Alert alert = stored.alert();
      b.append("- ")
          .append(alert.kind().wireName())
          .append(" (")
          .append(alert.severity().wireName())
          .append("): ")
          .append(message(alert))
          .append('\n');
      b.append("  value ")
          .append(number(alert.value()))
          .append(", threshold ")
          .append(number(alert.threshold()))
          .append(", raised at ")
          .append(time(stored.raisedAt()));
      if (!raised && stored.resolvedAt() != null) {
        b.append(", resolved at ").append(time(stored.resolvedAt()));
      }
      b.append('\n');
    }
    if (!dashboardUrl.isEmpty()) {
      b.append("\nDashboard: ").append(link(pipeline.id())).append('\n');
    }
    b.append("\n-- \nSent by Pipeline Guard at ").append(time(clock.instant())).append('\n');
    return b.toString();
  }

  private String link(String pipelineId) {
    String base = dashboardUrl.endsWith("/") ? dashboardUrl : dashboardUrl + "/";
    return base
        + "#/pipelines/"
        + URLEncoder.encode(pipelineId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String health(PipelineHealth health) {
    if (health == null) {
      return "unknown";
    }
    StringBuilder b = new StringBuilder(health.status().wireName());
    if (health.score() != null) {
      b.append(", score ").append(String.format(Locale.ROOT, "%.2f", health.score()));
    }
    b.append(" (")
        .append(health.runs())
        .append(" runs, ")
        .append(health.consecutiveFailures())
        .append(" failed in a row)");
    return b.toString();
  }

  /** Returns the alert's message without the engine's leading {@code "<pipeline id>: "}. */
  private static String message(Alert alert) {
    String prefix = alert.pipelineId() + ": ";
    return alert.message().startsWith(prefix)
        ? alert.message().substring(prefix.length())
        : alert.message();
  }

  private static String displayName(RegisteredPipeline pipeline) {
    return pipeline.name().isBlank() ? pipeline.id() : pipeline.name();
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static String time(Instant instant) {
    return instant == null ? "unknown" : TIME.format(instant);
  }

  /**
   * Returns {@code text} as one header-safe line: CR, LF and other control characters become
   * spaces, runs of spaces collapse, and it is cut to {@value #MAX_SUBJECT_CHARS} characters.
   */
  static String oneLine(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_SUBJECT_CHARS + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && b.length() <= MAX_SUBJECT_CHARS; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        if (!space && b.length() > 0) {
          b.append(' ');
        }
        space = true;
      } else {
        b.append(c);
        space = false;
      }
    }
    String line = b.toString().strip();
    return line.length() > MAX_SUBJECT_CHARS
        ? line.substring(0, MAX_SUBJECT_CHARS - 1) + "…"
        : line;
  }
}
