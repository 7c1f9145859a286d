package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.function.DoubleToIntFunction;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.GeometricDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.ClosedForms.Kind;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamily;

/**
 * The discrete families: inversion against Commons Statistics, CDF derivatives against
 * differences of the CDF, the extension point, categorical zero-probability categories and
 * Bernoulli at p = 0 and 1.
 */
class DiscreteFamilyTest {

    /** Uniforms spread over (0, 1), dense near both ends. */
    private static double[] uniforms() {
        double[] u = new double[2000];
        for (int i = 0; i < 1000; i++) {
            u[i] = (i + 0.5) / 1000;
        }
        for (int i = 0; i < 500; i++) {
            u[1000 + i] = Math.pow(10, -1 - 12.0 * i / 500);
            u[1500 + i] = 1 - Math.pow(10, -1 - 12.0 * i / 500);
        }
        return u;
    }

    static Stream<Arguments> inversions() {
        return Stream.of(
                Arguments.of("bernoulli 0.3", DiscreteFamilies.bernoulli(), 0.3, (DoubleToIntFunction) u -> u > 0.7 ? 1 : 0),
                Arguments.of("binomial 3", DiscreteFamilies.binomial(3), 0.35, (DoubleToIntFunction) BinomialDistribution.of(3, 0.35)::inverseCumulativeProbability),
                Arguments.of("binomial 20", DiscreteFamilies.binomial(20), 0.35, (DoubleToIntFunction) BinomialDistribution.of(20, 0.35)::inverseCumulativeProbability),
                Arguments.of("binomial 2000", DiscreteFamilies.binomial(2000), 0.5, (DoubleToIntFunction) BinomialDistribution.of(2000, 0.5)::inverseCumulativeProbability),
                Arguments.of("geometric 0.4", DiscreteFamilies.geometric(), 0.4, (DoubleToIntFunction) GeometricDistribution.of(0.4)::inverseCumulativeProbability),
                Arguments.of("geometric 0.001", DiscreteFamilies.geometric(), 0.001, (DoubleToIntFunction) GeometricDistribution.of(0.001)::inverseCumulativeProbability),
                Arguments.of("poisson 2.5", DiscreteFamilies.poisson(), 2.5, (DoubleToIntFunction) PoissonDistribution.of(2.5)::inverseCumulativeProbability),
                Arguments.of("poisson 80", DiscreteFamilies.poisson(), 80, (DoubleToIntFunction) PoissonDistribution.of(80)::inverseCumulativeProbability),
                Arguments.of("poisson 900", DiscreteFamilies.poisson(), 900, (DoubleToIntFunction) PoissonDistribution.of(900)::inverseCumulativeProbability),
                Arguments.of("negbin 3", DiscreteFamilies.negativeBinomial(3), 0.5, (DoubleToIntFunction) PascalDistribution.of(3, 0.5)::inverseCumulativeProbability));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inversions")
    void quantileIsTheSmallestXWithCdfAtLeastU(String name, DiscreteFamily f, double theta, DoubleToIntFunction oracle) {
        for (double u : uniforms()) {
            int x = f.quantile(u, theta);
            int expected = oracle.applyAsInt(u);
            if (x != expected) {
                // Oracle and family may differ only where u sits on a CDF value within rounding.
                assertThat(Math.abs(x - expected)).as("%s at u=%s", name, u).isEqualTo(1);
                double boundary = f.cdf(Math.min(x, expected), theta);
                assertThat(Math.abs(boundary - u)).as("%s at u=%s", name, u).isLessThan(1e-12 * Math.max(1, 1 / (1 - u)));
            }
        }
    }

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("bernoulli", DiscreteFamilies.bernoulli(), 0.3, 1),
                Arguments.of("binomial 20", DiscreteFamilies.binomial(20), 0.35, 20),
                Arguments.of("geometric", DiscreteFamilies.geometric(), 0.4, 30),
                Arguments.of("poisson", DiscreteFamilies.poisson(), 2.5, 20),
                Arguments.of("negbin 2.5", DiscreteFamilies.negativeBinomial(2.5), 0.5, 30),
                Arguments.of("negbin 3", DiscreteFamilies.negativeBinomial(3), 0.3, 40),
                Arguments.of("user pair", new CenteredPair(), 0.3, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void pmfCdfAndCdfDerivativeAreConsistent(String name, DiscreteFamily f, double theta, int max) {
        double h = 1e-6;
        double cumulative = 0;
        for (int x = f.lowerBound(); x <= max; x++) {
            cumulative += f.pmf(x, theta);
            assertThat(f.cdf(x, theta)).as("%s cdf(%s)", name, x).isCloseTo(cumulative, offset(1e-12));
            double numeric = (f.cdf(x, theta + h) - f.cdf(x, theta - h)) / (2 * h);
            assertThat(f.cdfDerivative(x, theta)).as("%s cdf'(%s)", name, x).isCloseTo(numeric, offset(1e-7));
        }
        assertThat(f.cdf(f.lowerBound() - 1, theta)).isZero();
    }

    @Test
    void negativeBinomialPmfMatchesTheWrittenOutFormula() {
        for (double r : new double[] {0.5, 2.5, 3}) {
            for (int x = 0; x < 40; x++) {
                assertThat(DiscreteFamilies.negativeBinomial(r).pmf(x, 0.4))
                        .isCloseTo(ClosedFormOracleTest.negativeBinomialPmf(x, r, 0.4), offset(1e-13));
            }
        }
    }

    @Test
    void userFamilyDrawsFromItsOwnSupport() {
        // default quantile from lowerBound −1: frequencies of −1, 0, 1 match (0.49, 0.42, 0.09)
        int[] counts = new int[3];
        StochasticProgram p = (s, th) -> {
            StochasticTriple x = s.draw(new CenteredPair(), th[0]);
            synchronized (counts) {
                counts[x.intValue() + 1]++;
            }
            return x;
        };
        int n = 100_000;
        Estimators.scoreFunction().withParallelism(1).estimate(p, new double[] {0.3}, n, 3);
        double[] pmf = {0.49, 0.42, 0.09};
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs(counts[i] - n * pmf[i])).isLessThanOrEqualTo(5 * Math.sqrt(n * pmf[i] * (1 - pmf[i])));
        }
    }

