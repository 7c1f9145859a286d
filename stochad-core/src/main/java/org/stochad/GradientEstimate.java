package org.stochad;

import java.util.Arrays;

/**
 * The result of an {@link Estimator}: per-component mean, standard error and per-sample
 * variance of the gradient estimates, the mean of f, the sample count and the wall time.
 *
 * @param value         the mean of f over the samples
 * @param mean          the gradient estimate, one component per parameter
 * @param standardError √(variance / samples) per component
 * @param variance      the per-sample variance of each component's estimates
 * @param samples       the number of samples
 * @param nanos         the wall time of the estimate
 */
public record GradientEstimate(double value, double[] mean, double[] standardError,
                               double[] variance, int samples, long nanos) {

    /**
     * Copies the arrays, so the record stays immutable.
     * @param value         the mean of f over the samples
     * @param mean          the gradient estimate, one component per parameter
     * @param standardError √(variance / samples) per component
     * @param variance      the per-sample variance of each component's estimates
     * @param samples       the number of samples
     * @param nanos         the wall time of the estimate
     */
    public GradientEstimate {
        mean = mean.clone();
        standardError = standardError.clone();
        variance = variance.clone();
    }

    /** @return a copy of mean */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of standardError */
    @Override
    public double[] standardError() {
        return standardError.clone();
    }

    /** @return a copy of variance */
    @Override
    public double[] variance() {
        return variance.clone();
    }

    /**
     * @param j component
     * @return the j-th gradient component
     */
    public double mean(int j) {
        return mean[j];
    }

    /**
     * @param j component
     * @return the j-th standard error
     */
    public double standardError(int j) {
        return standardError[j];
    }

    /**
     * @param j component
     * @return the per-sample variance of the j-th component
     */
    public double variance(int j) {
        return variance[j];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientEstimate g && Double.compare(value, g.value) == 0
                && Arrays.equals(mean, g.mean) && Arrays.equals(standardError, g.standardError)
                && Arrays.equals(variance, g.variance) && samples == g.samples;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(value) + Arrays.hashCode(mean)) + samples;
    }

    @Override
    public String toString() {
        return "GradientEstimate[value=" + value + ", mean=" + Arrays.toString(mean) + ", standardError="
                + Arrays.toString(standardError) + ", samples=" + samples + ", ms=" + nanos / 1e6 + "]";
    }
}
