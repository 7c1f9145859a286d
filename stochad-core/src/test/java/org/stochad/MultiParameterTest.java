package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One primal run serves every direction of a k-parameter gradient. */
class MultiParameterTest {

    /** f = B(p)·e^a + Poisson(λ)² + Normal(μ, 1)²; θ = (p, a, λ, μ). */
    private static final StochasticProgram FOUR = (s, t) -> s.bernoulli(t[0]).times(t[1].exp())
            .plus(s.fork(1).poisson(t[2]).square())
            .plus(s.fork(2).normal(t[3], StochasticTriple.constant(1)).square());

    private static final double[] THETA = {0.3, 0.5, 2.0, 0.7};

    /** d/dθ of E[f] = p·e^a + λ + λ² + μ² + 1. */
    private static final double[] EXACT = {
        Math.exp(0.5), 0.3 * Math.exp(0.5), 1 + 2 * 2.0, 2 * 0.7
    };

    @Test
    void fourParameterGradientMatchesExactAndDirectionalEstimates() {
        for (Estimator e : new Estimator[] {Estimators.stochasticAd(), Estimators.scoreFunctionWithBaseline(),
            Estimators.stochasticAd(StochasticAdOptions.propagate())}) {
            GradientEstimate all = e.estimate(FOUR, THETA, 200_000, 5);
            for (int j = 0; j < 4; j++) {
                int direction = j;
                // the same program with only parameter j free: a separate directional estimate
                StochasticProgram one = (s, t) -> {
                    StochasticTriple[] full = new StochasticTriple[4];
                    for (int i = 0; i < 4; i++) {
                        full[i] = i == direction ? t[0] : StochasticTriple.constant(THETA[i]);
                    }
                    return FOUR.run(s, full);
                };
                GradientEstimate single = e.estimate(one, new double[] {THETA[j]}, 200_000, 6);
                double se = Math.hypot(all.standardError(j), single.standardError(0));
                assertThat(all.standardError(j)).as("%s se %d", e.name(), j).isLessThan(0.03 * Math.abs(EXACT[j]));
                assertThat(Math.abs(all.mean(j) - EXACT[j])).as("%s component %d", e.name(), j)
                        .isLessThanOrEqualTo(5 * all.standardError(j));
                assertThat(Math.abs(all.mean(j) - single.mean(0))).as("%s vs directional %d", e.name(), j)
                        .isLessThanOrEqualTo(5 * se);
            }
        }
    }
}
