package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.ClosedForms.Body;
import org.stochad.distribution.ContinuousFamilies;
import org.stochad.distribution.ContinuousFamily;

/**
 * The continuous-draw primitives against closed forms: draws of continuous families (implicit
 * reparameterisation, or the score ∂θ log p), the comparison with a random threshold and the
 * region split, each for a positive tangent (the body run on θ) and a negative one (the body run
 * on 1 − θ at the mirrored point), under propagation, replay, the score function with and
 * without baseline, the hybrid and — for the smooth draws — finite differences.
 */
class ContinuousPrimitivesTest {

    /** The estimators of these tests. */
    enum Mode {
        PROPAGATE, REPLAY, SCORE, SCORE_BASELINE, HYBRID, FINITE_DIFFERENCE;

        Estimator estimator() {
            switch (this) {
                case PROPAGATE: return Estimators.stochasticAd(StochasticAdOptions.propagate());
                case REPLAY: return Estimators.stochasticAd();
                case SCORE: return Estimators.scoreFunction();
                case SCORE_BASELINE: return Estimators.scoreFunctionWithBaseline();
                case HYBRID: return Estimators.hybrid();
                default: return Estimators.finiteDifference(1e-4);
            }
        }
    }

    private static final ContinuousFamily GAMMA = ContinuousFamilies.gamma();
    private static final ContinuousFamily BETA = ContinuousFamilies.betaOne();
    private static final ContinuousFamily EXP = ContinuousFamilies.exponential();
    private static final ContinuousFamily TRUNC = ContinuousFamilies.truncatedExponential();

    private static StochasticTriple c(double v) {
        return StochasticTriple.constant(v);
    }

