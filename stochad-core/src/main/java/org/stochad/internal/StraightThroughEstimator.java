package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;

/**
 * The straight-through estimator, explicitly <b>biased</b>: every discrete draw's tangent is the
 * derivative of its family's mean, δ·∂θE[X] (d/dp of Bernoulli(p) passed on as 1), whatever the
 * outcome, and the ordinary chain rule carries it on — one run with plain forward-mode arithmetic
 * gives all k components. Exact only when f is affine in every outcome; biased when f is curved in
 * an outcome or branches on one (see docs/math.md §9.2). Meant for optimisation,
 * where its low variance may matter more than the bias.
 */
public final class StraightThroughEstimator extends SampleEstimator {

    /** @param parallelism worker threads */
    public StraightThroughEstimator(int parallelism) {
        super(parallelism);
    }

    @Override
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        int k = theta.length;
        StochasticTriple[] out = checkedOutputs(program.run(sampler(new StraightThroughRule(), seed, sample),
                seeded(theta, k)));
        return new SampleRow(values(out), deltas(out, k), null, null);
    }

    @Override
    public String name() {
        return "straight-through (biased)";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new StraightThroughEstimator(threads);
    }
}
