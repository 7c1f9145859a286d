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
 * @param note          a remark on how the estimate was made, e.g. that finite differences were
 *                      one-sided at the edge of a parameter's domain; empty when there is none
 */
public record GradientEstimate(double value, double[] mean, double[] standardError,
                               double[] variance, int samples, long nanos, String note) {

    /**
     * Copies the arrays, so the record stays immutable.
     * @param value         the mean of f over the samples
     * @param mean          the gradient estimate, one component per parameter
     * @param standardError √(variance / samples) per component
     * @param variance      the per-sample variance of each component's estimates
     * @param samples       the number of samples
     * @param nanos         the wall time of the estimate
     * @param note          a remark on how the estimate was made, or the empty string
     */
    public GradientEstimate {
        if (note == null) {
            throw new IllegalArgumentException("note = null");
        }
        mean = mean.clone();
        standardError = standardError.clone();
        variance = variance.clone();
    }

    /**
     * An estimate without a note.
     *
     * @param value         the mean of f over the samples
     * @param mean          the gradient estimate, one component per parameter
     * @param standardError √(variance / samples) per component
     * @param variance      the per-sample variance of each component's estimates
     * @param samples       the number of samples
     * @param nanos         the wall time of the estimate
     */
    public GradientEstimate(double value, double[] mean, double[] standardError, double[] variance, int samples,
                            long nanos) {
        this(value, mean, standardError, variance, samples, nanos, "");
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
                && Arrays.equals(variance, g.variance) && samples == g.samples && note.equals(g.note);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(value) + Arrays.hashCode(mean)) + samples;
    }

    /**
     * One line a person can read: f's mean and each gradient component as mean ± standard error,
     * the sample count, the wall time and the note, e.g.
     * {@code E[f] = 1.44, ∇ = [2.56 ± 0.07], 40 samples, 3.2 ms}.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("E[f] = ").append(String.format(java.util.Locale.ROOT, "%.6g", value))
                .append(", ∇ = [");
        for (int j = 0; j < mean.length; j++) {
            b.append(j == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.6g ± %.2g", mean[j],
                    standardError[j]));
        }
        b.append("], ").append(samples).append(" samples, ")
                .append(String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6));
        if (!note.isEmpty()) {
            b.append(" (").append(note).append(')');
        }
        return b.toString();
    }
}
