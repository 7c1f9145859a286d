package org.stochad.internal;

/**
 * What one sample of an estimate yields, for a program of m outputs and k parameters (m = 1 for
 * a scalar program): the outputs f_i, the per-sample Jacobian estimate (or its pathwise part, for
 * the score-function family), and — for the score-function family — the pathwise derivative δ
 * and the score S of the same run. Entry (i, j) of a Jacobian is at i·k + j.
 */
final class SampleRow {

    /** The outputs f_0 … f_{m−1}. */
    final double[] values;
    /** The per-sample Jacobian estimate, entry (i, j) at i·k + j. */
    final double[] gradient;
    /** The pathwise derivative δ_ij of the run, or null. */
    final double[] pathwise;
    /** The score S_j = Σ ∂θ_j log pmf of the run (shared by every output), or null. */
    final double[] score;
    /**
     * Whether {@link #pathwise} holds the program's own score-function estimate
     * ({@link org.stochad.Sampler#reportScoreEstimate}) and {@link #score} is zero.
     */
    final boolean reportedScore;

    /**
     * @param values   the outputs (kept, not copied)
     * @param gradient the per-sample Jacobian estimate (kept, not copied), length m·k
     * @param pathwise the pathwise derivative, or null
     * @param score    the score, length k, or null
     */
    SampleRow(double[] values, double[] gradient, double[] pathwise, double[] score) {
        this(values, gradient, pathwise, score, false);
    }

    /**
     * @param values        the outputs (kept, not copied)
     * @param gradient      the per-sample Jacobian estimate (kept, not copied), length m·k
     * @param pathwise      the pathwise derivative, or the program's own score-function estimate
     * @param score         the score, length k, or null (zero with a reported estimate)
     * @param reportedScore whether pathwise is the program's own score-function estimate
     */
    SampleRow(double[] values, double[] gradient, double[] pathwise, double[] score, boolean reportedScore) {
        this.values = values;
        this.gradient = gradient;
        this.pathwise = pathwise;
        this.score = score;
        this.reportedScore = reportedScore;
    }

    /**
     * @param value    f of a scalar program
     * @param gradient its per-sample gradient estimate (kept, not copied)
     * @param pathwise the pathwise derivative, or null
     * @param score    the score, or null
     */
    SampleRow(double value, double[] gradient, double[] pathwise, double[] score) {
        this(new double[] {value}, gradient, pathwise, score);
    }

    /**
     * @param values the outputs (kept)
     * @param k      the number of parameters
     * @return a row with a zero Jacobian and no score
     */
    static SampleRow of(double[] values, int k) {
        return new SampleRow(values, new double[values.length * k], null, null);
    }

    /** @return the number of outputs m */
    int outputs() {
        return values.length;
    }

    /**
     * Writes the row's features for a reduction: entry c = i·k + j's at c·d … c·d + d − 1.
     * PLAIN: the gradient, plus f_i·S_j when the row carries a score (the score function without
     * baseline); SCORE_BASELINE: (gradient, f_i, f_i·S_j, S_j) with the gradient holding δ;
     * HYBRID: (stochastic-AD gradient, δ, f_i, f_i·S_j, S_j).
     *
     * @param reduction the reduction
     * @param x         the features, length m·k·d
     */
    void features(SampleSums.Reduction reduction, double[] x) {
        int n = gradient.length;
        int k = n / values.length;
        switch (reduction) {
            case PLAIN:
                for (int c = 0; c < n; c++) {
                    x[c] = score == null ? gradient[c] : gradient[c] + values[c / k] * score[c % k];
                }
                break;
            case SCORE_BASELINE:
                for (int c = 0; c < n; c++) {
                    double f = values[c / k];
                    double s = score[c % k];
                    x[4 * c] = gradient[c];
                    x[4 * c + 1] = f;
                    x[4 * c + 2] = f * s;
                    x[4 * c + 3] = s;
                }
                break;
            default:
                for (int c = 0; c < n; c++) {
                    double f = values[c / k];
                    double s = score[c % k];
                    x[5 * c] = gradient[c];
                    x[5 * c + 1] = pathwise[c];
                    x[5 * c + 2] = f;
                    x[5 * c + 3] = f * s;
                    x[5 * c + 4] = s;
                }
        }
    }
}
