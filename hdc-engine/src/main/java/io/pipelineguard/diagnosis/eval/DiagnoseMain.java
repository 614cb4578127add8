package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.DiagnosisReport;
import io.pipelineguard.diagnosis.EvidenceLine;
import io.pipelineguard.diagnosis.LineSpan;
import io.pipelineguard.diagnosis.LogSource;
import io.pipelineguard.diagnosis.knowledge.KnowledgeBase;
import io.pipelineguard.internal.json.JsonWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Development entry point of {@code pipeline-guard diagnose LOG [--pass-log LOG] [--json] [--rules
 * FILE]}: diagnoses one log and prints the result for a person, or as one JSON object.
 */
public final class DiagnoseMain {
  private DiagnoseMain() {}

  /** Runs the command; exit code 0 on success, 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path log = null;
    Path pass = null;
    boolean json = false;
    List<Path> rules = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--json")) {
        json = true;
      } else if (a.equals("--pass-log") && i + 1 < args.length) {
        pass = Path.of(args[++i]);
      } else if (a.equals("--rules") && i + 1 < args.length) {
        rules.add(Path.of(args[++i]));
      } else if (!a.startsWith("--") && log == null) {
        log = Path.of(a);
      } else {
        err.println("unknown or incomplete argument: " + a);
        log = null;
        break;
      }
    }
    if (log == null) {
      err.println("usage: diagnose LOG [--pass-log LOG] [--json] [--rules FILE]...");
      return 2;
    }
    try {
      for (Path file : pass == null ? List.of(log) : List.of(log, pass)) {
        if (Files.isDirectory(file)) {
          err.println("not a log file but a directory: " + file);
          return 1;
        }
        if (!Files.isReadable(file)) {
          err.println("cannot read log: " + file);
          return 1;
        }
      }
      KnowledgeBase kb = EvalMain.withRules(KnowledgeBase.builtIn(), rules);
      Diagnoser diagnoser = Diagnoser.builder().knowledge(kb).build();
      DiagnosisReport report =
          diagnoser.diagnose(LogSource.of(log), pass == null ? null : LogSource.of(pass));
      out.println(json ? renderJson(report) : renderText(report));
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("diagnose failed: " + e.getMessage());
      return 1;
    }
  }

  /** Renders the report for a person. */
  public static String renderText(DiagnosisReport report) {
    Diagnosis d = report.diagnosis();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s  %s  confidence %.2f  signature %s%s%n",
            d.category().wireName(),
            d.transientFailure()
                ? "transient (retry may help)"
                : "deterministic (retry won't help)",
            d.confidence(),
            d.signature(),
            d.novel() ? "" : "  (seen before)"));
    sb.append(d.explanation()).append(System.lineSeparator());
    int previous = -1;
    for (EvidenceLine l : report.lines()) {
      if (previous >= 0 && l.number() > previous + 1) {
        sb.append("  ...").append(System.lineSeparator());
      }
      sb.append(String.format(Locale.ROOT, "%7d | %s%n", l.number(), l.text()));
      previous = l.number();
    }
    return sb.toString().stripTrailing();
  }

  /** Renders the report as one JSON object. */
  public static String renderJson(DiagnosisReport report) {
    Diagnosis d = report.diagnosis();
    StringBuilder sb = new StringBuilder();
    sb.append("{\"category\":");
    JsonWriter.quote(sb, d.category().wireName());
    sb.append(",\"transient\":").append(d.transientFailure());
    sb.append(",\"confidence\":").append(String.format(Locale.ROOT, "%.3f", d.confidence()));
    sb.append(",\"signature\":");
    JsonWriter.quote(sb, d.signature());
    sb.append(",\"novel\":").append(d.novel());
    sb.append(",\"explanation\":");
    JsonWriter.quote(sb, d.explanation());
    sb.append(",\"evidence\":[");
    for (int i = 0; i < d.evidence().size(); i++) {
      LineSpan s = d.evidence().get(i);
      sb.append(i == 0 ? "" : ",").append('[').append(s.first()).append(',').append(s.last());
      sb.append(']');
    }
    sb.append("],\"lines\":[");
    for (int i = 0; i < report.lines().size(); i++) {
      EvidenceLine l = report.lines().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"line\":").append(l.number()).append(",\"text\":");
      JsonWriter.quote(sb, l.text());
      sb.append('}');
    }
    sb.append("],\"rules\":[");
    for (int i = 0; i < report.ruleHits().size(); i++) {
      var h = report.ruleHits().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"rule\":");
      JsonWriter.quote(sb, h.ruleId());
      sb.append(",\"category\":");
      JsonWriter.quote(sb, h.category().wireName());
      sb.append(",\"line\":").append(h.line());
      sb.append(",\"weight\":").append(String.format(Locale.ROOT, "%.2f", h.weight())).append('}');
    }
    sb.append("],\"nearest\":[");
    for (int i = 0; i < report.nearest().size(); i++) {
      var m = report.nearest().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"label\":");
      JsonWriter.quote(sb, m.label());
      sb.append(",\"similarity\":").append(String.format(Locale.ROOT, "%.3f", m.similarity()));
      sb.append('}');
    }
    return sb.append("]}").toString();
  }
}
