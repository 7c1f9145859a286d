package org.stochad.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.optim.Adam;
import org.stochad.optim.OptimizationResult;

class PoissonFitTest {

    /** KL(Poisson(p) ‖ NegBin(10, 0.25)) straight from the two distributions' log-pmfs. */
    private static double kl(double p) {
        PoissonDistribution pois = PoissonDistribution.of(p);
        PascalDistribution nb = PascalDistribution.of(10, 0.25);
        double s = 0;
        for (int k = 0; k < 400; k++) {
            double w = pois.probability(k);
            if (w > 0) {
                s += w * (pois.logProbability(k) - nb.logProbability(k));
            }
        }
        return s;
    }

    @Test
    void seriesAgreeWithTheDistributionsAndTheOptimumIsAMinimum() {
        for (double p : new double[] {3, 17, 28.9, 45}) {
            assertThat(PoissonFit.exact(p)[0]).isCloseTo(kl(p), Offset.offset(1e-9));
            double h = 1e-4;
            assertThat(PoissonFit.exact(p)[1]).isCloseTo((kl(p + h) - kl(p - h)) / (2 * h), Offset.offset(1e-6));
        }
        double opt = PoissonFit.exactOptimum();
        assertThat(kl(opt)).isLessThan(kl(opt - 0.05)).isLessThan(kl(opt + 0.05));
        assertThat(opt).isBetween(28.5, 29.5);
    }

    @Test
    void stochasticAdGradientOfTheLossIsExact() {
        for (double p : new double[] {10, 40}) {
            double exact = PoissonFit.exact(p)[1];
            GradientEstimate g = Estimators.stochasticAd(StochasticAdOptions.propagate())
                    .estimate(PoissonFit.loss(), new double[] {p}, 100_000, 2);
            assertThat(Math.abs(g.mean(0) - exact)).as("p=%s: %s vs %s", p, g, exact)
                    .isLessThanOrEqualTo(5 * g.standardError(0));
            assertThat(5 * g.standardError(0)).isLessThan(0.05 * Math.abs(exact));
        }
    }

    @Test
    void adamWithStochasticAdConvergesToTheExactOptimum() {
        double opt = PoissonFit.exactOptimum();
        OptimizationResult r = Adam.of(0.5).withBounds(new double[] {0.5}, new double[] {200})
                .minimize(PoissonFit.loss(), Estimators.stochasticAd(StochasticAdOptions.propagate()),
                        new double[] {5}, 400, 200, 4);
        double[][] path = r.parameters();
        double[] col = new double[path.length];
        for (int i = 0; i < path.length; i++) {
            col[i] = path[i][0];
        }
        double[] tail = PoissonFit.tail(col, 100);
        // within 0.2 of p* ≈ 28.88: far from the start (5) and from the moment-matching answer 30
        assertThat(Math.abs(tail[0] - opt)).as("mean of the last 100 steps %s vs %s", tail[0], opt).isLessThan(0.2);
        assertThat(Math.abs(30 - opt)).isGreaterThan(1);
    }
}
