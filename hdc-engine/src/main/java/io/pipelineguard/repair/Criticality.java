package io.pipelineguard.repair;

/** How much a job matters; critical jobs get people told at once, alongside any retry. */
public enum Criticality {
  /** Nice to have green; failures can wait. */
  LOW,
  /** The default. */
  NORMAL,
  /** Blocks a release or many people. */
  HIGH,
  /** Production-facing: people are told of every failure, even one the guard retries. */
  CRITICAL
}
