/**
 * The engine behind the estimators — not an API: perturbations and their
 * {@link org.stochad.internal.Alternative}s with pruning, the tracking sampler with one draw
 * rule per mode (primal, propagate, score, record, forced), the weighted reservoir and the
 * candidates of replay, the sample rows the estimators reduce, and the addressed random
 * streams.
 *
 * <p>Propagation and pruning follow Arya et al., "Automatic differentiation of programs with
 * discrete randomness" (NeurIPS 2022, arXiv:2210.08572) and StochasticAD.jl; replay of one
 * alternative path per primal run, chosen by weighted reservoir sampling over the candidate
 * flips, is the strategy for branching programs discussed by Kagan and Heinrich
 * (arXiv:2308.16680). The streams are Philox4x64-10 (Salmon et al., "Parallel random numbers:
 * as easy as 1, 2, 3", SC 2011) keyed by a 128-bit address, so an alternative world reads the
 * same numbers as the primal one wherever it makes the same draws.
 */
package org.stochad.internal;
