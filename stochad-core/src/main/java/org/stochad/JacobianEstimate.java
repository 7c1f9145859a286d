package org.stochad;

import java.util.Locale;

/**
 * The result of a Jacobian estimate of a {@link VectorProgram}: for every output i and parameter
 * j the mean, standard error and per-sample variance of the estimates of ∂E[f_i]/∂θ_j, the mean
 * of each output, the sample count and the wall time.
 *
 * @param value         the mean of each output over the samples
 * @param mean          the Jacobian estimate, [output][parameter]
 * @param standardError √(variance / samples) per entry
 * @param variance      the per-sample variance of each entry's estimates
 * @param samples       the number of samples
 * @param nanos         the wall time of the estimate
 * @param note          a remark on how the estimate was made, or the empty string
 */
public record JacobianEstimate(double[] value, double[][] mean, double[][] standardError, double[][] variance,
                               int samples, long nanos, String note) {

    /**
     * Copies the arrays, so the record stays immutable, and checks their shapes agree.
     *
     * @param value         the mean of each output over the samples
     * @param mean          the Jacobian estimate, [output][parameter]
     * @param standardError √(variance / samples) per entry
     * @param variance      the per-sample variance of each entry's estimates
     * @param samples       the number of samples
     * @param nanos         the wall time of the estimate
     * @param note          a remark on how the estimate was made, or the empty string
     */
    public JacobianEstimate {
        if (note == null) {
            throw new IllegalArgumentException("note = null");
        }
        int m = value.length;
        if (mean.length != m || standardError.length != m || variance.length != m) {
            throw new IllegalArgumentException("JacobianEstimate: " + m + " outputs but " + mean.length + ", "
                    + standardError.length + " and " + variance.length + " rows");
        }
        value = value.clone();
        mean = copy(mean);
        standardError = copy(standardError);
        variance = copy(variance);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** @return a copy of the outputs' means */
    @Override
    public double[] value() {
        return value.clone();
    }

    /** @return a copy of the Jacobian estimate, [output][parameter] */
    @Override
    public double[][] mean() {
        return copy(mean);
    }

    /** @return a copy of the standard errors, [output][parameter] */
    @Override
    public double[][] standardError() {
        return copy(standardError);
    }

    /** @return a copy of the per-sample variances, [output][parameter] */
    @Override
    public double[][] variance() {
        return copy(variance);
    }

    /** @return the number of outputs m */
    public int outputs() {
        return value.length;
    }

    /** @return the number of parameters k */
    public int parameters() {
        return value.length == 0 ? 0 : mean[0].length;
    }

    /**
     * @param i an output
     * @return the mean of output i
     */
    public double value(int i) {
        return value[i];
    }

    /**
     * @param i an output
     * @param j a parameter
     * @return the estimate of ∂E[f_i]/∂θ_j
     */
    public double mean(int i, int j) {
        return mean[i][j];
    }

    /**
     * @param i an output
     * @param j a parameter
     * @return the standard error of entry (i, j)
     */
    public double standardError(int i, int j) {
        return standardError[i][j];
    }

    /**
     * @param i an output
     * @param j a parameter
     * @return the per-sample variance of entry (i, j)
     */
    public double variance(int i, int j) {
        return variance[i][j];
    }

    /**
     * @param i an output
     * @return output i's gradient as an estimate of its own (same samples, time and note)
     */
    public GradientEstimate output(int i) {
        return new GradientEstimate(value[i], mean[i], standardError[i], variance[i], samples, nanos, note);
    }

    /**
     * The estimate of a linear combination Σ_i c_i·E[f_i] — e.g. a loss's gradient from its
     * derivative with respect to each bin: its mean is Σ_i c_i·J_ij exactly; its standard error is
     * an upper bound, Σ_i |c_i|·se_ij (the entries' covariances are not kept).
     *
     * @param c one coefficient per output
     * @return the combination's value, gradient and standard-error bound
     */
    public GradientEstimate combine(double[] c) {
        if (c.length != value.length) {
            throw new IllegalArgumentException("combine: c has " + c.length + " coefficients for " + value.length
                    + " outputs");
        }
        int k = parameters();
        double v = 0;
        double[] g = new double[k];
        double[] se = new double[k];
        double[] var = new double[k];
        for (int i = 0; i < value.length; i++) {
            v += c[i] * value[i];
            for (int j = 0; j < k; j++) {
                g[j] += c[i] * mean[i][j];
                se[j] += Math.abs(c[i]) * standardError[i][j];
            }
        }
        for (int j = 0; j < k; j++) {
            var[j] = se[j] * se[j] * samples;
        }
        return new GradientEstimate(v, g, se, var, samples, nanos, note);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JacobianEstimate e && java.util.Arrays.equals(value, e.value)
                && java.util.Arrays.deepEquals(mean, e.mean) && java.util.Arrays.deepEquals(standardError, e.standardError)
                && java.util.Arrays.deepEquals(variance, e.variance) && samples == e.samples && note.equals(e.note);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Arrays.hashCode(value) + java.util.Arrays.deepHashCode(mean)) + samples;
    }

    /**
     * One line per output: its mean and its row of the Jacobian as mean ± standard error, then the
     * sample count, the wall time and the note, e.g.
     * <pre>
     * E[f0] = 1.20000, ∂ = [4.00 ± 0.02, 0 ± 0]
     * E[f1] = …
     * 20000 samples, 31.0 ms
     * </pre>
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length; i++) {
            b.append(String.format(Locale.ROOT, "E[f%d] = %.6g, ∂ = [", i, value[i]));
            for (int j = 0; j < mean[i].length; j++) {
                b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g ± %.2g", mean[i][j],
                        standardError[i][j]));
            }
            b.append("]\n");
        }
        b.append(samples).append(" samples, ").append(String.format(Locale.ROOT, "%.1f ms", nanos / 1e6));
        if (!note.isEmpty()) {
            b.append(" (").append(note).append(')');
        }
        return b.toString();
    }
}
