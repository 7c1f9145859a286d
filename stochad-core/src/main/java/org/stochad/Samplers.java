package org.stochad;

import org.stochad.internal.Engine;

/**
 * Samplers outside the estimators: for running a program by hand, generating events fast, and
 * benchmarking single draws.
 */
public final class Samplers {

    private Samplers() {
    }

    /**
     * @param seed the seed
     * @return a sampler making plain draws from the root stream of sample 0 of {@code seed}
     */
    public static Sampler primal(long seed) {
        return primal(seed, 0);
    }

    /**
     * @param seed   the seed
     * @param sample the sample index
     * @return a sampler making plain draws from the root stream of sample {@code sample}: the
     *         program sees exactly the numbers of sample {@code sample} of an estimate with
     *         {@code seed}, so a plain run reproduces any estimator's primal run
     */
    public static Sampler primal(long seed, long sample) {
        return Engine.primalSampler(seed, sample);
    }

    /**
     * @param seed   the seed
     * @param sample the sample index
     * @return the plain root stream of sample {@code sample} of {@code seed}: the numbers
     *         {@link #primal(long, long)}'s sampler (and every estimator's primal run) inverts, for
     *         primal-only code on doubles
     */
    public static UniformStream primalStream(long seed, long sample) {
        return Engine.primalStream(seed, sample);
    }

    /**
     * @param seed the seed
     * @return a sampler whose draws create perturbations from their parameters' tangents
     *         (propagation mode, one tangent direction), pruning with a stream of the same seed
     */
    public static Sampler propagating(long seed) {
        return Engine.propagatingSampler(seed);
    }
}
