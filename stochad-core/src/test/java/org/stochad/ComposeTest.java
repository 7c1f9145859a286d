package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stochad.internal.Perturbed;

/** The public chain-rule hook: a user function written with it behaves as a built-in one. */
class ComposeTest {

    /** X = 2 + 0.5ε + {+3 w.p. 0.7ε}. */
    private static StochasticTriple x() {
        return Perturbed.triple(2, new double[] {0.5}, 0.7, 3);
    }

    @Test
    void composeReproducesTheBuiltInsBitForBit() {
        StochasticTriple x = x();
        double v = x.value();
        StochasticTriple exp = x.compose(Math.exp(v), Math.exp(v), Math.exp(x.alternative()));
        assertThat(exp.value()).isEqualTo(x.exp().value());
        assertThat(exp.delta()).isEqualTo(x.exp().delta());
        assertThat(exp.perturbationShift()).isEqualTo(x.exp().perturbationShift());
        assertThat(exp.perturbationWeight()).isEqualTo(x.exp().perturbationWeight());
        StochasticTriple sin = x.map(Math::sin, Math::cos);
        assertThat(sin.alternative()).isEqualTo(x.sin().alternative());
        assertThat(sin.delta()).isEqualTo(x.sin().delta());
    }

    @Test
    void aUserFunctionGetsValueTangentAndExactJump() {
        StochasticTriple x = x();
        StochasticTriple cbrt = x.map(Math::cbrt, u -> 1 / (3 * Math.cbrt(u * u)));
        assertThat(cbrt.value()).isEqualTo(Math.cbrt(2));
        assertThat(cbrt.delta()).isEqualTo(0.5 / (3 * Math.cbrt(4)));
        assertThat(cbrt.perturbationShift()).isEqualTo(Math.cbrt(5) - Math.cbrt(2));
        assertThat(cbrt.perturbationWeight()).isEqualTo(0.7);
    }

    @Test
    void withoutPerturbationTheAlternativeIsNotEvaluated() {
        StochasticTriple y = StochasticTriple.of(4, 1);
        StochasticTriple r = y.map(Math::sqrt, u -> 0.5 / Math.sqrt(u));
        assertThat(r.value()).isEqualTo(2);
        assertThat(r.hasPerturbation()).isFalse();
        assertThat(y.compose(2, 0.25, Double.NaN).hasPerturbation()).isFalse();
    }

    @Test
    void anEstimatorDifferentiatesAUserFunctionOfADraw() {
        // E[cbrt(B + 1)] = (1 − p) + p·cbrt 2, derivative cbrt 2 − 1
        StochasticProgram program = (s, th) -> s.bernoulli(th[0]).plus(1).map(Math::cbrt, u -> 1 / (3 * Math.cbrt(u * u)));
        GradientEstimate g = Estimators.stochasticAd().estimate(program, new double[] {0.4}, 240_000, 7);
        Unbiased.assertUnbiased(g, Math.cbrt(2) - 1, "cbrt(B + 1)");
    }
}
