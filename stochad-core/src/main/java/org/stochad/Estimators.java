package org.stochad;

import org.stochad.internal.BiasedTangentEstimator;
import org.stochad.internal.FiniteDifferenceEstimator;
import org.stochad.internal.HybridEstimator;
import org.stochad.internal.PrimalRunner;
import org.stochad.internal.PropagationEstimator;
import org.stochad.internal.ReplayEstimator;
import org.stochad.internal.ScoreFunctionEstimator;

/**
 * The built-in estimators: stochastic AD (Arya et al. 2022, by propagation or by replay of
 * alternative paths), the score function with or without a baseline, their hybrid, central
 * finite differences — and the primal run, the reference cost they are measured against.
 */
public final class Estimators {

    private Estimators() {
    }

    /** @return stochastic AD by replay of one pruned alternative per sample (the default) */
    public static ChunkedEstimator stochasticAd() {
        return stochasticAd(StochasticAdOptions.replay());
    }

    /**
     * @param options the strategy and its options
     * @return stochastic AD
     */
    public static ChunkedEstimator stochasticAd(StochasticAdOptions options) {
        return options.strategy() == StochasticAdOptions.Strategy.PROPAGATE
                ? new PropagationEstimator(options.threads())
                : new ReplayEstimator(options);
    }

    /**
     * Stochastic AD (replay) and the score function with baseline from the same primal run, mixed
     * per component with a cross-fitted variance-minimising weight: unbiased, at the cost of
     * stochastic AD, with a variance at most about the smaller of the two.
     *
     * @return the hybrid estimator with one replayed alternative
     */
    public static ChunkedEstimator hybrid() {
        return hybrid(StochasticAdOptions.replay());
    }

    /**
     * @param options the replay options of the stochastic-AD part (strategy must be REPLAY)
     * @return the hybrid estimator
     */
    public static ChunkedEstimator hybrid(StochasticAdOptions options) {
        if (options.strategy() != StochasticAdOptions.Strategy.REPLAY) {
            throw new IllegalArgumentException("hybrid: strategy = " + options.strategy() + ", needs REPLAY");
        }
        return new HybridEstimator(options);
    }

    /** @return the score-function (REINFORCE) estimator f·S + ∂f/∂θ, no baseline */
    public static ChunkedEstimator scoreFunction() {
        return new ScoreFunctionEstimator(false, StochasticAdOptions.defaultParallelism());
    }

    /** @return the score-function estimator with the leave-one-out batch-mean baseline */
    public static ChunkedEstimator scoreFunctionWithBaseline() {
        return new ScoreFunctionEstimator(true, StochasticAdOptions.defaultParallelism());
    }

    /**
     * Runs the program as it is, with no derivative bookkeeping: the reference cost against
     * which estimators are measured. Its estimate is the mean of f with a zero gradient.
     *
     * @return the primal runner, on all cores
     */
    public static ChunkedEstimator primal() {
        return new PrimalRunner(StochasticAdOptions.defaultParallelism());
    }

    /**
     * @param h the step, &gt; 0
     * @return central finite differences with common random numbers on both sides
     */
    public static ChunkedEstimator finiteDifference(double h) {
        return new FiniteDifferenceEstimator(h, StochasticAdOptions.defaultParallelism());
    }

    /**
     * Smoothed stochastic AD (StochasticAD.jl's smoothed backend), <b>biased</b>: each discrete
     * draw's expected alternative contribution is propagated as a plain tangent, one run for all
     * parameters, any control flow. Exact when the output is linear in every discrete outcome,
     * biased otherwise; its name says "(biased)" so every table shows it. Use it for optimisation
     * where low variance matters more than bias, never to report a derivative.
     *
     * @return the smoothed estimator, on all cores
     */
    public static ChunkedEstimator smoothed() {
        return new BiasedTangentEstimator(BiasedTangentEstimator.Kind.SMOOTHED,
                StochasticAdOptions.defaultParallelism());
    }

    /**
     * The straight-through estimator, <b>biased</b>: each discrete draw's tangent is the
     * derivative of its family's mean, δ·∂θE[X] (StochasticAD.jl-style: d/dp of a Bernoulli(p)
     * draw is passed on as 1, of a Binomial(n, p) draw as n), whatever the outcome; one run for
     * all parameters, any control flow. Exact when the output is affine in every discrete outcome,
     * biased when it is curved in one or branches on one (a branch drops the draw's tangent); its
     * name says "(biased)" so every table shows it. Use it for optimisation where low variance
     * matters more than bias, never to report a derivative.
     *
     * @return the straight-through estimator, on all cores
     */
    public static ChunkedEstimator straightThrough() {
        return new BiasedTangentEstimator(BiasedTangentEstimator.Kind.STRAIGHT_THROUGH,
                StochasticAdOptions.defaultParallelism());
    }
}
