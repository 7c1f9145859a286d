/**
 * Fits of the Lund (a, b) to binned data: targets and pseudo-data, histogram losses (χ²,
 * Wasserstein), the loss curvature, one fit ({@link org.stochad.lund.fit.LundFit}) and the
 * repeated-fit study ({@link org.stochad.lund.fit.FitStudy}) that returns records.
 *
 * <p>The idea: the gradient of a histogram loss is Σ_k ∂L/∂h_k·dh_k/dθ; dh/dθ comes either from
 * RSA reweighting of one base sample (deterministic, cheap, valid while the effective sample size
 * lasts) or from re-simulation with stochastic AD or the hybrid estimator at every step, and the
 * steps are the core's Adam or a Lund-specific stochastic Gauss–Newton with the χ²'s metric.
 * References: Bierlich et al., arXiv:2308.13459 and arXiv:2411.02194 (RSA); G. Arya et al.,
 * NeurIPS 2022, arXiv:2210.08572 (stochastic AD); H. Robbins and S. Monro, Ann. Math. Stat. 22
 * (1951) 400; the Pythia 8.3 manual, arXiv:2203.11601 (the Monash parameters).
 */
package org.stochad.lund.fit;
