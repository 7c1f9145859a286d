package org.stochad;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients in R²: one draw whose parameter moves up along θ₀ and down along θ₁, so each
 * direction needs the other flip. x ~ Poisson(θ₀), b ~ Bernoulli(θ₀(1 − θ₁)/4), f = x² + 3b:
 * E f = θ₀² + θ₀ + 3θ₀(1 − θ₁)/4, ∇ = (2θ₀ + 1 + 3(1 − θ₁)/4, −3θ₀/4).
 */
class MixedSignGradientTest {

    private static final double[] THETA = {2, 0.4};
    private static final double[] GRADIENT = {2 * 2 + 1 + 3 * 0.6 / 4, -3 * 2 / 4.0};

    private static final StochasticProgram PROGRAM = (s, th) -> {
        StochasticTriple x = s.poisson(th[0]);
        StochasticTriple b = s.bernoulli(th[0].times(th[1].neg().plus(1)).div(4));
        return x.square().plus(b.times(3));
    };

    static Stream<Arguments> estimators() {
        return Stream.of(
                Arguments.of(Estimators.stochasticAd(StochasticAdOptions.propagate()), 210_000),
                Arguments.of(Estimators.stochasticAd(), 380_000),
                Arguments.of(Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(3)), 270_000),
                Arguments.of(Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive()), 210_000),
                Arguments.of(Estimators.scoreFunction(), 5_600_000),
                Arguments.of(Estimators.scoreFunctionWithBaseline(), 2_700_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimators")
    void wholeGradientFromOneCall(Estimator e, int samples) {
        GradientEstimate g = e.estimate(PROGRAM, THETA, samples, 71);
        for (int j = 0; j < 2; j++) {
            Unbiased.assertUnbiased(g, j, GRADIENT[j], e.name() + " component " + j);
        }
    }
}
