package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.LineSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a diagnosis for a console log: one summary line, then a few evidence lines. */
final class DiagnosisText {
  /** Most evidence lines printed for one failure. */
  static final int MAX_EVIDENCE_LINES = 5;

  /** Longest evidence line printed; longer ones are cut. */
  static final int MAX_LINE_CHARS = 300;

  private DiagnosisText() {}

  /** Returns e.g. {@code network (transient, confidence 0.91): DNS lookup failed on line 12}. */
  static String summary(Diagnosis d) {
    return d.category().wireName()
        + " ("
        + (d.transientFailure() ? "transient" : "not transient")
        + ", confidence "
        + String.format(Locale.ROOT, "%.2f", d.confidence())
        + (d.novel() ? ", new failure" : "")
        + "): "
        + d.explanation();
  }

  /**
   * Returns the evidence lines, prefixed with their line number, at most {@link
   * #MAX_EVIDENCE_LINES}, each at most {@link #MAX_LINE_CHARS} characters.
   */
  static List<String> evidence(Diagnosis d, List<String> lines) {
    List<String> out = new ArrayList<>();
    for (LineSpan span : d.evidence()) {
      for (int n = span.first(); n <= span.last() && n <= lines.size(); n++) {
        if (out.size() == MAX_EVIDENCE_LINES) {
          return out;
        }
        String line = lines.get(n - 1);
        if (line.length() > MAX_LINE_CHARS) {
          line = line.substring(0, MAX_LINE_CHARS) + "...";
        }
        out.add("line " + n + ": " + line);
      }
    }
    return out;
  }
}
