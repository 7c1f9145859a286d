/**
 * Stochastic-gradient optimisers: plain SGD (with momentum) and Adam, each driven either by a
 * gradient estimator on a program whose expectation is the loss ({@link org.stochad.optim.Optimizer})
 * or by any (loss, gradient) function ({@link org.stochad.optim.Objective}).
 *
 * <p>The idea: the estimators of {@code org.stochad} give unbiased gradients of E[f(θ)], so
 * stochastic approximation (Robbins and Monro 1951) converges on the minimum; the update rules
 * are the textbook ones, with box bounds, gradient-norm clipping and an optional linear decay of
 * the step size. Optimisers report progress through a {@link org.stochad.ProgressListener} and
 * never print. References: D. P. Kingma and J. Ba, "Adam: a method for stochastic optimization",
 * arXiv:1412.6980; G. Arya, M. Schauer, F. Schäfer and C. Rackauckas, "Automatic differentiation
 * of programs with discrete randomness", NeurIPS 2022, arXiv:2210.08572.
 */
package org.stochad.optim;
