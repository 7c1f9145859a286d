package org.stochad.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;

class RandomWalkTest {

    /** E[X_n²] by enumerating all 2^n step sequences with their probabilities. */
    private static double enumerated(int n, double p) {
        double e = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            double prob = 1;
            int x = 0;
            for (int i = 0; i < n && prob > 0; i++) {
                double up = Math.exp(-x / p);
                if ((mask >> i & 1) == 0) {
                    prob *= up;
                    x++;
                } else {
                    prob *= 1 - up;
                    x--;
                }
            }
            if (prob > 0) {
                e += prob * x * x;
            }
        }
        return e;
    }

    @Test
    void transitionMatrixMatchesPathEnumerationAndItsDerivative() {
        for (double p : new double[] {2, 7.5}) {
            assertThat(RandomWalk.exact(12, p)[0]).isCloseTo(enumerated(12, p), Offset.offset(1e-9));
            double h = 1e-5;
            double fd = (enumerated(12, p + h) - enumerated(12, p - h)) / (2 * h);
            assertThat(RandomWalk.exact(12, p)[1]).isCloseTo(fd, Offset.offset(1e-5));
        }
        double h = 1e-4;
        double fd = (RandomWalk.exact(100, 50 + h)[0] - RandomWalk.exact(100, 50 - h)[0]) / (2 * h);
        assertThat(RandomWalk.exact(100, 50)[1]).isCloseTo(fd, Offset.offset(1e-6 * Math.abs(fd)));
    }

    @Test
    void stochasticAdMatchesTheExactDerivative() {
        int[][] cases = {{50, 100}, {100, 50}};
        for (int[] c : cases) {
            double exact = RandomWalk.exact(c[0], c[1])[1];
            for (StochasticAdOptions o : new StochasticAdOptions[] {StochasticAdOptions.propagate(),
                StochasticAdOptions.replay()}) {
                GradientEstimate g = Estimators.stochasticAd(o).estimate(RandomWalk.program(c[0]),
                        new double[] {c[1]}, 20_000, 3);
                assertThat(Math.abs(g.mean(0) - exact)).as("n=%d p=%d %s", c[0], c[1], o.strategy())
                        .isLessThanOrEqualTo(5 * g.standardError(0));
                assertThat(5 * g.standardError(0)).isLessThan(0.06 * exact);
            }
        }
    }
}
