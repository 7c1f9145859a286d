package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A categorical draw whose probabilities carry no tangent offers no flip to replay (every flip would
 * weigh 0; the recording skips them), while one whose probabilities do still offers its flips;
 * a category of probability exactly 0 is accepted without a tangent.
 */
class ConstantCategoricalTest {

    /**
     * f = b·(x + 1), b ~ Bernoulli(θ), x ~ Categorical(0.2, 0, 0.8) constant: E f = θ·(0.2 + 3·0.8) =
     * 2.6·θ, so d/dθ = 2.6, all of it from the Bernoulli's flip.
     */
    @Test
    void aConstantCategoricalLeavesTheOtherFlipsExact() {
        StochasticProgram prog = (s, th) -> {
            StochasticTriple x = s.categorical(StochasticTriple.constant(0.2), StochasticTriple.constant(0),
                    StochasticTriple.constant(0.8));
            return s.bernoulli(th[0]).times(x.plus(1));
        };
        GradientEstimate g = Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive())
                .estimate(prog, new double[] {0.4}, 80_000, 17);
        Unbiased.assertUnbiased(g, 2.6, "constant categorical beside a Bernoulli");
    }

    /**
     * x ~ Categorical(θ/2, 0, 1 − θ/2): E x = 2·(1 − θ/2), d/dθ = −1, all of it from the categorical's
     * flips (there is nothing else): the recording must still offer them.
     */
    @Test
    void aCategoricalWithATangentStillOffersItsFlips() {
        StochasticProgram prog = (s, th) -> s.categorical(th[0].times(0.5), StochasticTriple.constant(0),
                th[0].times(-0.5).plus(1));
        GradientEstimate g = Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive())
                .estimate(prog, new double[] {0.6}, 40_000, 19);
        Unbiased.assertUnbiased(g, -1, "categorical with a tangent");
        GradientEstimate none = Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive())
                .estimate((s, th) -> s.categorical(StochasticTriple.constant(0.3), StochasticTriple.constant(0),
                        StochasticTriple.constant(0.7)), new double[] {0.6}, 1000, 19);
        assertThat(none.mean(0)).isZero();
        assertThat(none.variance(0)).isZero();
    }
}
