package io.pipelineguard.bridge.notify;

import io.pipelineguard.bridge.config.EmailConfig;
import io.pipelineguard.bridge.monitor.PipelineUpdate;
import io.pipelineguard.bridge.monitor.PipelineUpdateListener;
import io.pipelineguard.bridge.store.RegisteredPipeline;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert e-mails over SMTP to a registered pipeline's {@code alert_email}: one mail for the
 * alerts an update raised and one for those it resolved ({@link AlertMailComposer}).
 *
 * <p>{@link #pipelineUpdated} never blocks the delivery worker that calls it: it only offers the
 * update to a bounded queue ({@value #DEFAULT_QUEUE_CAPACITY} by default) and, when the queue is
 * full, drops it and counts it. One daemon thread drains the queue: it looks the pipeline up,
 * composes and sends. A mail the SMTP server refuses, or that times out, is logged (without the
 * password), counted and retried once after {@link #DEFAULT_RETRY_DELAY}; a second failure gives it
 * up. {@link #close()} stops taking updates and lets the thread drain what is queued for at most a
 * short timeout. Each mail costs one SMTP connection (bounded by {@code timeout_seconds}).
 */
public final class AlertMailer implements PipelineUpdateListener, AutoCloseable {
  /** Updates waiting to be mailed before new ones are dropped. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;

  /** How long a failed mail waits before its one retry. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(60);

  /** How long {@link #close()} waits for the queue to drain. */
  public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(AlertMailer.class);
  private static final long POLL_MILLIS = 200;

  private final EmailConfig config;
  private final Function<String, Optional<RegisteredPipeline>> pipelines;
  private final AlertMailComposer composer;
  private final Clock clock;
  private final Duration retryDelay;
  private final Session session;
  private final InternetAddress from;
  private final BlockingQueue<PipelineUpdate> queue;
  private final Deque<Retry> retries = new ArrayDeque<>();
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;

  /**
   * Creates the mailer with the default queue capacity and retry delay and starts its thread.
   *
   * @param config the enabled {@code notifications.email} section
   * @param pipelines looks a registered pipeline up by id (called on the mailer's thread)
   * @param clock dates the mails and schedules retries
   */
  public AlertMailer(
      EmailConfig config, Function<String, Optional<RegisteredPipeline>> pipelines, Clock clock) {
    this(config, pipelines, clock, DEFAULT_QUEUE_CAPACITY, DEFAULT_RETRY_DELAY);
  }

  /**
   * Creates the mailer and starts its thread.
   *
   * @param queueCapacity updates waiting before new ones are dropped, at least 1
   * @param retryDelay how long a failed mail waits before its one retry
   */
  public AlertMailer(
      EmailConfig config,
      Function<String, Optional<RegisteredPipeline>> pipelines,
      Clock clock,
      int queueCapacity,
      Duration retryDelay) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    if (!config.enabled()) {
      throw new IllegalArgumentException("notifications.email.enabled is false");
    }
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay must not be null");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
    }
    this.composer = new AlertMailComposer(clock, config.dashboardUrl());
    this.session = Session.getInstance(smtpProperties(config));
    try {
      this.from = new InternetAddress(config.from(), true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException(
          "notifications.email.from is not a valid e-mail address: '" + config.from() + "'", e);
    }
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.thread = new Thread(this::drain, "alert-mailer");
    thread.setDaemon(true);
    thread.start();
  }

  private static Properties smtpProperties(EmailConfig config) {
    String timeout = Long.toString(config.timeoutSeconds() * 1000L);
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", config.smtpHost());
    p.put("mail.smtp.port", Integer.toString(config.smtpPort()));
    p.put("mail.smtp.connectiontimeout", timeout);
    p.put("mail.smtp.timeout", timeout);
    p.put("mail.smtp.writetimeout", timeout);
    p.put("mail.smtp.starttls.enable", Boolean.toString(config.starttls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(config.starttls()));
    p.put("mail.smtp.auth", Boolean.toString(!config.username().isEmpty()));
    return p;
  }

  /** Queues the update if it changed alerts; drops and counts it when the queue is full. */
  @Override
  public void pipelineUpdated(PipelineUpdate update) {
    if (!update.alertsChanged()) {
      return;
    }
    if (!accepting.get() || !queue.offer(update)) {
      long n = dropped.incrementAndGet();
      LOG.warn("Alert mail queue full or closed: update of a pipeline dropped ({} so far)", n);
    }
  }

  /** Returns the mails the SMTP server accepted. */
  public long sentCount() {
    return sent.get();
  }

  /** Returns the failed send attempts (a mail retried and failing again counts twice). */
  public long failedCount() {
    return failed.get();
  }

  /** Returns the updates dropped because the queue was full or the mailer closed. */
  public long droppedCount() {
    return dropped.get();
  }

  /** Returns the updates waiting in the queue. */
  public int queued() {
    return queue.size();
  }

  /**
   * Stops taking updates and waits at most {@link #DRAIN_TIMEOUT} for the queued ones to be sent;
   * what is left (and any pending retry) is given up. Safe to call more than once.
   */
  @Override
  public void close() {
    if (!accepting.compareAndSet(true, false)) {
      return;
    }
    try {
      thread.join(DRAIN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      thread.interrupt();
      LOG.warn("Alert mailer stopped with {} updates not mailed", queue.size());
    }
  }

  private void drain() {
    while (accepting.get() || !queue.isEmpty()) {
      PipelineUpdate update;
      try {
        update = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (update != null) {
        mail(update);
      }
      retryDue();
    }
    if (!retries.isEmpty()) {
      LOG.warn("Alert mailer stopped with {} mails awaiting a retry", retries.size());
    }
  }

  private void mail(PipelineUpdate update) {
    Optional<RegisteredPipeline> pipeline;
    try {
      pipeline = pipelines.apply(update.pipelineId());
    } catch (RuntimeException e) {
      LOG.warn("Alert mail skipped: cannot look the pipeline up: {}", e.toString());
      return;
    }
    if (pipeline.isEmpty()) {
      return;
    }
    for (AlertMail mail : composer.compose(pipeline.get(), update)) {
      if (!send(mail)) {
        retries.addLast(new Retry(mail, clock.instant().plus(retryDelay)));
      }
    }
  }

  private void retryDue() {
    Instant now = clock.instant();
    while (!retries.isEmpty() && !retries.peekFirst().due().isAfter(now)) {
      Retry retry = retries.removeFirst();
      if (!send(retry.mail())) {
        LOG.warn("Alert mail to {} given up after a retry", retry.mail().recipient());
      }
    }
  }

  /** Sends one mail; returns false (after logging and counting) when it failed. */
  private boolean send(AlertMail mail) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(from);
      message.setRecipients(
          Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.body(), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      if (config.username().isEmpty()) {
        Transport.send(message);
      } else {
        Transport.send(message, config.username(), config.password().reveal());
      }
      sent.incrementAndGet();
      return true;
    } catch (MessagingException | RuntimeException e) {
      long n = failed.incrementAndGet();
      LOG.warn(
          "Alert mail to {} via {}:{} failed ({} failures so far): {}",
          mail.recipient(),
          config.smtpHost(),
          config.smtpPort(),
          n,
          e.toString());
      return false;
    }
  }

  private record Retry(AlertMail mail, Instant due) {}
}
