/**
 * Event observables of the Lund generator as differentiable outputs — multiplicities, hadron
 * quantities (rapidity, x_E, pT), event shapes such as thrust — and histograms of them.
 *
 * <p>The idea: an observable maps an {@link org.stochad.lund.Event} to a
 * {@link org.stochad.StochasticTriple}, so the pathwise derivative the hadrons' momenta carry
 * flows into the estimate; counts and bins are piecewise constant and get their derivative from
 * the discrete perturbations of the sampler. Definitions follow the Pythia 8.3 manual
 * (arXiv:2203.11601) and the YODA conventions of Rivet (per-event densities).
 */
package org.stochad.lund.observable;
