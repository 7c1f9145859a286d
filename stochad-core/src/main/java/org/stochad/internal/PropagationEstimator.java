package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

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
    protected SampleRow sample(StochasticProgram program, double[] theta, long seed, int sample) {
        double value = 0;
        double[] gradient = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            DrawRule rule = new PropagateRule(AddressedStream.root(seed, sample, PRUNING_DOMAIN));
            StochasticTriple out = checkedOutput(program.run(sampler(rule, seed, sample), directional(theta, j)));
            value = out.value();
            gradient[j] = out.derivativeContribution();
        }
        return new SampleRow(value, gradient, null, null);
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
