package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;

/**
 * Smoothed stochastic AD (StochasticAD.jl's smoothed backend), explicitly <b>biased</b>: every
 * discrete draw's expected alternative contribution δ + w·Δ is propagated as a plain tangent, so
 * one run with ordinary forward-mode arithmetic gives all k components. Unbiased when the output
 * is linear in every discrete outcome; otherwise it differentiates f along the flip instead of
 * taking the finite difference f(x + Δ) − f(x), a bias that grows with f's curvature. Meant for
 * optimisation, where its low variance may matter more than the bias.
 */
public final class SmoothedEstimator extends SampleEstimator {

    /** @param parallelism worker threads */
    public SmoothedEstimator(int parallelism) {
        super(parallelism);
    }

    @Override
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        int k = theta.length;
        StochasticTriple[] out = checkedOutputs(program.run(sampler(new SmoothedRule(), seed, sample),
                seeded(theta, k)));
        return new SampleRow(values(out), deltas(out, k), null, null);
    }

    @Override
    public String name() {
        return "smoothed stochastic AD (biased)";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new SmoothedEstimator(threads);
    }
}
