/**
 * The public face of StochAD: stochastic triples, the sampler, programs, gradient estimators
 * and their estimates, and the small utilities every user meets (seeds, parallel loops,
 * progress).
 *
 * <p>A {@link org.stochad.StochasticProgram} draws all its randomness from a
 * {@link org.stochad.Sampler}; an {@link org.stochad.Estimator} runs it on independent
 * samples and returns a {@link org.stochad.GradientEstimate} of ∇θ E[f(θ)]. Stochastic AD
 * carries, besides a value and its almost-sure derivative, one finite perturbation with an
 * infinitesimal probability — the stochastic triple of Arya, Schauer, Schäfer and Rackauckas,
 * "Automatic differentiation of programs with discrete randomness" (NeurIPS 2022,
 * arXiv:2210.08572) — either propagated through the program with pruning, or, for programs
 * whose control flow depends on discrete draws, obtained by replaying the program with one
 * draw flipped on the same addressed random streams. The score-function (REINFORCE) estimator,
 * its hybrid with stochastic AD and finite differences are there for comparison, as in Kagan
 * and Heinrich, "Branches of a tree: taking derivatives of programs with discrete and
 * branching randomness in high energy physics" (arXiv:2308.16680). Continuous draws are
 * reparameterised (Figurnov, Mohamed and Mnih, "Implicit reparameterization gradients",
 * NeurIPS 2018).
 *
 * <p>New functions of a triple are added with
 * {@link org.stochad.StochasticTriple#compose(double, double, double)}; new discrete families
 * with {@link org.stochad.distribution.DiscreteFamily}. Everything under
 * {@code org.stochad.internal} is the engine and may change without notice.
 */
package org.stochad;
