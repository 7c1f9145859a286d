package org.stochad.lund.pathwise;

/**
 * The string's state at the start of each segment of an attempt — each string step and finalTwo —
 * for per-step baselines of the score function: features φ(step, W²_rem, D) of what is known before
 * the segment's draws (its index, the remaining string's invariant mass squared, and
 * D = Σ (|p| − |p_z|) over the hadrons made so far), and, in runs with tangents, the sums
 * Φ[f][j] = Σ_segments φ_f·s_j of the features times the segment's score s (the part of the
 * attempt's score its draws add, with the string steps' pT weight terms; finalTwo's redrawn |k| term
 * is left out). The score of a segment has mean 0 given its starting state, so every Φ[f][j] has
 * mean 0: a control variate of the score-function estimate, and Σ_f β_f·Φ[f][j] subtracted from
 * g·S_j keeps it unbiased for any fixed β — a per-step baseline U(state) = Σ_f β_f·φ_f
 * ({@link RestartPilot#stateBaseline()} fits β).
 *
 * <p>Further control variates may be added within a segment ({@link #addInSegment}): a quantity v of
 * the segment's own draws whose mean given the segment's start is 0 enters as φ_f·v in rows
 * FEATURES·(1 + stat) + f (the law score's sufficient-statistic control variates, {@link LawScore}).
 *
 * <p>Mutable, confined to one attempt of one run.
 */
final class StepStates {

    /** The number of features: 1, ln W², (ln W²)², step, D, step·ln W². */
    static final int FEATURES = 6;

    private final double[][] sums;
    private final double[] openPhi = new double[FEATURES];
    private final double[] openStart;
    /** The open segment's further statistics, [stat][direction], added to the sums when it closes. */
    private final double[][] openStats;
    private boolean open;

    /** @param k tangent directions */
    StepStates(int k) {
        this(k, 0);
    }

    /**
     * @param k     tangent directions
     * @param stats further mean-zero statistics per segment ({@link #addInSegment})
     */
    StepStates(int k, int stats) {
        this.sums = new double[FEATURES * (1 + stats)][k];
        this.openStart = new double[k];
        this.openStats = new double[stats][k];
    }

    /**
     * @param step    the segment's index (finalTwo: the number of string steps)
     * @param w2      W²_rem at its start
     * @param deficit D at its start
     * @return φ
     */
    static double[] features(int step, double w2, double deficit) {
        double[] phi = new double[FEATURES];
        features(step, w2, deficit, phi);
        return phi;
    }

    /** {@link #features(int, double, double)} into {@code phi}. */
    private static void features(int step, double w2, double deficit, double[] phi) {
        double l = Math.log(Math.max(w2, 1e-6));
        phi[0] = 1;
        phi[1] = l;
        phi[2] = l * l;
        phi[3] = step;
        phi[4] = deficit;
        phi[5] = step * l;
    }

    /**
     * Closes the open segment with the score so far and opens the next one.
     *
     * @param step    the new segment's index
     * @param w2      W²_rem at its start
     * @param deficit D at its start
     * @param score   the attempt's score so far (null without tangents)
     */
    void boundary(int step, double w2, double deficit, double[] score) {
        close(score);
        features(step, w2, deficit, openPhi);
        if (score != null) {
            System.arraycopy(score, 0, openStart, 0, openStart.length);
        }
        open = true;
    }

    /**
     * Closes the open segment: Φ[f][j] += φ_f·(score_j − score_j at its start).
     *
     * @param score the attempt's score so far (null without tangents)
     */
    void close(double[] score) {
        if (!open || score == null) {
            open = false;
            return;
        }
        for (int j = 0; j < openStart.length; j++) {
            double s = score[j] - openStart[j];
            if (s != 0) {
                for (int f = 0; f < FEATURES; f++) {
                    sums[f][j] += openPhi[f] * s;
                }
            }
        }
        for (int stat = 0; stat < openStats.length; stat++) {
            int row = FEATURES * (1 + stat);
            for (int j = 0; j < openStart.length; j++) {
                double v = openStats[stat][j];
                if (v != 0) {
                    for (int f = 0; f < FEATURES; f++) {
                        sums[row + f][j] += openPhi[f] * v;
                    }
                    openStats[stat][j] = 0;
                }
            }
        }
        open = false;
    }

    /**
     * Adds φ_f·v, φ the open segment's features, to rows FEATURES·(1 + stat) + f of direction j (when
     * the segment closes).
     *
     * @param stat the statistic's index (0 … stats − 1)
     * @param j    the direction
     * @param v    a quantity of the open segment's draws whose mean given the segment's start is 0
     */
    void addInSegment(int stat, int j, double v) {
        if (!open) {
            throw new IllegalStateException("no open segment");
        }
        openStats[stat][j] += v;
    }

    /**
     * @return Φ[row][j]: FEATURES rows, then FEATURES per further statistic (the sums themselves, not
     *         a copy: call it when the attempt is over)
     */
    double[][] sums() {
        return sums;
    }
}
