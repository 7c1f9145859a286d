package org.stochad.lund;

import org.stochad.Sampler;
import org.stochad.Samplers;

/**
 * Plain samplers for fast event generation: no derivative bookkeeping, the same addressed streams
 * and inversion rules as the estimators' samplers, so event i of seed s equals the primal event of
 * sample i in an estimate with seed s.
 */
public final class PrimalSampler {

    private PrimalSampler() {
    }

    /**
     * @param seed   the run's seed
     * @param sample the event index
     * @return the root sampler of that event
     */
    public static Sampler of(long seed, long sample) {
        return Samplers.primal(seed, sample);
    }
}
