package org.stochad.engine;

import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;

/**
 * Test-only access to the replay estimator's per-sample rows [f, SAD₁…SAD_k, δ₁…δ_k, S₁…S_k]
 * (same package as the engine), to split a stochastic-AD estimate into its pathwise part δ and
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
        return new ReplayEstimator(options).replaySample(program, theta, seed, sample, true);
    }
}
