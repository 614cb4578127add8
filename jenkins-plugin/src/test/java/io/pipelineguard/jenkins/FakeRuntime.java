package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Diagnosis;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** A {@link GuardRuntime} double: scripted engine, manual timer, canned log, recorded effects. */
final class FakeRuntime implements GuardRuntime {
  Function<List<String>, Diagnosis> diagnoser;
  BiFunction<Diagnosis, GuardSituation, GuardDecision> planner;
  final List<List<String>> diagnosed = new ArrayList<>();
  final List<GuardSituation> situations = new ArrayList<>();
  final List<RepairOutcome> outcomes = new ArrayList<>();
  final List<Long> marksRead = new ArrayList<>();
  final List<Integer> maxLinesAsked = new ArrayList<>();
  final List<Duration> delays = new ArrayList<>();
  final List<Runnable> timerTasks = new ArrayList<>();
  int cancelled;
  final List<String> rollbacks = new ArrayList<>();
  IOException rollbackFailure;
  final List<GuardRecord> records = new ArrayList<>();
  final List<List<String>> cleaned = new ArrayList<>();
  IOException cleanFailure;
  java.util.function.Consumer<String> policyCheck = name -> {};
  List<String> logLines = List.of("compiling", "boom");
  long logEnd;
  long nowMillis = 1_000_000;

  FakeRuntime(
      Function<List<String>, Diagnosis> diagnoser,
      BiFunction<Diagnosis, GuardSituation, GuardDecision> planner) {
    this.diagnoser = diagnoser;
    this.planner = planner;
  }

  /** Returns a runtime whose engine is {@code engine}, its calls still recorded here. */
  static FakeRuntime around(GuardEngine engine) {
    FakeRuntime r = new FakeRuntime(engine::diagnose, engine::decide);
    r.outcomeSink = engine;
    return r;
  }

  /** Where outcomes go besides {@link #outcomes}; none when null. */
  GuardEngine outcomeSink;

  /** Runs the latest timer task, as the timer would once its delay elapsed. */
  void fireTimer() {
    timerTasks.remove(timerTasks.size() - 1).run();
  }

  @Override
  public GuardEngine engine() {
    return new GuardEngine() {
      @Override
      public Diagnosis diagnose(List<String> lines) {
        diagnosed.add(List.copyOf(lines));
        return diagnoser.apply(lines);
      }

      @Override
      public GuardDecision decide(Diagnosis diagnosis, GuardSituation situation) {
        situations.add(situation);
        return planner.apply(diagnosis, situation);
      }

      @Override
      public void recordOutcome(RepairOutcome outcome) {
        outcomes.add(outcome);
        if (outcomeSink != null) {
          outcomeSink.recordOutcome(outcome);
        }
      }

      @Override
      public void recordBuild(FinishedBuild build) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void checkPolicy(String name) {
        policyCheck.accept(name);
      }
    };
  }

  @Override
  public Clock clock() {
    return Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
  }

  @Override
  public BuildLog log() {
    return new BuildLog() {
      @Override
      public long mark(StepContext context) {
        return logEnd;
      }

      @Override
      public List<String> linesSince(StepContext context, long mark, int maxLines) {
        marksRead.add(mark);
        maxLinesAsked.add(maxLines);
        return logLines;
      }
    };
  }

  @Override
  public Scheduler scheduler() {
    return (delay, task) -> {
      delays.add(delay);
      timerTasks.add(task);
      return () -> {
        cancelled++;
        timerTasks.remove(task);
      };
    };
  }

  @Override
  public RollbackLauncher rollbacks() {
    return (context, job, parameters) -> {
      if (rollbackFailure != null) {
        throw rollbackFailure;
      }
      rollbacks.add(job + " " + parameters);
      return job + " (queued)";
    };
  }

  @Override
  public Reporter reporter() {
    return (context, record) -> records.add(record);
  }

  @Override
  public WorkspaceCleaner workspace() {
    return (context, paths) -> {
      if (cleanFailure != null) {
        throw cleanFailure;
      }
      cleaned.add(List.copyOf(paths));
      return "deleted " + paths;
    };
  }

  /** Returns the parameters as the fake launcher prints them. */
  static String params(Map<String, String> p) {
    return p.toString();
  }
}
