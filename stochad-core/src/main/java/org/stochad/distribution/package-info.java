/**
 * Discrete families, their inversion and their derivative weights — the extension point for
 * new families.
 *
 * <p>A family gives its pmf, its CDF and the CDF's derivative in the parameter; from these the
 * sampler derives the stochastic-AD weights of a draw (the CDF derivative at the cell's
 * boundaries over the cell's mass, Arya et al. 2022, arXiv:2210.08572) and its score
 * ∂θ log pmf. Draws invert one uniform number, so every estimator sees the same outcomes.
 */
package org.stochad.distribution;
