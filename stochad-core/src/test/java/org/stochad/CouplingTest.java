package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stochad.ClosedForms.Kind;
import org.stochad.internal.Perturbed;

/** Reuse of one draw: perturbations of the same event move together. */
class CouplingTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bMinusBHasNoPerturbationAndZeroVariance(Kind kind) {
        StochasticProgram program = (s, th) -> {
            StochasticTriple b = s.bernoulli(th[0]);
            StochasticTriple d = b.minus(b);
            assertThat(d.hasPerturbation()).isFalse();
            return d;
        };
        for (double theta : new double[] {0.3, 0.8}) {
            GradientEstimate g = kind.estimator().estimate(program, new double[] {theta}, 5000, 11);
            assertThat(g.mean(0)).as(kind + " mean").isZero();
            assertThat(g.variance(0)).as(kind + " variance").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bTimesBIsB(Kind kind) {
        StochasticProgram direct = (s, th) -> {
            StochasticTriple b = s.bernoulli(th[0]);
            StochasticTriple bb = b.times(b);
            assertThat(bb.alternative()).isEqualTo(b.alternative() * b.alternative());
            return bb;
        };
        StochasticProgram mirror = (s, th) -> {
            StochasticTriple b = s.bernoulli(th[0].neg().plus(1));
            return b.times(b);
        };
        int n = 220_000;
        Unbiased.assertUnbiased(kind.estimator().estimate(direct, new double[] {0.3}, n, 12), 1, "B·B " + kind);
        Unbiased.assertUnbiased(kind.estimator().estimate(mirror, new double[] {0.7}, n, 13), -1, "B·B mirror " + kind);
    }

    @Test
    void arrayIndexedByADrawByPropagationAndReplay() {
        double[] table = {0, 10, 20};
        // X ~ Categorical(θ, 0.5, 0.5 − θ): E[table[X]] = 5 + 20(0.5 − θ), derivative −20
        StochasticProgram selected = (s, th) ->
                StochasticTriple.select(table, s.categorical(th[0], StochasticTriple.constant(0.5), th[0].neg().plus(0.5)));
        StochasticProgram indexed = (s, th) -> StochasticTriple.constant(
                table[s.categorical(th[0], StochasticTriple.constant(0.5), th[0].neg().plus(0.5)).intValue()]);
        Unbiased.assertUnbiased(Estimators.stochasticAd(StochasticAdOptions.propagate())
                .estimate(selected, new double[] {0.25}, 50_000, 14), -20, "select by propagation");
        Unbiased.assertUnbiased(Estimators.stochasticAd().estimate(indexed, new double[] {0.25}, 50_000, 15), -20,
                "Java indexing by replay");
    }

    @Test
    void selectFromTriplesDependingOnTheIndexUsesTheirAlternativeValues() {
        // X = 0 + {+1}; table [X, 3X + 10] indexed by X: now table[0] = 0, in X's other world table[1] = 13.
        StochasticTriple x = Perturbed.triple(0, new double[] {0}, 0.5, 1);
        StochasticTriple y = StochasticTriple.select(new StochasticTriple[] {x, x.times(3).plus(10)}, x);
        assertThat(y.value()).isZero();
        assertThat(y.alternative()).isEqualTo(13);
        assertThat(y.perturbationWeight()).isEqualTo(0.5);
    }

    @Test
    void selectKeepsTheChosenEntrysTangent() {
        StochasticTriple x = Perturbed.triple(1, new double[] {0}, 0.5, -1);
        StochasticTriple y = StochasticTriple.select(new StochasticTriple[] {StochasticTriple.of(4, 2), StochasticTriple.of(6, 3)}, x);
        assertThat(y.value()).isEqualTo(6);
        assertThat(y.delta()).isEqualTo(3);
        assertThat(y.alternative()).isEqualTo(4);
        assertThat(StochasticTriple.select(new double[] {4, 6}, x).alternative()).isEqualTo(4);
    }
}
