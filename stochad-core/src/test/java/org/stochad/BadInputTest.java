package org.stochad;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.distribution.DiscreteFamilies;

/**
 * One test per bad-input rule: an IllegalArgumentException that names the distribution or
 * argument and the value, thrown by {@code estimate} itself (not wrapped), from every estimator
 * and with several worker threads.
 */
class BadInputTest {

    static Stream<Estimator> estimators() {
        return Stream.of(
                Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(2)),
                Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(2)),
                Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive().parallelism(2)),
                Estimators.scoreFunction().withParallelism(2),
                Estimators.scoreFunctionWithBaseline().withParallelism(2),
                Estimators.finiteDifference(0.01).withParallelism(2));
    }

    private static final StochasticTriple HALF = StochasticTriple.constant(0.5);

    /** Runs a program that passes one bad value through every estimator and checks the message. */
    private static void rejects(Function<Sampler, StochasticTriple> bad, String... messageParts) {
        StochasticProgram program = (s, th) -> bad.apply(s).plus(th[0]);
        estimators().forEach(e -> assertThatThrownBy(() -> e.estimate(program, new double[] {0.3}, 64, 1))
                .as(e.name())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasNoCause()
                .hasMessageContainingAll(messageParts));
    }

    @Test
    void probabilityAboveOne() {
        rejects(s -> s.bernoulli(1.5), "bernoulli", "p", "1.5");
        rejects(s -> s.binomial(4, StochasticTriple.constant(1.25)), "binomial", "p", "1.25");
        rejects(s -> s.geometric(StochasticTriple.constant(1.5)), "geometric", "p", "1.5");
    }

    @Test
    void probabilityBelowZero() {
        rejects(s -> s.bernoulli(-0.1), "bernoulli", "p", "-0.1");
        rejects(s -> s.binomial(4, StochasticTriple.constant(-0.25)), "binomial", "p", "-0.25");
        rejects(s -> s.categorical(-0.25, 1.25), "categorical", "probabilities[0]", "-0.25");
        rejects(s -> s.geometric(StochasticTriple.constant(0)), "geometric", "p", "0.0");
    }

    @Test
    void negativeLambda() {
        rejects(s -> s.poisson(-1), "poisson", "lambda", "-1.0");
    }

    @Test
    void notANumber() {
        rejects(s -> s.bernoulli(Double.NaN), "bernoulli", "p", "NaN");
        rejects(s -> s.poisson(Double.NaN), "poisson", "lambda", "NaN");
        rejects(s -> s.geometric(StochasticTriple.constant(Double.NaN)), "geometric", "p", "NaN");
        rejects(s -> s.categorical(Double.NaN, 1), "categorical", "probabilities[0]", "NaN");
        rejects(s -> s.normal(StochasticTriple.constant(Double.NaN), HALF), "normal", "mean", "NaN");
        rejects(s -> s.exponential(StochasticTriple.constant(Double.NaN)), "exponential", "rate", "NaN");
        rejects(s -> s.uniform(HALF, StochasticTriple.constant(Double.NaN)), "uniform", "hi", "NaN");
    }

    @Test
    void infinity() {
        rejects(s -> s.poisson(Double.POSITIVE_INFINITY), "poisson", "lambda", "Infinity");
        rejects(s -> s.bernoulli(Double.POSITIVE_INFINITY), "bernoulli", "p", "Infinity");
        rejects(s -> s.normal(HALF, StochasticTriple.constant(Double.POSITIVE_INFINITY)), "normal", "sd", "Infinity");
        rejects(s -> s.exponential(StochasticTriple.constant(Double.POSITIVE_INFINITY)), "exponential", "rate", "Infinity");
        rejects(s -> s.uniform(StochasticTriple.constant(Double.NEGATIVE_INFINITY), HALF), "uniform", "lo", "-Infinity");
    }

    @Test
    void negativeTrials() {
        rejects(s -> s.binomial(-1, HALF), "binomial", "n", "-1");
        rejects(s -> s.binomial(StochasticTriple.constant(-2), HALF), "binomial", "n", "-2");
        rejects(s -> s.binomial(StochasticTriple.constant(2.5), HALF), "binomial", "n", "2.5");
    }

    @Test
    void emptyCategorical() {
        rejects(s -> s.categorical(new double[0]), "categorical", "empty");
    }

    @Test
    void categoricalNotSummingToOne() {
        rejects(s -> s.categorical(0.5, 0.5 + 2e-9), "categorical", "sum", "1.000000002");
        rejects(s -> s.categorical(0.2, 0.3), "categorical", "sum", "0.5");
        StochasticProgram withinTolerance = (s, th) -> s.categorical(0.5, 0.5 + 5e-10).plus(th[0]);
        estimators().forEach(e -> assertThatCode(() -> e.estimate(withinTolerance, new double[] {0.3}, 16, 1))
                .as(e.name()).doesNotThrowAnyException());
    }

    @Test
    void negativeSd() {
        rejects(s -> s.normal(HALF, StochasticTriple.constant(-1)), "normal", "sd", "-1.0");
    }

    @Test
    void nonPositiveRate() {
        rejects(s -> s.exponential(StochasticTriple.constant(0)), "exponential", "rate", "0.0");
        rejects(s -> s.exponential(StochasticTriple.constant(-2)), "exponential", "rate", "-2.0");
    }

    @Test
    void uniformHiBelowLo() {
        rejects(s -> s.uniform(StochasticTriple.constant(2), StochasticTriple.constant(1)), "uniform", "hi", "1.0", "lo", "2.0");
    }

    @Test
    void userFamilyParameterIsChecked() {
        rejects(s -> s.draw(new CenteredPair(), StochasticTriple.constant(1.5)), "centeredPair", "theta", "1.5");
        rejects(s -> s.draw(DiscreteFamilies.negativeBinomial(2), StochasticTriple.constant(0)), "negativeBinomial", "p", "0.0");
        assertThatThrownBy(() -> DiscreteFamilies.negativeBinomial(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("negativeBinomial", "r", "-1.0");
        assertThatThrownBy(() -> DiscreteFamilies.binomial(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("binomial", "n", "-3");
    }

    @ParameterizedTest
    @MethodSource("steps")
    void nonPositiveOrNonFiniteStep(double h, String shown) {
        assertThatThrownBy(() -> Estimators.finiteDifference(h)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("h", shown);
    }

    static Stream<Arguments> steps() {
        return Stream.of(Arguments.of(0.0, "0.0"), Arguments.of(-0.1, "-0.1"), Arguments.of(Double.NaN, "NaN"),
                Arguments.of(Double.POSITIVE_INFINITY, "Infinity"));
    }

    @Test
    void tooFewSamples() {
        StochasticProgram program = (s, th) -> s.bernoulli(th[0]);
        estimators().forEach(e -> assertThatThrownBy(() -> e.estimate(program, new double[] {0.3}, 0, 1))
                .as(e.name()).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("samples", "0"));
        // the leave-one-out baseline needs a second sample
        assertThatThrownBy(() -> Estimators.scoreFunctionWithBaseline().estimate(program, new double[] {0.3}, 1, 1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("samples", "1");
    }

    @Test
    void badThetaAndOptions() {
        StochasticProgram program = (s, th) -> s.bernoulli(th[0]);
        estimators().forEach(e -> {
            assertThatThrownBy(() -> e.estimate(program, new double[] {Double.NaN}, 4, 1))
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("theta[0]", "NaN");
            assertThatThrownBy(() -> e.estimate(program, new double[0], 4, 1))
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("theta");
        });
        assertThatThrownBy(() -> StochasticAdOptions.replay().alternatives(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("alternatives", "0");
        assertThatThrownBy(() -> StochasticAdOptions.replay().parallelism(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("parallelism", "0");
    }

    @Test
    void badParameterFromOnlyOneSampleStillSurfacesUnwrapped() {
        // Only sample paths that draw x = 1 from the first Bernoulli go on to pass p = 2: the
        // exception comes from a worker thread and must reach the caller as itself.
        StochasticProgram program = (s, th) -> s.bernoulli(0.01).value() == 1 ? s.bernoulli(2.0) : th[0];
        estimators().forEach(e -> assertThatThrownBy(() -> e.estimate(program, new double[] {0.3}, 2000, 3))
                .as(e.name()).isExactlyInstanceOf(IllegalArgumentException.class).hasNoCause()
                .hasMessageContainingAll("bernoulli", "p", "2.0"));
    }
}
