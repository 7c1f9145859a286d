package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;

/**
 * Every estimator, every component of the segmented detector's gradient, both signs: against the
 * exact gradient of {@link SegmentedEnumeration} on the reduced shower of {@link ExactGradientTest}
 * cut into four sectors with different inner radii.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentedExactGradientTest {

    private static final int NODES = 360;
    private static final int SAMPLES = 30_000;
    /** Depth target 0.6: every component's gradient is positive; with a priced budget. */
    static final Case POSITIVE = new Case(ExactGradientTest.SMALL_SHOWER, new double[] {0.35, 0.5, 0.65, 0.45},
            new DesignObjective(0.2, 0.6));
    /** Depth target 1.3: the shower is too shallow, every component's gradient is negative. */
    static final Case NEGATIVE = new Case(ExactGradientTest.SMALL_SHOWER.withTargetDepth(1.3),
            new double[] {0.35, 0.45, 0.55, 0.4}, DesignObjective.depthOnly());

    record Case(ShowerConfig config, double[] radii, DesignObjective objective) {

        SegmentedShower shower() {
            return SegmentedShower.of(config, radii.length, objective);
        }

        double[] exact() {
            return SegmentedEnumeration.exact(config, radii, objective.budgetWeight(), objective.priceAmplitude(),
                    NODES);
        }

        @Override
        public String toString() {
            return config.targetDepth() < 1 ? "positive gradients" : "negative gradients";
        }
    }

    private double[] exactPositive;
    private double[] exactNegative;

    @BeforeAll
    void enumerate() {
        exactPositive = POSITIVE.exact();
        exactNegative = NEGATIVE.exact();
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Case c : new Case[] {POSITIVE, NEGATIVE}) {
            b.add(Arguments.of(c, Estimators.stochasticAd()));
            b.add(Arguments.of(c, Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4))));
            b.add(Arguments.of(c, Estimators.hybrid()));
            b.add(Arguments.of(c, Estimators.scoreFunctionWithBaseline()));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{1}, {0}")
    @MethodSource("cases")
    void everyComponentUnbiased(Case c, Estimator estimator) {
        double[] exact = c == POSITIVE ? exactPositive : exactNegative;
        GradientEstimate g = estimator.withParallelism(2).estimate(c.shower(), c.radii(), SAMPLES, 20_260_118L);
        for (int j = 0; j < c.radii().length; j++) {
            double want = exact[j + 1];
            double se = g.standardError(j);
            assertThat(Math.signum(want)).as("sign of exact component %d", j)
                    .isEqualTo(c == POSITIVE ? 1.0 : -1.0);
            // the estimate resolves a 25 % error of the component (se/|exact| ≤ 0.034 at 30 000 samples)
            assertThat(5 * se).as("component %d: se %s vs exact %s", j, se, want).isLessThan(0.25 * Math.abs(want));
            assertThat(Math.abs(g.mean(j) - want)).as("component %d: |%s − exact %s|, se %s", j, g.mean(j), want, se)
                    .isLessThanOrEqualTo(5 * se);
        }
        assertThat(Math.abs(g.value() - exact[0])).isLessThan(0.05 * exact[0]);
    }

    @ParameterizedTest(name = "finite differences with common random numbers, {0}")
    @MethodSource("signs")
    void finiteDifferencesMatchTheExactDifferenceQuotients(Case c) {
        double h = 0.02;
        GradientEstimate fd = Estimators.finiteDifference(h).withParallelism(2)
                .estimate(c.shower(), c.radii(), 2 * SAMPLES, 77L);
        for (int j = 0; j < c.radii().length; j++) {
            double[] up = c.radii().clone();
            double[] down = c.radii().clone();
            up[j] += h;
            down[j] -= h;
            double quotient = (SegmentedEnumeration.exact(c.config(), up, c.objective().budgetWeight(),
                    c.objective().priceAmplitude(), NODES / 2)[0] - SegmentedEnumeration.exact(c.config(), down,
                    c.objective().budgetWeight(), c.objective().priceAmplitude(), NODES / 2)[0]) / (2 * h);
            double se = fd.standardError(j);
            // a 40 % error of the quotient is visible (se/|quotient| ≤ 0.063 at 60 000 samples)
            assertThat(5 * se).isLessThan(0.4 * Math.abs(quotient));
            assertThat(Math.abs(fd.mean(j) - quotient)).as("component %d", j).isLessThanOrEqualTo(5 * se);
        }
    }

    static Stream<Case> signs() {
        return Stream.of(POSITIVE, NEGATIVE);
    }

    @Test
    void oracleReducesToTheOneParameterOracle() {
        ShowerConfig c = ExactGradientTest.SMALL_SHOWER;
        double[] one = ShowerEnumeration.exact(c, 0.5, NODES);
        double[] four = SegmentedEnumeration.exact(c, new double[] {0.5, 0.5, 0.5, 0.5}, 0, 0, NODES);
        assertThat(four[0]).isCloseTo(one[0], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(four[1] + four[2] + four[3] + four[4]).isCloseTo(one[1], org.assertj.core.data.Offset.offset(1e-12));
        // the shower's law is symmetric under a rotation by π, which swaps sectors 0 ↔ 2 and 1 ↔ 3
        assertThat(four[1]).isCloseTo(four[3], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(four[2]).isCloseTo(four[4], org.assertj.core.data.Offset.offset(1e-12));
    }
}
