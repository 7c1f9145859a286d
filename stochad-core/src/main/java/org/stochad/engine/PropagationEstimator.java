package org.stochad.engine;

import org.stochad.Estimator;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.random.AddressedStream;

/**
 * Stochastic AD by propagation (StochasticAD.jl's strategy): perturbations ride along with the
 * values and are pruned when they meet; one run per parameter direction, all with the same
 * streams. Control flow on perturbed discrete values is refused by the predicates.
 */
public final class PropagationEstimator extends SampleEstimator {

    /** @param parallelism worker threads */
    public PropagationEstimator(int parallelism) {
        super(parallelism);
    }

    @Override
    protected double[] sample(StochasticProgram program, double[] theta, long seed, int sample) {
        double[] row = new double[theta.length + 1];
        for (int j = 0; j < theta.length; j++) {
            RunContext ctx = RunContext.propagate(AddressedStream.root(seed, sample, PRUNING_DOMAIN));
            StochasticTriple out = checkedOutput(program.run(sampler(ctx, seed, sample), directional(theta, j)));
            row[0] = out.value();
            row[j + 1] = out.derivativeContribution();
        }
        return row;
    }

    @Override
    public String name() {
        return "stochastic AD (propagate)";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new PropagationEstimator(threads);
    }
}
