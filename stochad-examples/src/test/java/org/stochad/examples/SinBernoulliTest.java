package org.stochad.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;

class SinBernoulliTest {

    @Test
    void exactDerivativeIsTheDerivativeOfTheExpectation() {
        for (double x : new double[] {0.2, 0.7, 1.3}) {
            double h = 1e-6;
            double fd = (SinBernoulli.expectation(x + h) - SinBernoulli.expectation(x - h)) / (2 * h);
            assertThat(SinBernoulli.exactDerivative(x)).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void stochasticAdFindsTheTermOrdinaryAdMisses() {
        double x = 0.7;
        double exact = SinBernoulli.exactDerivative(x);
        for (StochasticAdOptions o : new StochasticAdOptions[] {StochasticAdOptions.propagate(),
            StochasticAdOptions.replay()}) {
            GradientEstimate g = Estimators.stochasticAd(o).estimate(SinBernoulli.program(), new double[] {x},
                    200_000, 11);
            assertThat(Math.abs(g.mean(0) - exact)).as(o.strategy().name()).isLessThanOrEqualTo(5 * g.standardError(0));
            assertThat(5 * g.standardError(0)).isLessThan(0.03 * exact);
            // the ordinary-AD answer 2x is rejected by a wide margin
            assertThat(Math.abs(g.mean(0) - SinBernoulli.ordinaryAdDerivative(x))).isGreaterThan(20 * g.standardError(0));
        }
    }
}
