package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Central finite differences with common random numbers: unbiased to O(h²) on a smooth program,
 * with exactly the Taylor bias h²/6·g‴ where it is visible.
 */
class FiniteDifferenceTest {

    @Test
    void smoothProgramWithSmallStepMatchesTheDerivative() {
        // x ~ N(θ, 1), f = x³: E = θ³ + 3θ, g' = 3θ² + 3; bias h² = 1e-6 is far below the se.
        double theta = 0.8;
        StochasticProgram cube = (s, th) -> s.normal(th[0], StochasticTriple.constant(1)).pow(3);
        GradientEstimate g = Estimators.finiteDifference(1e-3).estimate(cube, new double[] {theta}, 150_000, 41);
        Unbiased.assertUnbiased(g, 3 * theta * theta + 3, "FD smooth");
    }

    @Test
    void largeStepShowsTheTaylorBiasOfANonPolynomialExpectation() {
        // x ~ N(θ, 1), f = eˣ: g(θ) = e^(θ+1/2) = g' = g‴. Central difference mean
        // = g'·sinh(h)/h = g' + g‴h²/6 + g⁽⁵⁾h⁴/120 + …
        double theta = 0.2;
        double h = 0.5;
        double g1 = Math.exp(theta + 0.5);
        StochasticProgram exp = (s, th) -> s.normal(th[0], StochasticTriple.constant(1)).exp();
        GradientEstimate g = Estimators.finiteDifference(h).estimate(exp, new double[] {theta}, 400_000, 42);
        double exactDifference = (Math.exp(theta + h + 0.5) - Math.exp(theta - h + 0.5)) / (2 * h);
        double se = g.standardError(0);
        double bias = g.mean(0) - g1;
        double taylor = g1 * h * h / 6;
        double nextTerm = g1 * Math.pow(h, 4) / 120;
        assertThat(Math.abs(g.mean(0) - exactDifference)).as("mean vs exact central difference").isLessThanOrEqualTo(5 * se);
        assertThat(bias).as("bias must be visible: > 10 se").isGreaterThan(10 * se);
        assertThat(Math.abs(bias - taylor)).as("bias vs h²/6·g‴").isLessThanOrEqualTo(5 * se + 1.5 * nextTerm);
        assertThat(nextTerm).as("the Taylor remainder is below the resolution").isLessThan(5 * se);
    }

    @Test
    void discreteProgramHasExactlyTheCubicTaylorBias() {
        // x ~ Poisson(λ), f = x³: g(λ) = λ³ + 3λ² + λ, g' = 3λ² + 6λ + 1, g‴ = 6, so the central
        // difference has mean g' + h² exactly; with h = 1 the bias is 1 against g' = 25.
        double lambda = 2;
        double h = 1;
        StochasticProgram cube = (s, th) -> s.poisson(th[0]).pow(3);
        GradientEstimate g = Estimators.finiteDifference(h).estimate(cube, new double[] {lambda}, 200_000, 43);
        double g1 = 3 * lambda * lambda + 6 * lambda + 1;
        double se = g.standardError(0);
        assertThat(Math.abs(g.mean(0) - (g1 + h * h))).as("mean vs g' + h²").isLessThanOrEqualTo(5 * se);
        assertThat(g.mean(0) - g1).as("bias visible").isGreaterThan(10 * se);
    }

    @Test
    void commonRandomNumbersMakeALinearProgramExact() {
        // f = 3·x + θ with x ~ N(θ, 2): every sample's difference is exactly 4 (up to rounding).
        StochasticProgram linear = (s, th) -> s.normal(th[0], StochasticTriple.constant(2)).times(3).plus(th[0]);
        GradientEstimate g = Estimators.finiteDifference(0.01).estimate(linear, new double[] {1.5}, 1000, 44);
        assertThat(g.mean(0)).isCloseTo(4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.variance(0)).isLessThan(1e-16);
    }
}
