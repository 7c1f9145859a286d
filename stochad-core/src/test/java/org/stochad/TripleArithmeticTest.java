package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.internal.Alternative;
import org.stochad.internal.Perturbed;
import org.stochad.internal.AddressedStream;

/**
 * The algebra of one triple: value exact, tangent by the chain rule, alternative exactly
 * f(X + Δ) − f(X) with the weight kept; coupling of one event, pruning of two.
 */
class TripleArithmeticTest {

    /** X = 2 + 0.5ε + {+3 w.p. 0.7ε}. */
    private static StochasticTriple x() {
        return Perturbed.triple(2, new double[] {0.5}, 0.7, 3);
    }

    static Stream<Arguments> unary() {
        return Stream.of(
                Arguments.of("neg", (UnaryOperator<StochasticTriple>) StochasticTriple::neg, (DoubleUnaryOperator) v -> -v, (DoubleUnaryOperator) v -> -1),
                Arguments.of("abs", (UnaryOperator<StochasticTriple>) t -> t.minus(3).abs(), (DoubleUnaryOperator) v -> Math.abs(v - 3), (DoubleUnaryOperator) v -> -1),
                Arguments.of("square", (UnaryOperator<StochasticTriple>) StochasticTriple::square, (DoubleUnaryOperator) v -> v * v, (DoubleUnaryOperator) v -> 2 * v),
                Arguments.of("sqrt", (UnaryOperator<StochasticTriple>) StochasticTriple::sqrt, (DoubleUnaryOperator) Math::sqrt, (DoubleUnaryOperator) v -> 0.5 / Math.sqrt(v)),
                Arguments.of("exp", (UnaryOperator<StochasticTriple>) StochasticTriple::exp, (DoubleUnaryOperator) Math::exp, (DoubleUnaryOperator) Math::exp),
                Arguments.of("log", (UnaryOperator<StochasticTriple>) StochasticTriple::log, (DoubleUnaryOperator) Math::log, (DoubleUnaryOperator) v -> 1 / v),
                Arguments.of("pow 2.5", (UnaryOperator<StochasticTriple>) t -> t.pow(2.5), (DoubleUnaryOperator) v -> Math.pow(v, 2.5), (DoubleUnaryOperator) v -> 2.5 * Math.pow(v, 1.5)),
                Arguments.of("pow triple", (UnaryOperator<StochasticTriple>) t -> t.pow(StochasticTriple.constant(1.5)), (DoubleUnaryOperator) v -> Math.pow(v, 1.5), (DoubleUnaryOperator) v -> 1.5 * Math.sqrt(v)),
                Arguments.of("sin", (UnaryOperator<StochasticTriple>) StochasticTriple::sin, (DoubleUnaryOperator) Math::sin, (DoubleUnaryOperator) Math::cos),
                Arguments.of("cos", (UnaryOperator<StochasticTriple>) StochasticTriple::cos, (DoubleUnaryOperator) Math::cos, (DoubleUnaryOperator) v -> -Math.sin(v)),
                Arguments.of("tanh", (UnaryOperator<StochasticTriple>) t -> t.div(4).tanh(), (DoubleUnaryOperator) v -> Math.tanh(v / 4), (DoubleUnaryOperator) v -> (1 - Math.pow(Math.tanh(v / 4), 2)) / 4),
                Arguments.of("logistic", (UnaryOperator<StochasticTriple>) StochasticTriple::logistic, (DoubleUnaryOperator) v -> 1 / (1 + Math.exp(-v)), (DoubleUnaryOperator) v -> Math.exp(-v) / Math.pow(1 + Math.exp(-v), 2)),
                Arguments.of("min 3", (UnaryOperator<StochasticTriple>) t -> t.min(3), (DoubleUnaryOperator) v -> Math.min(v, 3), (DoubleUnaryOperator) v -> v < 3 ? 1 : 0),
                Arguments.of("max 3", (UnaryOperator<StochasticTriple>) t -> t.max(3), (DoubleUnaryOperator) v -> Math.max(v, 3), (DoubleUnaryOperator) v -> v > 3 ? 1 : 0),
                Arguments.of("times 3 plus 1", (UnaryOperator<StochasticTriple>) t -> t.times(3).plus(1), (DoubleUnaryOperator) v -> 3 * v + 1, (DoubleUnaryOperator) v -> 3),
                Arguments.of("1 / x", (UnaryOperator<StochasticTriple>) t -> StochasticTriple.constant(1).div(t), (DoubleUnaryOperator) v -> 1 / v, (DoubleUnaryOperator) v -> -1 / (v * v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unary")
    void unaryFunctionsMapValueTangentAndAlternative(String name, UnaryOperator<StochasticTriple> op,
                                                      DoubleUnaryOperator f, DoubleUnaryOperator df) {
        StochasticTriple y = op.apply(x());
        assertThat(y.value()).isEqualTo(f.applyAsDouble(2), offset(1e-14));
        assertThat(y.delta()).isEqualTo(df.applyAsDouble(2) * 0.5, offset(1e-14));
        assertThat(y.alternative()).isEqualTo(f.applyAsDouble(5), offset(1e-13));
        assertThat(y.perturbationShift()).isEqualTo(f.applyAsDouble(5) - f.applyAsDouble(2), offset(1e-13));
        assertThat(y.perturbationWeight()).isEqualTo(0.7);
        assertThat(y.derivativeContribution()).isEqualTo(
                df.applyAsDouble(2) * 0.5 + 0.7 * (f.applyAsDouble(5) - f.applyAsDouble(2)), offset(1e-13));
    }

    @Test
    void sameEventCouplesAcrossBinaryOperations() {
        StochasticTriple a = x();
        StochasticTriple b = a.times(a).plus(a.div(a.plus(1)));   // X² + X/(X+1), all on one event
        assertThat(b.value()).isEqualTo(4 + 2.0 / 3, offset(1e-14));
        assertThat(b.alternative()).isEqualTo(25 + 5.0 / 6, offset(1e-13));
        assertThat(b.delta()).isEqualTo((2 * 2 + 1.0 / 9) * 0.5, offset(1e-14));
        assertThat(a.minus(a).hasPerturbation()).isFalse();
        assertThat(a.minus(a).derivativeContribution()).isZero();
        assertThat(a.max(a.times(2)).alternative()).isEqualTo(10);
        assertThat(a.min(a.neg().plus(6)).alternative()).isEqualTo(1);   // min(5, 1) in the other world
    }

    @Test
    void plainTriplesCarryTangentsAlongEveryDirection() {
        StochasticTriple a = StochasticTriple.of(3, 1, 0);
        StochasticTriple b = StochasticTriple.of(2, 0, 1);
        StochasticTriple c = a.times(b).plus(a.div(b));                  // ab + a/b
        assertThat(c.directions()).isEqualTo(2);
        assertThat(c.delta(0)).isEqualTo(2 + 0.5, offset(1e-14));        // b + 1/b
        assertThat(c.delta(1)).isEqualTo(3 - 0.75, offset(1e-14));       // a − a/b²
        assertThat(c.hasPerturbation()).isFalse();
        assertThat(StochasticTriple.constant(4).derivativeContribution()).isZero();
    }

    @Test
    void pruningKeepsOneEventWithProbabilityProportionalToWeight() {
        AddressedStream stream = AddressedStream.root(3, 0, 1);
        int n = 200_000;
        int keptFirst = 0;
        for (int i = 0; i < n; i++) {
            Alternative a = Perturbed.alternative(0.25, stream);
            Alternative b = Perturbed.alternative(0.75, stream);
            StochasticTriple sum = Perturbed.triple(0, new double[0], a, 1)
                    .plus(Perturbed.triple(0, new double[0], b, 2));
            Alternative kept = Perturbed.alternativeOf(sum);
            assertThat(kept.weight()).isEqualTo(1.0);
            assertThat(a.alive() ^ b.alive()).isTrue();
            assertThat(sum.perturbationShift()).isEqualTo(kept == a ? 1 : 2);
            keptFirst += kept == a ? 1 : 0;
        }
        double se = Math.sqrt(0.25 * 0.75 / n);
        assertThat(Math.abs((double) keptFirst / n - 0.25)).isLessThanOrEqualTo(5 * se);
    }

    @Test
    void prunedSumOfTwoDrawsIsUnbiased() {
        // Two events meet in b1·10 + b2: E over runs of the survivor's W·Δ is w1·Δ1 + w2·Δ2.
        int n = 160_000;
        StochasticProgram program = (s, th) -> {
            StochasticTriple b1 = s.bernoulli(th[0].times(0.2));      // p = 0.06, δ = 0.2
            StochasticTriple b2 = s.bernoulli(th[0].times(0.9));      // p = 0.27, δ = 0.9
            return b1.times(10).plus(b2);                              // E' = 10·0.2 + 0.9 = 2.9
        };
        GradientEstimate g = Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(2))
                .estimate(program, new double[] {0.3}, n, 99);
        Unbiased.assertUnbiased(g, 2.9, "pruned sum");
    }
}
