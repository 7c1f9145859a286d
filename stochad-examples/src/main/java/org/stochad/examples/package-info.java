/**
 * Worked examples of differentiating programs with discrete randomness — StochasticAD.jl's set and
 * more — each with an independent exact value to compare against, and the small report types the
 * {@code stochad} program prints.
 *
 * <p>The idea: each example is a short program whose random choices depend on a parameter (a
 * Bernoulli threshold, a random walk's step law, a Game of Life birth rate, a Poisson rate, an
 * inventory's demand), whose exact derivative is known by an independent route (a closed form, a
 * Markov chain differentiated in forward mode, enumeration); the estimates of stochastic AD, the
 * score function and finite differences are set against it, so bias and variance can be read off.
 *
 * <p>References: G. Arya, M. Schauer, F. Schäfer and C. Rackauckas, <i>Automatic Differentiation
 * of Programs with Discrete Randomness</i>, NeurIPS 2022, arXiv:2210.08572 (the examples of its
 * StochasticAD.jl package); M. Kagan and L. Heinrich, <i>Branches of a Tree</i>,
 * arXiv:2308.16680 (2023) for the branching setting.
 */
package org.stochad.examples;
