package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.internal.Perturbed;

/**
 * Predicates evaluate on primal values and throw an IllegalStateException naming REPLAY exactly
 * when a live perturbation would flip the answer.
 */
class PredicateTest {

    /** 0 + {+1 w.p. 0.5ε}: a Bernoulli draw at 0 that may jump up. */
    private static StochasticTriple up() {
        return Perturbed.triple(0, new double[] {0}, 0.5, 1);
    }

    static Stream<Arguments> flips() {
        // name, predicate, other operand, whether the jump 0 → 1 flips it
        return Stream.of(
                Arguments.of("lt 1", (BiPredicate<StochasticTriple, Double>) StochasticTriple::lt, 1.0, true),
                Arguments.of("lt 2", (BiPredicate<StochasticTriple, Double>) StochasticTriple::lt, 2.0, false),
                Arguments.of("le 0", (BiPredicate<StochasticTriple, Double>) StochasticTriple::le, 0.0, true),
                Arguments.of("le 1", (BiPredicate<StochasticTriple, Double>) StochasticTriple::le, 1.0, false),
                Arguments.of("gt 0.5", (BiPredicate<StochasticTriple, Double>) StochasticTriple::gt, 0.5, true),
                Arguments.of("gt -1", (BiPredicate<StochasticTriple, Double>) StochasticTriple::gt, -1.0, false),
                Arguments.of("ge 1", (BiPredicate<StochasticTriple, Double>) StochasticTriple::ge, 1.0, true),
                Arguments.of("ge 0", (BiPredicate<StochasticTriple, Double>) StochasticTriple::ge, 0.0, false),
                Arguments.of("eq 0", (BiPredicate<StochasticTriple, Double>) StochasticTriple::eq, 0.0, true),
                Arguments.of("eq 1", (BiPredicate<StochasticTriple, Double>) StochasticTriple::eq, 1.0, true),
                Arguments.of("eq 5", (BiPredicate<StochasticTriple, Double>) StochasticTriple::eq, 5.0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flips")
    void throwsExactlyWhenTheJumpFlipsTheAnswer(String name, BiPredicate<StochasticTriple, Double> op,
                                                double other, boolean flips) {
        if (flips) {
            assertThatThrownBy(() -> op.test(up(), other)).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("REPLAY");
        } else {
            boolean expected = op.test(StochasticTriple.constant(0), other);
            assertThat(op.test(up(), other)).isEqualTo(expected);
        }
    }

    @Test
    void perturbedRightOperandCountsToo() {
        StochasticTriple c = StochasticTriple.constant(0.5);
        assertThatThrownBy(() -> c.lt(up())).isInstanceOf(IllegalStateException.class).hasMessageContaining("REPLAY");
        assertThat(StochasticTriple.constant(3).gt(up())).isTrue();
        assertThat(StochasticTriple.constant(-3).eq(up())).isFalse();
    }

    @Test
    void unperturbedTriplesNeverThrow() {
        StochasticTriple a = StochasticTriple.of(1, 1);
        StochasticTriple b = StochasticTriple.of(2, -3);
        assertThat(a.lt(b)).isTrue();
        assertThat(a.le(b)).isTrue();
        assertThat(a.gt(b)).isFalse();
        assertThat(a.ge(b)).isFalse();
        assertThat(a.eq(b)).isFalse();
        assertThat(a.eq(1)).isTrue();
    }

    @Test
    void comparisonsWithinOneEventCompareBothWorlds() {
        // X and X + 1 jump together: X < X + 1 and X == X hold in both worlds.
        StochasticTriple x = up();
        assertThat(x.eq(x)).isTrue();
        assertThat(x.lt(x.plus(1))).isTrue();
        assertThat(x.times(2).ge(x)).isTrue();
        // 2X vs X + 0.5: 0 < 0.5 now, 2 > 1.5 in the other world: flips.
        assertThatThrownBy(() -> x.times(2).lt(x.plus(0.5))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void comparisonsOfTwoEventsCheckEachJump() {
        StochasticTriple x = up();
        StochasticTriple y = Perturbed.triple(0.5, new double[] {0}, 0.5, -1);
        // x < y now (0 < 0.5); x's jump makes 1 < 0.5 false: flips
        assertThatThrownBy(() -> x.lt(y)).isInstanceOf(IllegalStateException.class);
        StochasticTriple z = Perturbed.triple(5, new double[] {0}, 0.5, -1);
        assertThat(x.lt(z)).isTrue();
    }

    @Test
    void aPerturbationPrunedAwayNoLongerCounts() {
        org.stochad.internal.AddressedStream pruning = org.stochad.internal.AddressedStream.root(1, 2, 3);
        StochasticTriple x = Perturbed.triple(0, new double[] {0}, Perturbed.alternative(0.5, pruning), 1);
        StochasticTriple y = Perturbed.triple(0, new double[] {0}, Perturbed.alternative(0.5, pruning), 1);
        StochasticTriple sum = x.plus(y);                 // prunes one of the two events
        StochasticTriple dead = x.hasPerturbation() ? y : x;
        StochasticTriple live = x.hasPerturbation() ? x : y;
        assertThat(dead.hasPerturbation()).isFalse();
        assertThat(dead.eq(0)).isTrue();                  // would have flipped while alive
        assertThatThrownBy(() -> live.eq(0)).isInstanceOf(IllegalStateException.class);
        assertThat(sum.perturbationWeight()).isEqualTo(1.0);
    }

    @Test
    void propagationRefusesABranchOnAPerturbedDrawAndReplayRunsIt() {
        StochasticProgram program = (s, th) -> StochasticTriple.constant(s.bernoulli(th[0]).gt(0.5) ? 10 : 3);
        assertThatThrownBy(() -> Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1))
                .estimate(program, new double[] {0.4}, 100, 1))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("REPLAY");
        // E = 3 + 7p: replay handles the branch; and one-sided: x = 1 never flips for δ > 0, so only
        // x = 0 draws (which would flip) throw — 100 samples at p = 0.4 contain some.
        GradientEstimate g = Estimators.stochasticAd().estimate(program, new double[] {0.4}, 60_000, 2);
        Unbiased.assertUnbiased(g, 7, "branch by replay");
    }

    @Test
    void propagationAllowsABranchNoJumpCanFlip() {
        // Poisson(λ) ≥ 0 holds in every world: no exception, derivative 7 of E[7x − 3] plus 0.
        StochasticProgram program = (s, th) -> {
            StochasticTriple x = s.poisson(th[0]);
            return x.ge(0) ? x.times(7).minus(3) : StochasticTriple.constant(1e9);
        };
        assertThatCode(() -> Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1))
                .estimate(program, new double[] {2}, 2000, 1)).doesNotThrowAnyException();
    }
}
