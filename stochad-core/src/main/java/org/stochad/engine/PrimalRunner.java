package org.stochad.engine;

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
    protected double[] sample(StochasticProgram program, double[] theta, long seed, int sample) {
        double[] row = new double[theta.length + 1];
        row[0] = checkedOutput(program.run(sampler(RunContext.primal(), seed, sample), seeded(theta, 0))).value();
        return row;
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
