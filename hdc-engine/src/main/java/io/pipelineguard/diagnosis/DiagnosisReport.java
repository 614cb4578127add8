package io.pipelineguard.diagnosis;

import io.pipelineguard.diagnosis.log.ReadResult;
import java.util.List;
import java.util.Map;

/**
 * A diagnosis with everything that explains it: the evidence lines' text, the category scores, the
 * rules that voted and the nearest learned prototypes.
 *
 * @param diagnosis the decision
 * @param lines the evidence lines shown, in line order
 * @param scores category scores before calibration (higher is stronger)
 * @param ruleHits the strongest rule votes, strongest first (at most 10)
 * @param nearest nearest learned prototypes, most similar first (empty when none learned)
 * @param evidenceTemplates masked templates of the evidence's most telling lines (for learning)
 * @param read what reading the failing log produced (lines, bytes, truncation)
 * @param passBytes uncompressed bytes read of the passing log (0 when none was given)
 */
public record DiagnosisReport(
    Diagnosis diagnosis,
    List<EvidenceLine> lines,
    Map<Category, Double> scores,
    List<RuleHit> ruleHits,
    List<PrototypeMatch> nearest,
    List<String> evidenceTemplates,
    ReadResult read,
    long passBytes) {

  /** Copies the lists. */
  public DiagnosisReport {
    lines = List.copyOf(lines);
    scores = Map.copyOf(scores);
    ruleHits = List.copyOf(ruleHits);
    nearest = List.copyOf(nearest);
    evidenceTemplates = List.copyOf(evidenceTemplates);
  }
}
