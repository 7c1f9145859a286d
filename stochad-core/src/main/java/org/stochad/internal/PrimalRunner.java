package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.StochasticProgram;

/**
 * Runs a program as it is, with no derivative bookkeeping: the reference cost against which
 * estimators are measured. As an {@link Estimator} it reports the mean of f and a zero gradient.
 */
public final class PrimalRunner extends SampleEstimator {

    /** @param parallelism worker threads */
    public PrimalRunner(int parallelism) {
        super(parallelism);
    }

    @Override
    protected SampleRow sample(StochasticProgram program, double[] theta, long seed, int sample) {
        return SampleRow.of(checkedOutput(program.run(sampler(PrimalRule.INSTANCE, seed, sample), seeded(theta, 0)))
                .value(), theta.length);
    }

    @Override
    public String name() {
        return "primal";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new PrimalRunner(threads);
    }
}
