package io.pipelineguard.diagnosis;

import java.util.List;

/**
 * The learned part of the knowledge base: prototypes of failures learned from feedback and from
 * repair outcomes, searched by similarity. The diagnoser hands it the templates of a failure's
 * evidence lines.
 */
public interface LearnedPrototypes {
  /**
   * Returns up to {@code k} nearest prototypes, most similar first.
   *
   * @param templates masked templates of the failure's most telling lines, most telling first
   */
  List<PrototypeMatch> nearest(List<String> templates, int k);

  /** Learns that a failure with these evidence templates belongs to {@code category}. */
  void learn(List<String> templates, Category category);

  /** Returns whether nothing has been learned yet. */
  boolean isEmpty();
}
