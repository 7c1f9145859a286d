package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link Sampler#accept(double)} — a decision with a constant probability, which the primal run takes
 * without triples — is the same draw as {@code accept(StochasticTriple.constant(p))}: the same
 * decisions, the same stream positions afterwards, the same errors, and under every estimator the
 * same estimates, bit for bit.
 */
class ConstantAcceptTest {

    private static final double[] PROBABILITIES = {0, 1, 0.5, 1e-300, Math.nextDown(1.0), 0.37, 0.999};

    @Test
    void thePrimalRunDecidesAsWithAConstantTriple() {
        for (long sample = 0; sample < 2000; sample++) {
            Sampler plain = Samplers.primal(5, sample);
            Sampler triple = Samplers.primal(5, sample);
            for (double p : PROBABILITIES) {
                assertThat(plain.accept(p)).as("p = %s, sample %s", p, sample)
                        .isEqualTo(triple.accept(StochasticTriple.constant(p)));
            }
            // the stream moved on by the same amount
            assertThat(plain.uniform()).isEqualTo(triple.uniform());
        }
    }

    @Test
    void badProbabilitiesAreRefusedWithTheTriplesMessage() {
        for (double p : new double[] {Double.NaN, -0.1, 1.5, Double.POSITIVE_INFINITY}) {
            String expected = message(() -> Samplers.primal(1).accept(StochasticTriple.constant(p)));
            assertThat(expected).as("p = %s", p).isNotNull();
            assertThatThrownBy(() -> Samplers.primal(1).accept(p)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expected);
        }
    }

    /**
     * f = x·(1 + c), x ~ Bernoulli(θ), c a constant-probability decision (p = 0.3): E f = 1.3·θ. Every
     * estimator gives the same estimate, bit for bit, whichever way c is asked for; the stochastic-AD
     * estimate is also checked against d/dθ = 1.3.
     */
    @Test
    void everyEstimatorGivesTheSameEstimates() {
        BiFunction<Sampler, Double, Boolean> plain = Sampler::accept;
        BiFunction<Sampler, Double, Boolean> triple = (s, p) -> s.accept(StochasticTriple.constant(p));
        List<Estimator> estimators = List.of(Estimators.stochasticAd(), Estimators.stochasticAd(
                StochasticAdOptions.replay().exhaustive()), Estimators.scoreFunction(),
                Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(0.01), Estimators.hybrid(), Estimators.primal());
        for (Estimator e : estimators) {
            GradientEstimate a = e.estimate(program(plain), new double[] {0.4}, 4000, 23);
            GradientEstimate b = e.estimate(program(triple), new double[] {0.4}, 4000, 23);
            assertThat(a.mean()).as(e.name()).isEqualTo(b.mean());
            assertThat(a.variance()).as(e.name()).isEqualTo(b.variance());
            assertThat(a.value()).as(e.name()).isEqualTo(b.value());
        }
        GradientEstimate g = Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive())
                .estimate(program(plain), new double[] {0.4}, 80_000, 29);
        Unbiased.assertUnbiased(g, 1.3, "Bernoulli beside a constant decision");
    }

    private static StochasticProgram program(BiFunction<Sampler, Double, Boolean> accept) {
        return (s, th) -> {
            boolean c = accept.apply(s, 0.3);
            return s.bernoulli(th[0]).times(c ? 2 : 1);
        };
    }

    private static String message(Runnable r) {
        try {
            r.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
