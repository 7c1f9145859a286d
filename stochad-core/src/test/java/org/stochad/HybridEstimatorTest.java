package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The hybrid SAD/score estimator: unbiased for both tangent signs, never much worse than either part. */
class HybridEstimatorTest {

    private static final Estimator HYBRID = Estimators.hybrid();

    @Test
    void closedFormsForBothTangentSigns() {
        double p = 0.3;
        StochasticProgram direct = (s, t) -> s.bernoulli(t[0]).plus(1).square();
        StochasticProgram mirrored = (s, t) -> s.bernoulli(t[0].neg().plus(1)).plus(1).square();
        Unbiased.assertUnbiased(HYBRID.estimate(direct, new double[] {p}, 200_000, 1), 3.0, "bernoulli direct");
        Unbiased.assertUnbiased(HYBRID.estimate(mirrored, new double[] {1 - p}, 200_000, 2), -3.0, "bernoulli mirrored");
        StochasticProgram geometric = (s, t) -> s.geometric(t[0]).plus(1).square();
        Unbiased.assertUnbiased(HYBRID.estimate(geometric, new double[] {p}, 400_000, 3),
                (p - 4) / (p * p * p), "geometric");
        StochasticProgram poisson = (s, t) -> s.poisson(t[0]).plus(1).square();
        Unbiased.assertUnbiased(HYBRID.estimate(poisson, new double[] {2.5}, 200_000, 4), 2 * 2.5 + 3, "poisson");
    }

    @Test
    void pathwiseAndDiscreteParts() {
        // E[x² + B(sin²(2x))]′ = 2x + 4 sin(2x) cos(2x)
        double x = 0.7;
        StochasticProgram program = (s, t) -> t[0].square().plus(s.bernoulli(t[0].times(2).sin().square()));
        Unbiased.assertUnbiased(HYBRID.estimate(program, new double[] {x}, 300_000, 5),
                2 * x + 4 * Math.sin(2 * x) * Math.cos(2 * x), "sin-bernoulli");
    }

    @Test
    void varianceIsAboutTheSmallerOfItsParts() {
        // a loop with control flow: the number of tries until a success, squared
        StochasticProgram tries = (s, t) -> {
            int n = 1;
            while (s.bernoulli(t[0]).value() == 0) {
                n++;
            }
            return StochasticTriple.constant((double) n * n);
        };
        double p = 0.5;
        GradientEstimate sad = Estimators.stochasticAd().estimate(tries, new double[] {p}, 100_000, 6);
        GradientEstimate score = Estimators.scoreFunctionWithBaseline().estimate(tries, new double[] {p}, 100_000, 6);
        GradientEstimate hybrid = HYBRID.estimate(tries, new double[] {p}, 100_000, 6);
        double exact = -4 / (p * p * p) + 1 / (p * p);
        assertThat(Math.abs(hybrid.mean(0) - exact)).isLessThanOrEqualTo(5 * hybrid.standardError(0));
        assertThat(hybrid.variance(0)).isLessThanOrEqualTo(1.05 * Math.min(sad.variance(0), score.variance(0)));
    }

    @Test
    void needsReplayAndTwoSamples() {
        assertThatThrownBy(() -> Estimators.hybrid(StochasticAdOptions.propagate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROPAGATE");
        assertThatThrownBy(() -> HYBRID.estimate((s, t) -> s.bernoulli(t[0]), new double[] {0.5}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samples = 1");
    }

    @Test
    void smallBatchesMixWithFixedWeightAndStayUnbiased() {
        // batches of 2: the average over many seeds must still be unbiased
        StochasticProgram program = (s, t) -> s.poisson(t[0]).plus(1).square();
        double sum = 0;
        double sumSq = 0;
        int batches = 100_000;
        for (int b = 0; b < batches; b++) {
            double g = HYBRID.withParallelism(1).estimate(program, new double[] {2.5}, 2, b).mean(0);
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / batches;
        double se = Math.sqrt((sumSq / batches - mean * mean) / batches);
        assertThat(se).isLessThan(0.004 * 8);
        assertThat(Math.abs(mean - 8)).isLessThanOrEqualTo(5 * se);
    }
}
