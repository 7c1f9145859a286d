package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;

/**
 * An explicitly <b>biased</b> estimator that carries every discrete draw's contribution as a plain
 * tangent, so one run with ordinary forward-mode arithmetic gives all k components; which
 * contribution is its {@link Kind}. Meant for optimisation, where low variance may matter more than
 * the bias (docs/math.md §9).
 */
public final class BiasedTangentEstimator extends SampleEstimator {

    /** What a discrete draw's tangent is. */
    public enum Kind {
        /**
         * Smoothed stochastic AD (StochasticAD.jl's smoothed backend): the draw's expected
         * alternative contribution δ + w·Δ. Unbiased when the output is linear in every discrete
         * outcome; otherwise it differentiates f along the flip instead of taking the finite
         * difference f(x + Δ) − f(x), a bias that grows with f's curvature.
         */
        SMOOTHED("smoothed stochastic AD (biased)"),
        /**
         * Straight-through: the derivative of the family's mean, δ·∂θE[X] (d/dp of Bernoulli(p)
         * passed on as 1), whatever the outcome. Exact only when f is affine in every outcome;
         * biased when f is curved in an outcome or branches on one.
         */
        STRAIGHT_THROUGH("straight-through (biased)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        private DrawRule rule() {
            return this == SMOOTHED ? new SmoothedRule() : new StraightThroughRule();
        }
    }

    private final Kind kind;

    /**
     * @param kind        what a discrete draw's tangent is
     * @param parallelism worker threads
     */
    public BiasedTangentEstimator(Kind kind, int parallelism) {
        super(parallelism);
        if (kind == null) {
            throw new IllegalArgumentException("kind = null");
        }
        this.kind = kind;
    }

    @Override
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        int k = theta.length;
        StochasticTriple[] out = checkedOutputs(program.run(sampler(kind.rule(), seed, sample), seeded(theta, k)));
        return new SampleRow(values(out), deltas(out, k), null, null);
    }

    @Override
    public String name() {
        return kind.label;
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new BiasedTangentEstimator(kind, threads);
    }
}
