package io.pipelineguard.monitor;

/**
 * A slow run (or a slow streak) found by {@link DurationAnomalyDetector}.
 *
 * @param latestSeconds duration of the latest run
 * @param baselineMedianSeconds median duration of the baseline runs
 * @param score robust z-score of the latest run ({@code (x - median) / (1.4826 * MAD)})
 * @param sustained true when several runs in a row are slow, false for one extreme run
 */
public record DurationAnomaly(
    double latestSeconds, double baselineMedianSeconds, double score, boolean sustained) {}