    /**
     * A closed form of a program of one parameter t.
     *
     * @param name    what it is
     * @param point   the direct program's t
     * @param exact   d/dt E[f] at the point
     * @param body    the program of t
     * @param samples samples for the pathwise estimators (propagate, replay, hybrid, FD)
     * @param scoreSamples samples for the score function without / with baseline (0: not run)
     * @param smooth  whether finite differences apply
     */
    record Case(String name, double point, double exact, Body body, int samples, int[] scoreSamples, boolean smooth) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        double tg = 1.7;
        double tb = 0.8;
        double te = 0.9;
        double th = 0.6;
        double ts = 1.3;
        double lambda = 0.7;
        double upper = 2;
        double q = Math.exp(-lambda * upper);
        List<Case> all = new ArrayList<>();
        // E[Z²] = t(t + 1) for Z ~ Gamma(t): by the family's own (Marsaglia–Tsang) sampler
        all.add(new Case("gamma(t) z^2", tg, 2 * tg + 1, (s, t) -> s.draw(GAMMA, t).square(), 200_000,
                new int[] {1_200_000, 1_200_000}, false));
        // shape < 1 goes through the boost u^(1/a)
        all.add(new Case("gamma(t<1) z^2", 0.45, 2 * 0.45 + 1, (s, t) -> s.draw(GAMMA, t).square(), 340_000,
                new int[] {1_350_000, 1_350_000}, false));
        // E[√Z] = t/(t + 1/2) for Z ~ Beta(t, 1): by inversion
        all.add(new Case("betaOne(t) sqrt z", tb, 0.5 / Math.pow(tb + 0.5, 2), (s, t) -> s.draw(BETA, t).sqrt(),
                200_000, new int[] {1_200_000, 1_200_000}, true));
        // E[Z] = 1/λ − L q/(1 − q), q = e^(−λL), for the truncated exponential: λ = t
        all.add(new Case("truncExp(t, 2) z", lambda, -1 / (lambda * lambda) + upper * upper * q / Math.pow(1 - q, 2),
                (s, t) -> s.draw(TRUNC, t, c(upper)), 200_000, new int[] {1_200_000, 1_200_000}, true));
        // … and L = 2 + t at t = 0 (the support moves: pathwise only): ∂L E[Z] = −q/(1−q) + λLq/(1−q)²
        all.add(new Case("truncExp(0.7, 2+t) z", 0, -q / (1 - q) + lambda * upper * q / Math.pow(1 - q, 2),
                (s, t) -> s.draw(TRUNC, c(lambda), t.plus(upper)), 300_000, null, true));
        // a continuous draw feeding a discrete one: E[B(Z/2)] with Z ~ Beta(t,1) is t/(2(t+1))
        all.add(new Case("bernoulli(betaOne(t)/2)", tb, 0.5 / Math.pow(tb + 1, 2),
                (s, t) -> s.bernoulli(s.draw(BETA, t).times(0.5)), 600_000, new int[] {1_200_000, 1_200_000}, false));
        // thresholds: f = 1[t < T]·(2 + t) + 1[t/2 < T′], T, T′ ~ Exp(1): E f = (2 + t)e^(−t) + e^(−t/2)
        all.add(new Case("below(t, Exp(1))·(2+t) + below(t/2, Exp(1))", te,
                -(1 + te) * Math.exp(-te) - 0.5 * Math.exp(-te / 2),
                (s, t) -> s.below(t, EXP, c(1)).times(t.plus(2)).plus(s.below(t.times(0.5), EXP, c(1))),
                300_000, new int[] {300_000, 300_000}, false));
        // threshold with a parameter-dependent rate: P(t < T), T ~ Exp(t) is e^(−t²)
        all.add(new Case("below(t, Exp(t))", th, -2 * th * Math.exp(-th * th),
                (s, t) -> s.below(t, EXP, t), 300_000, new int[] {300_000, 300_000}, false));
        // threshold of a pathwise-perturbed value: x = t·Z, Z ~ Beta(2,1) pathwise-free, P(x < T) = E e^(−tZ)
        // = ∫ 2z e^(−tz) dz over [0,1]; derivative −∫ 2z² e^(−tz) dz
        all.add(new Case("below(t·Beta(2,1), Exp(1))", th, -twoZSquaredExp(th),
                (s, t) -> s.below(t.times(s.draw(BETA, c(2))), EXP, c(1)), 300_000, new int[] {300_000, 300_000}, false));
        // split of Z ~ Exp(t) at b = 0.5 + 0.5t: f = 3·region + Z, E f = 3e^(−tb) + 1/t
        double b = 0.5 + 0.5 * ts;
        all.add(new Case("split(Exp(t), 0.5+0.5t) 3r+z", ts, -3 * Math.exp(-ts * b) * (b + 0.5 * ts) - 1 / (ts * ts),
                (s, t) -> {
                    RegionDraw d = s.split(EXP, new StochasticTriple[] {t}, t.times(0.5).plus(0.5));
                    return d.region().times(3).plus(d.value());
                }, 300_000, new int[] {600_000, 600_000}, false));
        // three regions at 0.3 and 1.2: E[r²] = e^(−0.3t) + 3e^(−1.2t), E[Z²] = 2/t²
        all.add(new Case("split(Exp(t), 0.3, 1.2) r^2+z^2", ts,
                -0.3 * Math.exp(-0.3 * ts) - 3.6 * Math.exp(-1.2 * ts) - 4 / (ts * ts * ts),
                (s, t) -> {
                    RegionDraw d = s.split(EXP, new StochasticTriple[] {t}, c(0.3), c(1.2));
                    return d.region().square().plus(d.value().square());
                }, 400_000, new int[] {1_200_000, 1_200_000}, false));
        return all;
    }

    /** ∫₀¹ 2z² e^(−tz) dz = 4·γ(3, t)/t³, by the regularized gamma function. */
    private static double twoZSquaredExp(double t) {
        return 4 * RegularizedGamma.P.value(3, t) / (t * t * t);
    }

    static Stream<Arguments> runs() {
        List<Arguments> a = new ArrayList<>();
        for (Case c : cases()) {
            for (Mode m : Mode.values()) {
                if ((m == Mode.SCORE || m == Mode.SCORE_BASELINE) && c.scoreSamples() == null
                        || m == Mode.FINITE_DIFFERENCE && !c.smooth()) {
                    continue;
                }
                a.add(Arguments.of(c, m, false));
                a.add(Arguments.of(c, m, true));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} | {1} | mirrored={2}")
    @MethodSource("runs")
    void matchesClosedForm(Case c, Mode mode, boolean mirrored) {
        StochasticProgram program = mirrored ? (s, th) -> c.body().run(s, th[0].neg().plus(1))
                : (s, th) -> c.body().run(s, th[0]);
        double theta = mirrored ? 1 - c.point() : c.point();
        int n = mode == Mode.SCORE ? c.scoreSamples()[0] : mode == Mode.SCORE_BASELINE ? c.scoreSamples()[1] : c.samples();
        long seed = 7_919L * c.name().hashCode() + 31L * mode.ordinal() + (mirrored ? 5 : 0);
        GradientEstimate g = mode.estimator().estimate(program, new double[] {theta}, n, seed);
        Unbiased.assertUnbiased(g, mirrored ? -c.exact() : c.exact(), c.name() + " by " + mode + (mirrored ? " (mirror)" : ""));
    }

    /**
     * The bias the threshold primitive removes: the same program with T drawn and compared in
     * Java is differentiated pathwise only, and misses the jump at t = T entirely.
     */
    @Test
    void aHardThresholdIsBiasedAndTheConditionedOneIsNot() {
        double t = 0.9;
        double exact = -(1 + t) * Math.exp(-t);
        StochasticProgram hard = (s, th) -> th[0].value() < s.exponential() ? th[0].plus(2) : c(0);
        StochasticProgram conditioned = (s, th) -> s.below(th[0], EXP, c(1)).times(th[0].plus(2));
        GradientEstimate biased = Estimators.stochasticAd().estimate(hard, new double[] {t}, 100_000, 3);
        assertThat(biased.standardError(0)).isLessThan(0.01);
        assertThat(Math.abs(biased.mean(0) - exact)).as("pathwise through a hard threshold")
                .isGreaterThan(50 * biased.standardError(0));
        for (Mode m : List.of(Mode.PROPAGATE, Mode.REPLAY, Mode.SCORE_BASELINE, Mode.HYBRID)) {
            Unbiased.assertUnbiased(m.estimator().estimate(conditioned, new double[] {t}, 300_000, 4), exact,
                    "conditioned threshold by " + m);
        }
    }

    /**
     * At the edge of the threshold's support: x = t at t = 0 is below T ~ Exp(1) with probability
     * 1, and the tangent points into the Bernoulli's domain; d/dt e^(−t) = −1 there. The
     * score function cannot see the outcome whose probability grows (it is never drawn) and refuses.
     */
    @Test
    void thresholdAtTheEdgeOfItsSupport() {
        StochasticProgram p = (s, th) -> s.below(th[0], EXP, c(1)).times(3);
        for (Mode m : List.of(Mode.PROPAGATE, Mode.REPLAY)) {
            GradientEstimate g = m.estimator().estimate(p, new double[] {0}, 2_000, 6);
            assertThat(g.mean(0)).as("edge by %s", m).isCloseTo(-3, org.assertj.core.data.Offset.offset(1e-12));
        }
        // the outcome whose probability grows (x above T) is never drawn: the score function says so
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Mode.SCORE.estimator().estimate(p, new double[] {0}, 2_000, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score function");
    }

    /** The region split at the edge: a boundary beyond the support leaves an empty region that is never drawn. */
    @Test
    void splitWithAnEmptyRegion() {
        // Beta(t, 1) on [0, 1] split at 0.5 and 1: region 2 is empty; E[r] = 1 − 0.5^t
        double t = 0.8;
        StochasticProgram p = (s, th) -> {
            RegionDraw d = s.split(BETA, new StochasticTriple[] {th[0]}, c(0.5), c(1));
            assertThat(d.region().value()).isLessThan(2);
            assertThat(d.value().value()).isBetween(d.region().value() * 0.5, d.region().value() * 0.5 + 0.5);
            return d.region();
        };
        double exact = Math.pow(0.5, t) * Math.log(0.5) * -1;
        for (Mode m : List.of(Mode.PROPAGATE, Mode.REPLAY, Mode.SCORE_BASELINE)) {
            Unbiased.assertUnbiased(m.estimator().estimate(p, new double[] {t}, 150_000, 8), exact, "empty region by " + m);
        }
    }

    /** Gamma's ∂aF by its series, against a central difference of Commons Numbers' P(a, z). */
    @Test
    void gammaCdfDerivativeMatchesAFiniteDifferenceOfTheRegularizedGamma() {
        double[] g = new double[1];
        for (double a : new double[] {0.3, 1, 1.7, 5.5}) {
            for (double z : new double[] {0.01, 0.4, 1.3, 6, 25}) {
                GAMMA.cdfGradient(z, new double[] {a}, g);
                double h = 1e-5;
                double fd = (RegularizedGamma.P.value(a + h, z) - RegularizedGamma.P.value(a - h, z)) / (2 * h);
                assertThat(g[0]).as("a=%s z=%s", a, z).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-8));
            }
        }
    }

    @Test
    void defaultInversionInvertsTheCdf() {
        ContinuousFamily byNewton = new ContinuousFamily() {
            public String name() {
                return "gamma by Newton";
            }

            public int parameterCount() {
                return 1;
            }

            public void checkParameters(double[] theta) {
                GAMMA.checkParameters(theta);
            }

            public double lowerBound(double[] theta) {
                return 0;
            }

            public double upperBound(double[] theta) {
                return Double.POSITIVE_INFINITY;
            }

            public double density(double z, double[] theta) {
                return GAMMA.density(z, theta);
            }

            public double cdf(double z, double[] theta) {
                return GAMMA.cdf(z, theta);
            }

            public void cdfGradient(double z, double[] theta, double[] gradient) {
                GAMMA.cdfGradient(z, theta, gradient);
            }
        };
        for (double u : new double[] {1e-9, 0.01, 0.5, 0.99, 1 - 1e-9}) {
            double[] a = {2.5};
            assertThat(byNewton.quantile(u, a)).isCloseTo(GAMMA.quantile(u, a), org.assertj.core.data.Percentage.withPercentage(u > 0.99 ? 1e-5 : 1e-9));
        }
        // the score needs the log-density gradient, which this family does not give
        assertThatThrownBy(() -> Estimators.scoreFunction().estimate((s, th) -> s.draw(byNewton, th[0]), new double[] {2}, 4, 1))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("gamma by Newton");
    }

    @Test
    void badInputNamesTheArgument() {
        Estimator e = Estimators.stochasticAd();
        assertThatThrownBy(() -> e.estimate((s, th) -> s.draw(GAMMA, th[0].neg()), new double[] {1}, 2, 1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("gamma", "shape", "-1");
        assertThatThrownBy(() -> e.estimate((s, th) -> s.draw(TRUNC, th[0]), new double[] {1}, 2, 1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("parameters.length", "1");
        assertThatThrownBy(() -> e.estimate((s, th) -> s.split(EXP, new StochasticTriple[] {th[0]}, c(2), c(1)).value(),
                new double[] {1}, 2, 1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("boundaries[1]", "1.0");
        assertThatThrownBy(() -> e.estimate((s, th) -> s.below(c(Double.NaN), EXP, th[0]), new double[] {1}, 2, 1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("x", "NaN");
    }
}
