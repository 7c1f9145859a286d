package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stochad.distribution.DiscreteFamilies;

/**
 * The smoothed estimator is biased by design: unbiased when the output is linear in every discrete
 * outcome, with a known bias on a nonlinear program, and its name says so.
 */
class SmoothedEstimatorTest {

    private static final Estimator SMOOTHED = Estimators.smoothed();

    @Test
    void nameSaysBiased() {
        assertThat(SMOOTHED.name()).contains("(biased)");
    }

    @Test
    void unbiasedOnLinearPrograms() {
        // sin-Bernoulli (README): f = x² + Bernoulli(sin²(2x)), d/dx E[f] = 2x + 2 sin 4x
        double x0 = 0.3;
        StochasticProgram sinBernoulli = (s, t) -> t[0].square().plus(s.bernoulli(t[0].times(2).sin().square()));
        GradientEstimate g = SMOOTHED.estimate(sinBernoulli, new double[] {x0}, 100_000, 3);
        Unbiased.assertUnbiased(g, 2 * x0 + 2 * Math.sin(4 * x0), "smoothed sin-Bernoulli");
        // f = 3·Binomial(10, p) + Poisson(λ) + NegBin(r, q): linear in every outcome, all four parameters
        StochasticProgram linear = (s, t) -> s.binomial(10, t[0]).times(3).plus(s.fork(1).poisson(t[1]))
                .plus(s.fork(2).draw(DiscreteFamilies.negativeBinomial(), t[2], t[3]));
        GradientEstimate l = SMOOTHED.estimate(linear, new double[] {0.3, 2, 3, 0.4}, 100_000, 4);
        double[] exact = {30, 1, (1 - 0.4) / 0.4, -3 / (0.4 * 0.4)};
        for (int j = 0; j < 4; j++) {
            Unbiased.assertUnbiased(l, j, exact[j], "smoothed linear " + j);
        }
    }

    @Test
    void knownBiasOnANonlinearProgram() {
        // X ~ Poisson(λ), f = X²: every draw's smoothed tangent is 1 (an up-flip of rate 1), so the
        // estimate is 2X with mean 2λ; the exact d/dλ (λ + λ²) = 1 + 2λ: bias −1, the missing
        // (f(x + 1) − f(x)) − f'(x) = 1 per flip
        double lambda = 3;
        StochasticProgram square = (s, t) -> s.poisson(t[0]).square();
        GradientEstimate g = SMOOTHED.estimate(square, new double[] {lambda}, 200_000, 5);
        // se ≈ √(4λ/n) ≈ 0.008: the bias of −1 is over 100 se, and 5 se of either check is far below it
        assertThat(g.standardError(0)).as("se small enough to tell a bias of −1 from 0").isLessThan(0.05);
        assertThat(Math.abs(g.mean(0) - 2 * lambda)).isLessThanOrEqualTo(5 * g.standardError(0));
        assertThat(g.variance(0)).isCloseTo(4 * lambda, org.assertj.core.data.Offset.offset(0.2));
        GradientEstimate exact = Estimators.stochasticAd().estimate(square, new double[] {lambda}, 200_000, 5);
        Unbiased.assertUnbiased(exact, 1 + 2 * lambda, "replay on the same program");
        assertThat(g.mean(0) - (1 + 2 * lambda)).as("bias").isLessThan(-1 + 5 * g.standardError(0))
                .isGreaterThan(-1 - 5 * g.standardError(0));
    }
}
