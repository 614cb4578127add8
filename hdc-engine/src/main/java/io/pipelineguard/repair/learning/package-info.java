/**
 * Learning which repair works: Beta statistics per failure pattern and category with time decay,
 * taxonomy priors for the cold start, and a checked text form for persistence.
 */
package io.pipelineguard.repair.learning;
