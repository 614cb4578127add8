package io.pipelineguard.jenkins;

import hudson.model.Action;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * What the guards of one build diagnosed and did, shown on the build page ({@code summary.jelly})
 * and at {@code <build>/pipeline-guard/}. Persisted with the build by XStream.
 */
public final class GuardBuildAction implements Action {
  /** Most records kept per build; guards in loops cannot grow a build.xml without bound. */
  static final int MAX_RECORDS = 200;

  private final List<GuardRecord> records = new ArrayList<>();

  /** Returns the build's action, adding an empty one first if there is none. */
  static GuardBuildAction of(Run<?, ?> run) {
    synchronized (run) {
      GuardBuildAction action = run.getAction(GuardBuildAction.class);
      if (action == null) {
        action = new GuardBuildAction();
        run.addAction(action);
      }
      return action;
    }
  }

  /** Appends a record, dropping the oldest beyond {@link #MAX_RECORDS}. */
  synchronized void add(GuardRecord record) {
    records.add(record);
    if (records.size() > MAX_RECORDS) {
      records.remove(0);
    }
  }

  /** Returns a copy of the records, oldest first. */
  public synchronized List<GuardRecord> getRecords() {
    return List.copyOf(records);
  }

  @Override
  public String getIconFileName() {
    return "symbol-search";
  }

  @Override
  public String getDisplayName() {
    return "Pipeline Guard";
  }

  @Override
  public String getUrlName() {
    return "pipeline-guard";
  }
}
