package org.stochad.internal;

/**
 * What one sample of an estimate yields: the value f, the per-sample gradient estimate (which
 * the estimator may still rewrite before the reduction), and — for the score-function family —
 * the pathwise derivative δ and the score S of the same run.
 */
final class SampleRow {

    final double value;
    /** The per-sample gradient estimate, one component per parameter. */
    final double[] gradient;
    /** The pathwise derivative δ_j of the run, or null. */
    final double[] pathwise;
    /** The score S_j = Σ ∂θ_j log pmf of the run, or null. */
    final double[] score;

    /**
     * @param value    f
     * @param gradient the per-sample gradient estimate (kept, not copied)
     * @param pathwise the pathwise derivative, or null
     * @param score    the score, or null
     */
    SampleRow(double value, double[] gradient, double[] pathwise, double[] score) {
        this.value = value;
        this.gradient = gradient;
        this.pathwise = pathwise;
        this.score = score;
    }

    /**
     * @param value f
     * @param k     the number of parameters
     * @return a row with a zero gradient and no score
     */
    static SampleRow of(double value, int k) {
        return new SampleRow(value, new double[k], null, null);
    }

    /**
     * Adds the score-function term (f − b)·S_j to each row's gradient; with a baseline, b is the
     * mean of f over the other rows (so it does not depend on the row it is applied to),
     * otherwise 0. The rows must carry a score.
     *
     * @param rows     one row per sample
     * @param baseline whether to subtract the leave-one-out mean of f
     */
    static void addScoreTerm(SampleRow[] rows, boolean baseline) {
        int n = rows.length;
        double total = 0;
        for (SampleRow row : rows) {
            total += row.value;
        }
        for (SampleRow row : rows) {
            double b = baseline ? (total - row.value) / (n - 1) : 0;
            for (int j = 0; j < row.gradient.length; j++) {
                row.gradient[j] += (row.value - b) * row.score[j];
            }
        }
    }
}
