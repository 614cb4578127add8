package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.LearnedPrototypes;
import io.pipelineguard.diagnosis.PrototypeMatch;
import java.util.List;

/**
 * A stand-in for learned prototypes that records the templates the diagnoser queries with and votes
 * for nothing, so learning uses exactly the templates that a later query will use. One diagnosis at
 * a time (dev tooling; not thread-safe).
 */
final class TemplateCapture implements LearnedPrototypes {
  private List<String> last = List.of();

  /** Returns and clears the templates of the last query (empty when there was none). */
  List<String> take() {
    List<String> t = last;
    last = List.of();
    return t;
  }

  @Override
  public List<PrototypeMatch> nearest(List<String> templates, int k) {
    last = List.copyOf(templates);
    return List.of();
  }

  @Override
  public void learn(List<String> templates, Category category) {
    throw new UnsupportedOperationException("a capture learns nothing");
  }

  @Override
  public boolean isEmpty() {
    return false;
  }
}
