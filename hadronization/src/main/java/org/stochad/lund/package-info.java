/**
 * The Lund string model for a single q-q̄ string, Pythia 8's algorithm written on the StochAD
 * {@link org.stochad.Sampler}: settings, flavour, pT and z selection, the fragmenter, events,
 * and the factory of differentiable programs.
 */
package org.stochad.lund;
