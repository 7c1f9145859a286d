package org.stochad;

import org.stochad.engine.FiniteDifferenceEstimator;
import org.stochad.engine.PropagationEstimator;
import org.stochad.engine.ReplayEstimator;
import org.stochad.engine.ScoreFunctionEstimator;

/** The built-in estimators. */
public final class Estimators {

    private Estimators() {
    }

    /** @return stochastic AD by replay of one pruned alternative per sample (the default) */
    public static Estimator stochasticAd() {
        return stochasticAd(StochasticAdOptions.replay());
    }

    /**
     * @param options the strategy and its options
     * @return stochastic AD
     */
    public static Estimator stochasticAd(StochasticAdOptions options) {
        return options.strategy() == StochasticAdOptions.Strategy.PROPAGATE
                ? new PropagationEstimator(options.threads())
                : new ReplayEstimator(options);
    }

    /** @return the score-function (REINFORCE) estimator f·S + ∂f/∂θ, no baseline */
    public static Estimator scoreFunction() {
        return new ScoreFunctionEstimator(false, StochasticAdOptions.defaultParallelism());
    }

    /** @return the score-function estimator with the leave-one-out batch-mean baseline */
    public static Estimator scoreFunctionWithBaseline() {
        return new ScoreFunctionEstimator(true, StochasticAdOptions.defaultParallelism());
    }

    /**
     * @param h the step, &gt; 0
     * @return central finite differences with common random numbers on both sides
     */
    public static Estimator finiteDifference(double h) {
        return new FiniteDifferenceEstimator(h, StochasticAdOptions.defaultParallelism());
    }
}
