package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Draws at the edge of their parameter's domain (DESIGN §4), under every estimator: a tangent
 * that points into the domain gets the exact derivative from stochastic AD, a clear refusal
 * from the score function (which never draws the outcome that gains probability) and a one-sided
 * difference from finite differences; a tangent that points out gets an IllegalArgumentException
 * naming the draw, its parameter and the value.
 */
class BoundaryTest {

    private static final double[] AT_ZERO = {0};
    private static final double H = 0.05;

    private static final List<Estimator> STOCHASTIC_AD = List.of(
            Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(2)),
            Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(2)),
            Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(3).parallelism(2)),
            Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive().parallelism(2)));

    private static final List<Estimator> SCORE = List.of(
            Estimators.scoreFunction().withParallelism(2),
            Estimators.scoreFunctionWithBaseline().withParallelism(2),
            Estimators.hybrid(StochasticAdOptions.replay().parallelism(2)));

    /** A program of one parameter θ evaluated at θ = 0, with its exact d/dθ E[f]. */
    private record Case(String name, StochasticProgram program, double exact, String draw, String parameter) {
    }

    private static StochasticProgram draw(BiFunction<Sampler, StochasticTriple, StochasticTriple> body) {
        return (s, t) -> body.apply(s, t[0]);
    }

    private static final List<Case> INWARD = List.of(
            new Case("bernoulli p = 0, growing", draw((s, t) -> s.bernoulli(t).times(5)), 5, "bernoulli", "p = 0.0"),
            new Case("bernoulli p = 1, shrinking", draw((s, t) -> s.bernoulli(t.neg().plus(1)).times(5)), -5,
                    "bernoulli", "p = 1.0"),
            new Case("binomial p = 0, growing", draw((s, t) -> s.binomial(4, t)), 4, "binomial", "p = 0.0"),
            new Case("binomial p = 1, shrinking", draw((s, t) -> s.binomial(4, t.neg().plus(1))), -4,
                    "binomial", "p = 1.0"),
            new Case("geometric p = 1, shrinking", draw((s, t) -> s.geometric(t.neg().plus(1)).times(2)), 2,
                    "geometric", "p = 1.0"),
            new Case("poisson λ = 0, growing", draw((s, t) -> s.poisson(t).times(3)), 3, "poisson", "lambda = 0.0"),
            // StochasticAD.jl's handle_zeroprob case: probabilities (0.5 − t, t, 0.5), values (0, 10, 3)
            new Case("categorical zero-probability category, growing",
                    draw((s, t) -> StochasticTriple.select(new double[] {0, 10, 3},
                            s.categorical(t.neg().plus(0.5), t, StochasticTriple.constant(0.5)))),
                    10, "categorical", "probabilities[1] = 0"));

    @Test
    void stochasticAdIsExactWhenTheTangentPointsIntoTheDomain() {
        for (Case c : INWARD) {
            for (Estimator e : STOCHASTIC_AD) {
                GradientEstimate g = e.estimate(c.program(), AT_ZERO, EstimateRequest.samples(80_000).seed(3));
                Unbiased.assertUnbiased(g, 0, c.exact(), c.name() + ", " + e.name());
                if (!c.draw().equals("categorical")) {
                    // every sample sits on the same outcome with the same flip: exact, no variance
                    assertThat(g.mean(0)).as(c.name() + ", " + e.name()).isEqualTo(c.exact());
                    assertThat(g.variance(0)).as(c.name() + ", " + e.name()).isZero();
                }
            }
        }
    }

    @Test
    void theZeroProbabilityCategoryGetsItsExactRate() {
        // half the samples draw category 0 and flip to category 1 at rate 1/0.5 with Δf = 10: 20 or 0
        Case c = INWARD.get(INWARD.size() - 1);
        for (Estimator e : STOCHASTIC_AD) {
            GradientEstimate g = e.estimate(c.program(), AT_ZERO, EstimateRequest.samples(4096).seed(1));
            assertThat(g.variance(0)).as(e.name()).isCloseTo(100, org.assertj.core.data.Offset.offset(2.0));
        }
    }

    @Test
    void theScoreFunctionRefusesWhereItCannotSeeTheGrowingOutcome() {
        for (Case c : INWARD) {
            for (Estimator e : SCORE) {
                assertThatThrownBy(() -> e.estimate(c.program(), AT_ZERO, EstimateRequest.samples(100).seed(3)))
                        .as(c.name() + ", " + e.name())
                        .isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessageContainingAll(c.draw(), c.parameter(), "score function cannot see");
            }
        }
    }

    @Test
    void finiteDifferencesAreOneSidedAtTheEdgeAndSaySo() {
        Estimator fd = Estimators.finiteDifference(H).withParallelism(2);
        for (Case c : INWARD) {
            GradientEstimate g = fd.estimate(c.program(), AT_ZERO, EstimateRequest.samples(200_000).seed(5));
            // geometric's E = θ/(1 − θ) is the one case not linear in θ: forward bias 1/(1 − h) − 1
            double exact = c.draw().equals("geometric") ? c.exact() / (1 - H) : c.exact();
            assertThat(Math.abs(g.mean(0) - exact)).as(c.name() + ": " + g).isLessThan(5 * g.standardError(0));
            assertThat(g.note()).as(c.name()).contains("theta[0] = 0.0", "one-sided (forward)", "outside");
        }
        // the user's p = 1 of a Bernoulli program: backward
        GradientEstimate g = fd.estimate(draw((s, t) -> s.bernoulli(t).times(5)), new double[] {1},
                EstimateRequest.samples(200_000).seed(5));
        assertThat(Math.abs(g.mean(0) - 5)).as(g.toString()).isLessThan(5 * g.standardError(0));
        assertThat(g.note()).contains("one-sided (backward)", "bernoulli: p = 1.05");
        assertThat(g.toString()).contains("one-sided (backward)");
        // an interior point stays central, without a note
        assertThat(fd.estimate(draw((s, t) -> s.bernoulli(t)), new double[] {0.5}, 100, 1).note()).isEmpty();
    }

    @Test
    void finiteDifferencesRefuseAStepThatLeavesTheDomainOnBothSides() {
        StochasticProgram program = draw((s, t) -> s.bernoulli(t));
        assertThatThrownBy(() -> Estimators.finiteDifference(0.6).estimate(program, new double[] {0.5}, 100, 1))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("h = 0.6", "theta[0] = 0.5", "smaller h");
    }

    @Test
    void aTangentPointingOutOfTheDomainIsRefusedByEveryDerivativeEstimator() {
        List<Case> outward = List.of(
                new Case("bernoulli p = 1, growing", draw((s, t) -> s.bernoulli(t.plus(1))), 0, "bernoulli", "p = 1.0"),
                new Case("bernoulli p = 0, shrinking", draw((s, t) -> s.bernoulli(t.neg())), 0, "bernoulli",
                        "p = -0.0"),
                new Case("poisson λ = 0, shrinking", draw((s, t) -> s.poisson(t.neg())), 0, "poisson", "lambda = -0.0"),
                new Case("geometric p = 1, growing", draw((s, t) -> s.geometric(t.plus(1))), 0, "geometric", "p = 1.0"),
                new Case("categorical zero probability, shrinking",
                        draw((s, t) -> s.categorical(t.plus(0.5), t.neg(), StochasticTriple.constant(0.5))), 0,
                        "categorical", "probabilities[1] = -0.0"));
        for (Case c : outward) {
            for (Estimator e : List.of(STOCHASTIC_AD.get(0), STOCHASTIC_AD.get(1), STOCHASTIC_AD.get(3),
                    SCORE.get(0), SCORE.get(1), SCORE.get(2))) {
                assertThatThrownBy(() -> e.estimate(c.program(), AT_ZERO, 100, 1))
                        .as(c.name() + ", " + e.name())
                        .isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasNoCause()
                        .hasMessageContainingAll(c.draw(), c.parameter(), "points out");
            }
        }
    }
}
