/**
 * The comparison of gradient estimators on the Lund generator, returned as records: unbiasedness
 * against a common-random-number central difference, the finalTwo ordering term, one z draw
 * against quadrature, and a variance study at the Monash point.
 *
 * <p>The idea: every estimator of d⟨f⟩/dθ must agree with the finite-difference reference within
 * its standard errors; among the unbiased ones the variance times the cost decides. References:
 * G. Arya et al., NeurIPS 2022, arXiv:2210.08572 (stochastic AD); Bierlich et al.,
 * arXiv:2308.13459 and arXiv:2411.02194 (RSA); the Pythia 8.3 manual, arXiv:2203.11601.
 */
package org.stochad.lund.study;
