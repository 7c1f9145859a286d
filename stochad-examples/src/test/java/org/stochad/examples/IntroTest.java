package org.stochad.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;

class IntroTest {

    /** E[X] by enumerating b and the Bernoulli: a·Σ P(b)P(B)·(2b + 3B)·b (the Normal's mean is b). */
    private static double enumerated(double p) {
        double a = p * (1 - p);
        BinomialDistribution bin = BinomialDistribution.of(10, p);
        double e = 0;
        for (int b = 0; b <= 10; b++) {
            for (int bb = 0; bb <= 1; bb++) {
                e += bin.probability(b) * (bb == 1 ? p : 1 - p) * (2 * b + 3 * bb) * b;
            }
        }
        return a * e;
    }

    @Test
    void closedFormMatchesEnumerationAndItsDerivative() {
        for (double p : new double[] {0.1, 0.35, 0.6, 0.9}) {
            assertThat(Intro.expectation(p)).isCloseTo(enumerated(p), org.assertj.core.data.Offset.offset(1e-10));
            double h = 1e-5;
            double fd = (enumerated(p + h) - enumerated(p - h)) / (2 * h);
            assertThat(Intro.exactDerivative(p)).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(Intro.exactDerivative(0.6)).isCloseTo(47.76, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void stochasticAdMatchesTheExactDerivative() {
        double exact = Intro.exactDerivative(0.6);
        for (StochasticAdOptions o : new StochasticAdOptions[] {StochasticAdOptions.propagate(),
            StochasticAdOptions.replay()}) {
            GradientEstimate g = Estimators.stochasticAd(o).estimate(Intro.program(), new double[] {0.6}, 40_000, 7);
            assertThat(Math.abs(g.mean(0) - exact)).as(o.strategy().name()).isLessThanOrEqualTo(5 * g.standardError(0));
            // sensitive to a 2 % bias
            assertThat(5 * g.standardError(0)).isLessThan(0.02 * exact);
        }
    }
}
