/**
 * The Lund string model for a single q-q̄ string, Pythia 8's algorithm written on the StochAD
 * {@link org.stochad.Sampler}: typed settings ({@link org.stochad.lund.LundSettings}), flavour,
 * pT and z selection, the fragmenter, events, and the one differentiable program
 * ({@link org.stochad.lund.LundProgram}).
 *
 * <p>The idea: every choice that depends on θ = (a, b, σ_pT, ρ) — the z accept/reject of the
 * Lund symmetric fragmentation function f(z) ∝ (1 − z)^a/z·exp(−b·mT²/z), the flavour draws, the
 * Gaussian pT — is drawn through the sampler, so the core's estimators (stochastic AD, score
 * function, finite differences) differentiate whole events without knowing the physics.
 * References: C. Bierlich et al., "A comprehensive guide to the physics and usage of PYTHIA 8.3",
 * SciPost Phys. Codebases 8 (2022), arXiv:2203.11601; B. Andersson, G. Gustafson, G. Ingelman and
 * T. Sjöstrand, Phys. Rep. 97 (1983) 31; G. Arya, M. Schauer, F. Schäfer and C. Rackauckas,
 * "Automatic differentiation of programs with discrete randomness", NeurIPS 2022, arXiv:2210.08572.
 */
package org.stochad.lund;
