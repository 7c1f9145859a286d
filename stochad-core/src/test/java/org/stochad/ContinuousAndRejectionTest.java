package org.stochad;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.ClosedForms.Kind;

/**
 * Reparameterised continuous draws (alone and mixed with discrete ones) and rejection sampling
 * through {@link Sampler#accept}, against closed forms at θ = 1.3 (continuous) and θ = 1
 * (rejection).
 */
class ContinuousAndRejectionTest {

    private static final double T = 1.3;
    private static final StochasticTriple ONE = StochasticTriple.constant(1);

    static Stream<Arguments> continuous() {
        return Stream.of(
                // E[U(0, θ)²] = θ²/3
                Arguments.of("uniform(0,θ)²", (StochasticProgram) (s, th) -> s.uniform(StochasticTriple.constant(0), th[0]).square(), 2 * T / 3),
                // E[Exp(rate θ)] = 1/θ
                Arguments.of("exponential(θ)", (StochasticProgram) (s, th) -> s.exponential(th[0]), -1 / (T * T)),
                // E[N(θ, θ)²] = 2θ²
                Arguments.of("normal(θ,θ)²", (StochasticProgram) (s, th) -> s.normal(th[0], th[0]).square(), 4 * T),
                // E[N(θ, 1)·B(θ/2)] = θ²/2
                Arguments.of("normal(θ,1)·bernoulli(θ/2)", (StochasticProgram) (s, th) -> s.normal(th[0], ONE).times(s.bernoulli(th[0].div(2))), T));
    }

    static Stream<Arguments> continuousRuns() {
        return continuous().flatMap(c -> Stream.of(Kind.values()).map(k -> Arguments.of(c.get()[0], c.get()[1], c.get()[2], k)));
    }

    @ParameterizedTest(name = "{0} by {3}")
    @MethodSource("continuousRuns")
    void reparameterisedDraws(String name, StochasticProgram program, double exact, Kind kind) {
        int n = name.contains("bernoulli") ? 400_000 : 150_000;
        Unbiased.assertUnbiased(kind.estimator().estimate(program, new double[] {T}, n, 91 + kind.ordinal()), exact,
                name + " by " + kind);
    }

    /**
     * Propose z ~ U(0, 1), accept with probability z^a: the accepted z ~ Beta(a + 1, 1), E z =
     * (a + 1)/(a + 2). With a = θ the acceptance tangent z^θ ln z is negative; with a = 2 − θ
     * positive.
     */
    private static StochasticProgram rejection(boolean mirrored) {
        return (s, th) -> {
            StochasticTriple a = mirrored ? th[0].neg().plus(2) : th[0];
            double z = s.rejection(Sampler::uniform, u -> StochasticTriple.constant(u).pow(a), 10_000);
            return StochasticTriple.constant(z);
        };
    }

    static Stream<Arguments> rejectionRuns() {
        return Stream.of(Kind.REPLAY, Kind.SCORE, Kind.SCORE_BASELINE)
                .flatMap(k -> Stream.of(Arguments.of(k, false), Arguments.of(k, true)));
    }

    @ParameterizedTest(name = "{0} mirrored={1}")
    @MethodSource("rejectionRuns")
    void rejectionSampling(Kind kind, boolean mirrored) {
        double exact = (mirrored ? -1 : 1) / 9.0;   // d/dθ (a+1)/(a+2) at a = 1
        int n = kind == Kind.REPLAY ? 750_000 : kind == Kind.SCORE ? 2_400_000 : 1_000_000;
        GradientEstimate g = kind.estimator().estimate(rejection(mirrored), new double[] {1}, n, 95 + kind.ordinal() + (mirrored ? 10 : 0));
        Unbiased.assertUnbiased(g, exact, "rejection by " + kind + (mirrored ? " mirror" : ""));
    }

    @Test
    void propagationRefusesAParameterDependentAcceptDecision() {
        assertThatThrownBy(() -> Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1))
                .estimate(rejection(false), new double[] {1}, 200, 1))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("REPLAY");
    }

    @Test
    void rejectionChecksItsArguments() {
        StochasticProgram never = (s, th) -> StochasticTriple.constant(
                s.rejection(Sampler::uniform, u -> StochasticTriple.constant(0), 5));
        assertThatThrownBy(() -> Estimators.stochasticAd().estimate(never, new double[] {1}, 4, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("5");
        StochasticProgram zeroTries = (s, th) -> StochasticTriple.constant(
                s.rejection(Sampler::uniform, u -> StochasticTriple.constant(0.5), 0));
        assertThatThrownBy(() -> Estimators.stochasticAd().estimate(zeroTries, new double[] {1}, 4, 1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("maxTries", "0");
    }
}
