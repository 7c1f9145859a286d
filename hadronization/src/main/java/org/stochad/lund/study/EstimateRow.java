package org.stochad.lund.study;

/**
 * One estimator's estimate of one gradient component of one observable.
 *
 * @param observable  the observable's name
 * @param estimator   the estimator's name
 * @param component   the parameter's name (a, b, sigma, rho)
 * @param mean        the estimate
 * @param standardError its standard error
 * @param sdPerSample the standard deviation of one sample's estimate
 * @param samples     the number of samples
 * @param seconds     the wall time of the whole estimate (all components)
 */
public record EstimateRow(String observable, String estimator, String component, double mean,
                          double standardError, double sdPerSample, int samples, double seconds) {
}
