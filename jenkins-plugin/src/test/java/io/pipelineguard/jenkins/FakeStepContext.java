package io.pipelineguard.jenkins;

import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A {@link StepContext} double: records the bodies started (their callbacks), the step's result and
 * the console log. Serializable like the real one; the log text is kept across serialization.
 */
final class FakeStepContext extends StepContext {
  private static final long serialVersionUID = 1L;

  final List<BodyExecutionCallback> bodies = new ArrayList<>();
  Object result;
  Throwable failure;
  int completions;
  private String logSoFar = "";
  private transient ByteArrayOutputStream log;

  /** Makes the latest body fail with {@code t}, as Pipeline would. */
  void failBody(Throwable t) {
    lastBody().onFailure(this, t);
  }

  /** Makes the latest body pass with {@code value}. */
  void passBody(Object value) {
    lastBody().onSuccess(this, value);
  }

  BodyExecutionCallback lastBody() {
    return bodies.get(bodies.size() - 1);
  }

  String log() {
    return logSoFar + (log == null ? "" : log.toString(StandardCharsets.UTF_8));
  }

  boolean done() {
    return completions > 0;
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    logSoFar = log();
    log = null;
    out.defaultWriteObject();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(Class<T> key) {
    if (key == TaskListener.class) {
      if (log == null) {
        log = new ByteArrayOutputStream();
      }
      PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8);
      return (T) (TaskListener) () -> ps;
    }
    return null;
  }

  @Override
  public void onSuccess(Object result) {
    this.result = result;
    completions++;
  }

  @Override
  public void onFailure(Throwable t) {
    this.failure = t;
    completions++;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public ListenableFuture<Void> saveState() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setResult(Result r) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BodyInvoker newBodyInvoker() {
    return new BodyInvoker() {
      private BodyExecutionCallback callback;

      @Override
      public BodyInvoker withContext(Object override) {
        return this;
      }

      @Override
      public BodyInvoker withDisplayName(String name) {
        return this;
      }

      @Override
      public BodyInvoker withCallback(BodyExecutionCallback callback) {
        this.callback = callback;
        return this;
      }

      @Override
      public BodyExecution start() {
        bodies.add(callback);
        return new FakeBodyExecution();
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** A body that is always running: completion comes from the test through the callback. */
  private static final class FakeBodyExecution extends BodyExecution {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<StepExecution> getCurrentExecutions() {
      return List.of();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }
  }
}
