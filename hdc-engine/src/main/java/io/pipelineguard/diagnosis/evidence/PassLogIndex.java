package io.pipelineguard.diagnosis.evidence;

import io.pipelineguard.diagnosis.log.LineCleaner;
import io.pipelineguard.diagnosis.log.LineSink;
import io.pipelineguard.diagnosis.log.TemplateMasker;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Collects the distinct line templates of the last passing log of a job, so that lines of the
 * failing log whose template also occurs there can be discounted: they are rarely the cause.
 *
 * <p>Memory is bounded by {@code maxTemplates} templates of at most {@link
 * TemplateMasker#MAX_TEMPLATE} characters; templates beyond the bound are ignored. Not thread-safe.
 */
public final class PassLogIndex implements LineSink {
  private final LineCleaner cleaner = new LineCleaner();
  private final TemplateMasker masker = new TemplateMasker();
  private final Set<String> templates = new HashSet<>();
  private final int maxTemplates;

  /** Creates an index holding at most {@code maxTemplates} templates. */
  public PassLogIndex(int maxTemplates) {
    this.maxTemplates = maxTemplates;
  }

  @Override
  public void accept(int number, char[] chars, int length, boolean truncated) {
    if (templates.size() >= maxTemplates) {
      return;
    }
    int n = cleaner.clean(chars, length);
    if (n == 0) {
      return;
    }
    templates.add(masker.mask(cleaner.chars(), n));
  }

  /** Returns the templates seen (read-only view). */
  public Set<String> templates() {
    return Collections.unmodifiableSet(templates);
  }
}
