package org.stochad.internal;

import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;

/**
 * Test-only access to the replay estimator's per-sample rows [f, SAD₁…SAD_k, δ₁…δ_k, S₁…S_k]
 * (same package as the engine internals), to split a stochastic-AD estimate into its pathwise part δ and
 * its flip part SAD − δ.
 */
public final class ReplayRows {

    private ReplayRows() {
    }

    /**
     * @param options replay options
     * @param program the program
     * @param theta   the point
     * @param seed    the seed
     * @param sample  the sample index
     * @return the row
     */
    public static double[] row(StochasticAdOptions options, StochasticProgram program, double[] theta, long seed,
                               int sample) {
        SampleRow row = new ReplayEstimator(options).replaySample(
                (sampler, t) -> new org.stochad.StochasticTriple[] {program.run(sampler, t)}, theta, seed, sample, true);
        int k = theta.length;
        double[] out = new double[1 + 3 * k];
        out[0] = row.values[0];
        System.arraycopy(row.gradient, 0, out, 1, k);
        System.arraycopy(row.pathwise, 0, out, 1 + k, k);
        System.arraycopy(row.score, 0, out, 1 + 2 * k, k);
        return out;
    }
}
