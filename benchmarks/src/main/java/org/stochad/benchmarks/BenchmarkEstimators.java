package org.stochad.benchmarks;

import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.StochasticAdOptions;

/** The estimators the benchmarks compare, by short name, each on one thread. */
final class BenchmarkEstimators {

    private BenchmarkEstimators() {
    }

    static Estimator of(String name) {
        return switch (name) {
            case "primal" -> Estimators.primal().withParallelism(1);
            case "propagate" -> Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1));
            case "replay-1" -> Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(1));
            case "replay-4" -> Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4).parallelism(1));
            case "score" -> Estimators.scoreFunction().withParallelism(1);
            case "score-baseline" -> Estimators.scoreFunctionWithBaseline().withParallelism(1);
            case "hybrid" -> Estimators.hybrid().withParallelism(1);
            case "fd" -> Estimators.finiteDifference(0.01).withParallelism(1);
            default -> throw new IllegalArgumentException("estimator = " + name + " is unknown");
        };
    }
}
