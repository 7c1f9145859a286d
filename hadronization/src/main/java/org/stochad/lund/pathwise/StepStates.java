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
 * <p>Mutable, confined to one attempt of one run.
 */
final class StepStates {

    /** The number of features: 1, ln W², (ln W²)², step, D, step·ln W². */
    static final int FEATURES = 6;

    private final double[][] sums;
    private final double[] openPhi = new double[FEATURES];
    private final double[] openStart;
    private boolean open;

    /** @param k tangent directions */
    StepStates(int k) {
        this.sums = new double[FEATURES][k];
        this.openStart = new double[k];
    }

    /**
     * @param step    the segment's index (finalTwo: the number of string steps)
     * @param w2      W²_rem at its start
     * @param deficit D at its start
     * @return φ
     */
    static double[] features(int step, double w2, double deficit) {
        double l = Math.log(Math.max(w2, 1e-6));
        return new double[] {1, l, l * l, step, deficit, step * l};
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
        double[] phi = features(step, w2, deficit);
        System.arraycopy(phi, 0, openPhi, 0, FEATURES);
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
        open = false;
    }

    /** @return Φ[f][j] (a copy) */
    double[][] sums() {
        double[][] c = new double[FEATURES][];
        for (int f = 0; f < FEATURES; f++) {
            c[f] = sums[f].clone();
        }
        return c;
    }
}
