package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;

/**
 * Unbiasedness on reduced showers whose every history can be enumerated: the exact E[ℓ] and
 * dE[ℓ]/dθ come from {@link ShowerEnumeration} (enumeration of all interaction and coin outcomes,
 * midpoint quadrature over the initial direction), independent of the simulation code.
 */
class ExactGradientTest {

    private static final double THETA = 0.5;
    private static final int SAMPLES = 20_000;
    private static final int NODES = 720;

    /** Three split levels, about ten steps per particle. */
    static final ShowerConfig SMALL_SHOWER = new ShowerConfig(2.0, 0.5, 1.4, 0.25, 2.0, 0.05, 1.0, 0.6);
    /** Energy loss only: two interactions end a particle, each with four direction kicks. */
    static final ShowerConfig SMALL_ELOSS = new ShowerConfig(4.0, 0.5, 1.4, 0.25, 2.0, 0.05, 0.0, 0.6);

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (ShowerConfig c : new ShowerConfig[] {SMALL_SHOWER, SMALL_ELOSS}) {
            b.add(Arguments.of(c, Estimators.stochasticAd()));
            b.add(Arguments.of(c, Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(3))));
            b.add(Arguments.of(c, Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive())));
            b.add(Arguments.of(c, Estimators.scoreFunction()));
            b.add(Arguments.of(c, Estimators.scoreFunctionWithBaseline()));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{1} on the small {0}")
    @MethodSource("cases")
    void unbiasedAgainstEnumeration(ShowerConfig config, Estimator estimator) {
        double[] exact = ShowerEnumeration.exact(config, THETA, NODES);
        assertThat(exact[1]).as("the case must have a gradient worth testing").isGreaterThan(0.15);
        GradientEstimate g = estimator.withParallelism(2).estimate(ToyShower.of(config), new double[] {THETA},
                SAMPLES, 20_240_601L);
        double se = g.standardError(0);
        // se small enough to see a 10 % error in the gradient (a wrong tangent, a lost weight factor)
        assertThat(5 * se).isLessThan(0.1 * exact[1]);
        assertThat(Math.abs(g.mean(0) - exact[1])).as("|%s − exact %s|, se %s", g.mean(0), exact[1], se)
                .isLessThanOrEqualTo(5 * se);
    }

    @ParameterizedTest(name = "loss and central difference with common random numbers on the small {0}")
    @MethodSource("configs")
    void lossAndCommonRandomNumberDifferenceMatchEnumeration(ShowerConfig config) {
        double h = 0.02;
        double[] exact = ShowerEnumeration.exact(config, THETA, NODES);
        double exactDifference = (ShowerEnumeration.exact(config, THETA + h, NODES)[0]
                - ShowerEnumeration.exact(config, THETA - h, NODES)[0]) / (2 * h);
        assertThat(exactDifference).isCloseTo(exact[1], org.assertj.core.data.Offset.offset(0.02 * exact[1]));
        GradientEstimate fd = Estimators.finiteDifference(h).withParallelism(2)
                .estimate(ToyShower.of(config), new double[] {THETA}, 8 * SAMPLES, 99L);
        assertThat(5 * fd.standardError(0)).isLessThan(0.1 * exact[1]);
        assertThat(Math.abs(fd.mean(0) - exactDifference)).isLessThanOrEqualTo(5 * fd.standardError(0));
    }

    @ParameterizedTest(name = "mean loss on the small {0}")
    @MethodSource("configs")
    void meanLossMatchesEnumeration(ShowerConfig config) {
        double exact = ShowerEnumeration.exact(config, THETA, NODES)[0];
        Estimator primal = Estimators.primal().withParallelism(2);
        int batches = 20;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            means[b] = primal.estimate(ToyShower.of(config), new double[] {THETA}, SAMPLES / 4, 500L + b).value();
        }
        double mean = Mean.of(means).getAsDouble();
        double se = Math.sqrt(Variance.of(means).getAsDouble() / batches);
        assertThat(5 * se).isLessThan(0.05 * exact);
        assertThat(Math.abs(mean - exact)).isLessThanOrEqualTo(5 * se);
    }

    @ParameterizedTest(name = "quadrature has converged on the small {0}")
    @MethodSource("configs")
    void quadratureConverged(ShowerConfig config) {
        double[] coarse = ShowerEnumeration.exact(config, THETA, NODES / 2);
        double[] fine = ShowerEnumeration.exact(config, THETA, NODES);
        assertThat(Math.abs(coarse[0] - fine[0])).isLessThan(1e-3 * fine[0]);
        assertThat(Math.abs(coarse[1] - fine[1])).isLessThan(1e-3 * Math.abs(fine[1]));
    }

    static Stream<ShowerConfig> configs() {
        return Stream.of(SMALL_SHOWER, SMALL_ELOSS);
    }
}
