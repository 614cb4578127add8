package io.pipelineguard.diagnosis.learn;

import io.pipelineguard.diagnosis.Category;
import java.util.List;
import java.util.Objects;

/**
 * A failure whose category is known (from a labelled corpus, from feedback or from a repair
 * outcome), described by the evidence templates the diagnoser extracts.
 *
 * @param id an identifier for reports (e.g. a record or job id)
 * @param templates masked templates of the failure's most telling lines, most telling first
 * @param category the known category
 */
public record LabelledFailure(String id, List<String> templates, Category category) {
  /** Copies the list and rejects nulls. */
  public LabelledFailure {
    Objects.requireNonNull(id, "id");
    templates = List.copyOf(templates);
    Objects.requireNonNull(category, "category");
  }
}