    // ------------------------------------------------------------ categorical

    /** Categorical over (θ, 0, 1 − θ): E[x] = 2(1 − θ); category 1 must never appear in either world. */
    private static StochasticTriple skipping(Sampler s, StochasticTriple t) {
        StochasticTriple x = s.categorical(t, StochasticTriple.constant(0), t.neg().plus(1));
        if (x.value() == 1 || x.hasPerturbation() && x.alternative() == 1) {
            throw new AssertionError("zero-probability category 1 drawn or offered as alternative: " + x);
        }
        if (x.hasPerturbation()) {
            assertThat(Math.abs(x.perturbationShift())).isEqualTo(2);
        }
        return x;
    }

    @Test
    void categoricalSkipsZeroProbabilityCategoriesInEveryEstimator() {
        for (Kind kind : Kind.values()) {
            GradientEstimate direct = kind.estimator().estimate((s, th) -> skipping(s, th[0]), new double[] {0.4}, 140_000, 51);
            Unbiased.assertUnbiased(direct, -2, "categorical skip " + kind);
            GradientEstimate mirror = kind.estimator().estimate((s, th) -> skipping(s, th[0].neg().plus(1)),
                    new double[] {0.6}, 140_000, 52);
            Unbiased.assertUnbiased(mirror, 2, "categorical skip mirror " + kind);
        }
    }

    @Test
    void categoricalWithZeroEndsNeverDrawsThem() {
        // (0, θ, 1 − θ, 0): index 0 and 3 never drawn, never alternatives; E[x] = θ + 2(1 − θ) = 2 − θ
        StochasticProgram p = (s, th) -> {
            StochasticTriple zero = StochasticTriple.constant(0);
            StochasticTriple x = s.categorical(zero, th[0], th[0].neg().plus(1), zero);
            if (x.value() == 0 || x.value() == 3 || x.alternative() == 0 || x.alternative() == 3) {
                throw new AssertionError("edge category reached: " + x);
            }
            return x;
        };
        for (Kind kind : Kind.values()) {
            Unbiased.assertUnbiased(kind.estimator().estimate(p, new double[] {0.5}, kind == Kind.SCORE ? 800_000 : 80_000, 53), -1, "zero ends " + kind);
        }
    }

