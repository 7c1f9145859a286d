package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.VectorProgram;

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
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        return SampleRow.of(values(checkedOutputs(program.run(sampler(PrimalRule.INSTANCE, seed, sample),
                seeded(theta, 0)))), theta.length);
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
