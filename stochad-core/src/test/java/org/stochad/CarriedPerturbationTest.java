package org.stochad;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.ClosedForms.Kind;

/**
 * Draws whose parameter depends on an earlier draw: in propagation the earlier draw's
 * perturbation is carried into the later draw by inverting the same uniform at the alternative
 * parameter, and merged with the later draw's own perturbations. Exact values by conditioning on
 * the first draw b ~ Bernoulli(θ) at θ = 0.4.
 */
class CarriedPerturbationTest {

    private static final double T = 0.4;

    /** d/dθ of (1−θ)·h(p₀(θ)) + θ·h(p₁(θ)) for a geometric mean h(p) = 1/p − 1, p_b(θ) = a_b − 0.1θ. */
    private static double geometricMixture() {
        double p0 = 0.5 - 0.1 * T;
        double p1 = 0.25 - 0.1 * T;
        double h0 = 1 / p0 - 1;
        double h1 = 1 / p1 - 1;
        return -h0 + h1 + (1 - T) * (1 / (p0 * p0)) * 0.1 + T * (1 / (p1 * p1)) * 0.1;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // x ~ Poisson(1 + 2b): E x² = (1−θ)·2 + θ·12
                Arguments.of("Poisson(1+2b)^2", (StochasticProgram) (s, th) -> {
                    StochasticTriple b = s.bernoulli(th[0]);
                    return s.poisson(b.times(2).plus(1)).square();
                }, 10.0, new int[] {200_000, 200_000, 610_000, 400_000}),
                // x ~ Categorical(0.2 + 0.5b, 0.8 − 0.5b): E 7x = 7(0.8 − 0.5θ)
                Arguments.of("Categorical(b)", (StochasticProgram) (s, th) -> {
                    StochasticTriple b = s.bernoulli(th[0]);
                    return s.categorical(b.times(0.5).plus(0.2), b.times(-0.5).plus(0.8)).times(7);
                }, -3.5, new int[] {150_000, 150_000, 650_000, 300_000}),
                // c ~ Bernoulli(0.3 + 0.4b), f = c + 2b·c: E = 0.3 + 0.4θ + 2·0.7θ
                Arguments.of("Bernoulli(b)", (StochasticProgram) (s, th) -> {
                    StochasticTriple b = s.bernoulli(th[0]);
                    StochasticTriple c = s.bernoulli(b.times(0.4).plus(0.3));
                    return c.plus(b.times(c).times(2));
                }, 1.8, new int[] {100_000, 100_000, 360_000, 160_000}),
                // g ~ Geometric(0.5 − 0.25b − 0.1θ): carried jump and own (negative-tangent) jumps on one draw
                Arguments.of("Geometric(b, θ)", (StochasticProgram) (s, th) -> {
                    StochasticTriple b = s.bernoulli(th[0]);
                    return s.geometric(b.times(-0.25).plus(0.5).minus(th[0].times(0.1)));
                }, geometricMixture(), new int[] {200_000, 200_000, 1_000_000, 730_000}));
    }

    static Stream<Arguments> runs() {
        return cases().flatMap(c -> Stream.of(Kind.values()).map(k -> Arguments.of(c.get()[0], c.get()[1], c.get()[2], c.get()[3], k)));
    }

    @ParameterizedTest(name = "{0} by {4}")
    @MethodSource("runs")
    void carriedPerturbationsAreUnbiased(String name, StochasticProgram program, double exact, int[] samples, Kind kind) {
        GradientEstimate g = kind.estimator().estimate(program, new double[] {T}, samples[kind.ordinal()], 81 + kind.ordinal());
        Unbiased.assertUnbiased(g, exact, name + " by " + kind);
    }
}
