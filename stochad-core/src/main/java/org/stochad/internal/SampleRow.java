package org.stochad.internal;

/**
 * What one sample of an estimate yields: the value f, the per-sample gradient estimate (or its
 * pathwise part, for the score-function family), and — for the score-function family —
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
     * Writes the row's features for a reduction: component j's at j·d … j·d + d − 1.
     * PLAIN: the gradient, plus f·S when the row carries a score (the score function without
     * baseline); SCORE_BASELINE: (gradient, f, f·S, S) with the gradient holding δ; HYBRID:
     * (stochastic-AD gradient, δ, f, f·S, S).
     *
     * @param reduction the reduction
     * @param x         the features, length k·d
     */
    void features(SampleSums.Reduction reduction, double[] x) {
        int k = gradient.length;
        switch (reduction) {
            case PLAIN:
                for (int j = 0; j < k; j++) {
                    x[j] = score == null ? gradient[j] : gradient[j] + value * score[j];
                }
                break;
            case SCORE_BASELINE:
                for (int j = 0; j < k; j++) {
                    x[4 * j] = gradient[j];
                    x[4 * j + 1] = value;
                    x[4 * j + 2] = value * score[j];
                    x[4 * j + 3] = score[j];
                }
                break;
            default:
                for (int j = 0; j < k; j++) {
                    x[5 * j] = gradient[j];
                    x[5 * j + 1] = pathwise[j];
                    x[5 * j + 2] = value;
                    x[5 * j + 3] = value * score[j];
                    x[5 * j + 4] = score[j];
                }
        }
    }
}
