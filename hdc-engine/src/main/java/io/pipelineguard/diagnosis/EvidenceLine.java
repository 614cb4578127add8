package io.pipelineguard.diagnosis;

/**
 * One shown evidence line.
 *
 * @param number 1-based line number
 * @param text the cleaned line (ANSI codes and timestamps removed), cut to 300 characters; empty
 *     when the line's text was not kept
 */
public record EvidenceLine(int number, String text) {}
