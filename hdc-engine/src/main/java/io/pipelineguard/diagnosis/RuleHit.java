package io.pipelineguard.diagnosis;

/**
 * A rule (built-in pattern or user rule) that matched a line and voted for a category.
 *
 * @param ruleId the indication's id
 * @param category the category voted for
 * @param line 1-based line number of the first matching line
 * @param weight the vote's weight after discounting
 */
public record RuleHit(String ruleId, Category category, int line, double weight) {}