    // ------------------------------------------------------------ Bernoulli at the ends

    @Test
    void bernoulliAtZeroAndOneDrawsTheCertainOutcome() {
        // the mean of f over the primal runs is exactly p: every primal draw gave the certain outcome.
        // The tangent points into [0, 1] (p = θ at 0, p = 1 − θ at 1); the score function, which never
        // draws the outcome that gains probability, refuses (BoundaryTest has the closed forms).
        StochasticProgram atZero = (s, th) -> s.bernoulli(th[0]);
        StochasticProgram atOne = (s, th) -> s.bernoulli(th[0].neg().plus(1));
        for (Kind kind : Kind.values()) {
            for (double p : new double[] {0, 1}) {
                StochasticProgram at = p == 0 ? atZero : atOne;
                if (kind == Kind.SCORE || kind == Kind.SCORE_BASELINE) {
                    assertThatThrownBy(() -> kind.estimator().estimate(at, new double[] {0}, 2000, 61))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score function cannot");
                    continue;
                }
                GradientEstimate g = kind.estimator().estimate(at, new double[] {0}, 2000, 61);
                assertThat(g.value()).isEqualTo(p);
                assertThat(Double.isFinite(g.mean(0))).isTrue();
            }
        }
    }

    @Test
    void bernoulliAtTheEndsHasExactOneSidedDerivatives() {
        // E[x] = p. At p = 0 with δ > 0 every draw may jump up with weight 1: derivative exactly 1.
        // Mirrored (p = 1 − θ), at p = 1 every draw may jump down: exactly −1. A tangent that points
        // out of [0, 1] (p = 1 with δ > 0, p = 0 with δ < 0) has no derivative: refused, never a silent 0.
        StochasticProgram direct = (s, th) -> s.bernoulli(th[0]);
        StochasticProgram mirror = (s, th) -> s.bernoulli(th[0].neg().plus(1));
        for (Kind kind : new Kind[] {Kind.PROPAGATE, Kind.REPLAY}) {
            Estimator e = kind.estimator();
            assertExactly(e.estimate(direct, new double[] {0}, 1000, 62), 1);
            assertThatThrownBy(() -> e.estimate(direct, new double[] {1}, 1000, 62))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("bernoulli", "p = 1.0", "points out");
            assertExactly(e.estimate(mirror, new double[] {0}, 1000, 62), -1);
            assertThatThrownBy(() -> e.estimate(mirror, new double[] {1}, 1000, 62))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("bernoulli", "p = 0.0", "points out");
        }
    }

    @Test
    void otherFamiliesAtTheEdgeOfTheirParameterRange() {
        // Every draw sits at the support's edge and jumps with weight 1 (or n): exact, zero variance.
        // Poisson(λ = 0), δ > 0: E x = λ → 1. Binomial(3, p = 1) written in 1 − θ at θ = 0: E x = 3(1 − θ) → −3.
        // Geometric(p = 1) written in 1 − θ at θ = 0: E x = θ/(1 − θ) → 1.
        for (Kind kind : new Kind[] {Kind.PROPAGATE, Kind.REPLAY}) {
            Estimator e = kind.estimator();
            assertExactly(e.estimate((s, th) -> s.poisson(th[0]), new double[] {0}, 1000, 63), 1);
            assertExactly(e.estimate((s, th) -> s.binomial(3, th[0].neg().plus(1)), new double[] {0}, 1000, 64), -3);
            assertExactly(e.estimate((s, th) -> s.geometric(th[0].neg().plus(1)), new double[] {0}, 1000, 65), 1);
        }
    }

    private static void assertExactly(GradientEstimate g, double exact) {
        assertThat(g.mean(0)).isEqualTo(exact);
        assertThat(g.variance(0)).isZero();
    }
}
