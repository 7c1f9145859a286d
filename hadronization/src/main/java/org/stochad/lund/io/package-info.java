/**
 * Files of the Lund generator in physicists' formats: HepMC3 Asciiv3 events, YODA and CSV
 * histograms (written and read back), and binned data to fit.
 *
 * <p>The idea: every file is written under a temporary name and moved into place, so a run that
 * fails leaves no half-written output; the readers accept what the writers (and Rivet) write.
 * References: A. Buckley et al., "The HepMC3 event record library for Monte Carlo event
 * generators", Comput. Phys. Commun. 260 (2021) 107310, arXiv:1912.08005; the YODA histogram
 * format of Rivet, C. Bierlich et al., SciPost Phys. 8 (2020) 026, arXiv:1912.05451.
 */
package org.stochad.lund.io;
