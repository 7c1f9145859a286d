/**
 * RSA reweighting of Lund events to other parameters, the RSA derivative estimator, and the
 * implicit reparameterisation of one z draw.
 *
 * <p>The idea: an event records every decision its parameters entered — each z proposal accepted
 * or rejected, each flavour, each pT — so its probability at θ′ relative to θ is a product of
 * ratios, and the gradient of its logarithm at θ′ = θ is the event's score. One sample thus
 * serves a neighbourhood of parameters (while its effective sample size lasts) and gives a
 * score-function derivative without re-running. References: C. Bierlich et al., "Reweighting
 * Monte Carlo predictions and automated fragmentation variations in Pythia 8", arXiv:2308.13459,
 * and the extension of the method to flavour and pT, C. Bierlich et al., arXiv:2411.02194; M. Figurnov,
 * S. Mohamed and A. Mnih, "Implicit reparameterization gradients", NeurIPS 2018, arXiv:1805.08498.
 */
package org.stochad.lund.reweight;
