package io.pipelineguard.jenkins;

import hudson.Extension;
import hudson.model.ManagementLink;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * Manage Jenkins → Pipeline Guard ({@code /manage/pipeline-guard/}): job health, recent diagnoses,
 * repairs and their outcomes, the administrator's failure rules (add, delete, test against pasted
 * text) and feedback on a diagnosis. Administrators only: the view checks {@code ADMINISTER} and so
 * does every web method (ManagementLink's nested {@code Category} shadows the taxonomy's here,
 * hence {@link Categories}); every change requires POST (and so Jenkins' crumb).
 */
@Extension
public final class GuardManagementLink extends ManagementLink {

  /** Created by Jenkins (extension index). */
  public GuardManagementLink() {}

  @Override
  public String getIconFileName() {
    return "symbol-analytics";
  }

  @Override
  public String getUrlName() {
    return "pipeline-guard";
  }

  @Override
  public String getDisplayName() {
    return "Pipeline Guard";
  }

  @Override
  public String getDescription() {
    return "Job health, failure diagnoses, repairs and the failure rules of Pipeline Guard.";
  }

  @Override
  public ManagementLink.Category getCategory() {
    return ManagementLink.Category.STATUS;
  }

  /** Returns the jobs' health, worst first (for the view). */
  public List<GuardLedger.JobHealth> getJobs() {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return JenkinsGuardRuntime.get().ledger().jobs();
  }

  /** Returns the latest diagnoses, repairs and feedback, newest first (for the view). */
  public List<GuardLedger.Event> getEvents() {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return JenkinsGuardRuntime.get().ledger().recentEvents();
  }

  /** Returns the repair outcomes per category (for the view). */
  public List<GuardLedger.RepairStats> getRepairStats() {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return JenkinsGuardRuntime.get().ledger().repairStats();
  }

  /** Returns the administrator's rules (for the view). */
  public List<UserRule> getRules() {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return JenkinsGuardRuntime.get().rules().all();
  }

  /** Returns the categories' wire names (for the view's drop-downs). */
  public List<String> getCategories() {
    return Categories.wireNames();
  }

  /** Adds or replaces a rule: form fields {@code name}, {@code category}, {@code pattern}. */
  @RequirePOST
  public void doSaveRule(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    try {
      JenkinsGuardRuntime.get()
          .rules()
          .put(
              new UserRule(
                  req.getParameter("name"),
                  Categories.parse(req.getParameter("category")),
                  req.getParameter("pattern")));
    } catch (IllegalArgumentException | IllegalStateException e) {
      rsp.sendError(400, e.getMessage());
      return;
    }
    rsp.sendRedirect(".");
  }

  /** Deletes the rule named by form field {@code name}. */
  @RequirePOST
  public void doDeleteRule(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    JenkinsGuardRuntime.get().rules().remove(String.valueOf(req.getParameter("name")));
    rsp.sendRedirect(".");
  }

  /**
   * Tests a pattern (form field {@code pattern}) against pasted text ({@code text}); answers in
   * plain text with the matching line numbers. Changes nothing, but POST keeps pasted logs out of
   * URLs and access logs.
   */
  @RequirePOST
  public void doTestRule(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    rsp.setContentType("text/plain;charset=UTF-8");
    PrintWriter out = rsp.getWriter();
    String text = req.getParameter("text");
    try {
      UserRule probe =
          new UserRule(
              "probe", Categories.parse("unknown"), String.valueOf(req.getParameter("pattern")));
      out.println(RuleTestReport.format(probe.test(text == null ? "" : text)));
    } catch (IllegalArgumentException e) {
      rsp.setStatus(400);
      out.println("error: " + e.getMessage());
    }
  }

  /**
   * Records a correction of a diagnosis: form fields {@code signature}, {@code category} (the right
   * one) and an optional {@code note}. The engine learns from it when it still remembers that
   * failure (its recent diagnoses since the controller started); the ledger notes when it did not.
   */
  @RequirePOST
  public void doFeedback(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    String signature = req.getParameter("signature");
    if (signature == null || signature.isBlank() || signature.length() > 200) {
      rsp.sendError(400, "signature must be 1-200 characters");
      return;
    }
    String note = req.getParameter("note");
    io.pipelineguard.diagnosis.Category category;
    try {
      category = Categories.parse(req.getParameter("category"));
    } catch (IllegalArgumentException e) {
      rsp.sendError(400, e.getMessage());
      return;
    }
    JenkinsGuardRuntime runtime = JenkinsGuardRuntime.get();
    boolean learned;
    try {
      learned = runtime.engine().learnFeedback(signature.trim(), category);
    } catch (RuntimeException e) {
      rsp.sendError(500, "could not learn from the correction: " + e.getMessage());
      return;
    }
    String text = note == null ? "" : note;
    runtime
        .ledger()
        .recordFeedback(
            signature.trim(),
            category,
            learned
                ? text
                : (text + " (not learned: that failure is no longer remembered)").trim());
    rsp.sendRedirect(".");
  }
}
