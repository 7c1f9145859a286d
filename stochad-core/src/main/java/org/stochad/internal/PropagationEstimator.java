package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;

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
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        int k = theta.length;
        double[] values = null;
        double[] gradient = null;
        for (int j = 0; j < k; j++) {
            DrawRule rule = new PropagateRule(AddressedStream.root(seed, sample, PRUNING_DOMAIN));
            StochasticTriple[] out = checkedOutputs(program.run(sampler(rule, seed, sample), directional(theta, j)));
            if (values == null) {
                values = new double[out.length];
                gradient = new double[out.length * k];
            } else if (out.length != values.length) {
                throw new IllegalStateException("the program returned " + out.length + " outputs along direction "
                        + j + " and " + values.length + " along direction 0");
            }
            for (int i = 0; i < out.length; i++) {
                values[i] = out[i].value();
                gradient[i * k + j] = out[i].derivativeContribution();
            }
        }
        return new SampleRow(values, gradient, null, null);
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
