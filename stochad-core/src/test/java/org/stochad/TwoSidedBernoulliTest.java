package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.distribution.ContinuousFamilies;
import org.stochad.distribution.ContinuousFamily;

/**
 * The two-sided Bernoulli flip rule ({@link StochasticAdOptions#twoSidedBernoulli()}) against
 * closed forms, for both tangent signs, in the interior and near the edges p = 0.01, 0.99,
 * for {@code bernoulli} and {@code below}; where the inversion coupling flips out of the rare
 * outcome (weight |δp|/p or |δp|/(1 − p)) its per-sample variance must be strictly higher.
 */
class TwoSidedBernoulliTest {

    private static final ContinuousFamily UNIFORM = ContinuousFamilies.uniform();
    private static final ContinuousFamily EXP = ContinuousFamilies.exponential();
    private static final int SAMPLES = 200_000;

    private static StochasticTriple c(double v) {
        return StochasticTriple.constant(v);
    }

    private static Estimator twoSided() {
        return Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli());
    }

    private static Estimator inversion() {
        return Estimators.stochasticAd(StochasticAdOptions.replay());
    }

    /**
     * A closed form of one parameter t.
     *
     * @param name    what it is
     * @param program the program
     * @param t       the point
     * @param exact   d/dt E f at t
     * @param rareSide whether the inversion coupling flips out of an outcome of probability 0.01 here
     */
    record Case(String name, StochasticProgram program, double t, double exact, boolean rareSide) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        // f = X·(2 + Y), X ~ Bernoulli(p* + σ(t − ½)), Y ~ Bernoulli(0.3 + 0.2t) at t = ½:
        // E f = p(2 + q), d/dt = σ(2 + q) + 0.2p with q = 0.4
        for (double p : new double[] {0.3, 0.01, 0.99}) {
            for (int sigma : new int[] {1, -1}) {
                StochasticProgram prog = (s, th) -> {
                    StochasticTriple x = s.bernoulli(th[0].minus(0.5).times(sigma).plus(p));
                    StochasticTriple y = s.bernoulli(th[0].times(0.2).plus(0.3));
                    return x.times(y.plus(2));
                };
                // δp < 0 flips 1 → 0 (rare at p = 0.01), δp > 0 flips 0 → 1 (rare at p = 0.99)
                boolean rare = sigma < 0 && p == 0.01 || sigma > 0 && p == 0.99;
                all.add(Arguments.of(new Case("bernoulli p=" + p + " sign " + sigma, prog, 0.5,
                        sigma * 2.4 + 0.2 * p, rare)));
            }
        }
        // f = 1[x < T]·(2 + x), T ~ U(0, 1), x = t (sign −) or 1 − t (sign +): E f = 2 − x − x²,
        // d/dx = −1 − 2x; P(x < T) = 1 − x, so x = 0.99 is p = 0.01, x = 0.01 is p = 0.99
        for (double x : new double[] {0.5, 0.99, 0.01}) {
            for (int sigma : new int[] {-1, 1}) {
                double t = sigma < 0 ? x : 1 - x;
                StochasticProgram prog = (s, th) -> {
                    StochasticTriple xx = sigma < 0 ? th[0] : th[0].neg().plus(1);
                    return s.below(xx, UNIFORM, c(0), c(1)).times(xx.plus(2));
                };
                // δp = −δx: sign − (δp < 0) is rare at p = 0.01 (x = 0.99), sign + at p = 0.99 (x = 0.01)
                boolean rare = sigma < 0 && x == 0.99 || sigma > 0 && x == 0.01;
                all.add(Arguments.of(new Case("below(x, U(0,1))(2+x) p=" + (1 - x) + " δp sign " + sigma, prog, t,
                        -sigma * (-1 - 2 * x), rare)));
            }
        }
        // ContinuousPrimitivesTest's threshold closed form: f = 1[t < T]·(2 + t) + 1[t/2 < T′], T, T′ ~ Exp(1)
        double te = 0.9;
        all.add(Arguments.of(new Case("below(t, Exp(1))·(2+t) + below(t/2, Exp(1))",
                (s, th) -> s.below(th[0], EXP, c(1)).times(th[0].plus(2)).plus(s.below(th[0].times(0.5), EXP, c(1))),
                te, -(1 + te) * Math.exp(-te) - 0.5 * Math.exp(-te / 2), false)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unbiasedAndNoHeavierThanInversion(Case c) {
        double[] theta = {c.t()};
        GradientEstimate two = twoSided().estimate(c.program(), theta, SAMPLES, 11);
        Unbiased.assertUnbiased(two, c.exact(), c.name() + " two-sided");
        GradientEstimate inv = inversion().estimate(c.program(), theta, SAMPLES, 11);
        assertThat(Math.abs(inv.mean(0) - c.exact())).as("%s inversion", c.name())
                .isLessThanOrEqualTo(5 * inv.standardError(0));
        if (c.rareSide()) {
            // |δp|/0.01 from the rare side: the inversion's variance is dominated by weight 100
            assertThat(two.variance(0)).as("%s: two-sided variance vs inversion %s", c.name(), inv.variance(0))
                    .isLessThan(0.2 * inv.variance(0));
        } else {
            // from the common side the inversion's weight is ≈ |δp|; the two-sided rule pays at most a little
            // for offering the other side's flips to the reservoir too
            assertThat(two.variance(0)).as("%s: two-sided variance vs inversion %s", c.name(), inv.variance(0))
                    .isLessThan(1.5 * inv.variance(0) + 1e-9);
        }
    }

    /** The default is the inversion coupling; propagation refuses the two-sided rule. */
    @Test
    void optInUnderReplayOnly() {
        assertThat(StochasticAdOptions.replay().bernoulliTwoSided()).isFalse();
        assertThat(StochasticAdOptions.replay().twoSidedBernoulli().alternatives(2).parallelism(1)
                .bernoulliTwoSided()).isTrue();
        assertThatThrownBy(() -> new StochasticAdOptions(StochasticAdOptions.Strategy.PROPAGATE, 1, false, 10, 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bernoulliTwoSided");
    }

    /** Exhaustive replay with the two-sided rule: both draws flip from either outcome, unbiased. */
    @Test
    void exhaustiveIsUnbiased() {
        StochasticProgram prog = (s, th) -> s.bernoulli(th[0]).times(s.bernoulli(th[0].times(0.5)).plus(2));
        double t = 0.4;
        // E f = t(2 + t/2), d/dt = 2 + t
        GradientEstimate g = Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli().exhaustive())
                .estimate(prog, new double[] {t}, 100_000, 5);
        Unbiased.assertUnbiased(g, 2 + t, "exhaustive two-sided");
    }
}
