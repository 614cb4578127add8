/**
 * Pipeline monitoring: metric points of finished runs, the health score of a pipeline, a robust
 * duration anomaly detector, a failure-rate monitor, the duration trend and the alerts they raise.
 * Plain Java over lists of points; nothing here reads a clock or a store (see docs/monitoring.md).
 */
package io.pipelineguard.monitor;
