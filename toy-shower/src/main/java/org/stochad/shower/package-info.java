/**
 * The Kagan–Heinrich toy particle shower in detector material: the shower program, its material
 * map, the depth loss, and the design studies built on them (a loss scan, a gradient-estimator
 * comparison, the estimators' cost, Adam on the material's inner radius and the worlds of one
 * stochastic-AD sample), each returning a record; the {@code stochad shower} command draws and
 * writes them.
 *
 * <p>The idea: the shower's depth jumps when a particle does or does not interact, so ordinary
 * automatic differentiation sees a zero derivative almost everywhere, while stochastic AD follows
 * each interaction draw to the alternative world in which it flips and weighs the change in loss
 * by the flip's rate. The estimators are unbiased for the gradient of the expected loss.
 *
 * <p>References: M. Kagan and L. Heinrich, <i>Branches of a Tree: Taking Derivatives of Programs
 * with Discrete and Branching Randomness in High Energy Physics</i>, arXiv:2308.16680 (2023) —
 * the model, its material map and the published reference numbers; G. Arya, M. Schauer,
 * F. Schäfer and C. Rackauckas, <i>Automatic Differentiation of Programs with Discrete
 * Randomness</i>, NeurIPS 2022, arXiv:2210.08572 — stochastic triples and pruning.
 */
package org.stochad.shower;
