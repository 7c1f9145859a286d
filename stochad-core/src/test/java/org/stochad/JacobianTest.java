package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vector-valued programs: one estimate gives the Jacobian of three outputs in two parameters,
 * every entry within 5 standard errors of the exact value under every estimator, with standard
 * errors small enough to expose a 5 % error; one output reproduces the scalar estimate bit for bit.
 */
class JacobianTest {

    private static final double P = 0.3;
    private static final double LAMBDA = 2.0;

    /** X ~ Binomial(5, p), B ~ Bernoulli(p), N ~ Poisson(λ): outputs X², N·B, min(N, 3). */
    static final VectorProgram PROGRAM = (s, th) -> {
        StochasticTriple x = s.binomial(5, th[0]);
        StochasticTriple b = s.bernoulli(th[0]);
        StochasticTriple n = s.poisson(th[1]);
        return new StochasticTriple[] {x.square(), n.times(b), n.min(3)};
    };

    /**
     * E[X²] = 5p(1 − p) + 25p², E[N·B] = λp, E[min(N, 3)] = Σ_{k&lt;3} P(N &gt; k) whose λ-derivative
     * is Σ_{k&lt;3} pmf(k) = 5e^−2 at λ = 2.
     */
    static final double[][] EXACT = {
        {5 + 40 * P, 0},
        {LAMBDA, P},
        {0, 5 * Math.exp(-2)}};

    static Stream<Arguments> estimators() {
        return Stream.of(
                Arguments.of(Estimators.stochasticAd(StochasticAdOptions.propagate()), 60_000),
                Arguments.of(Estimators.stochasticAd(), 200_000),
                Arguments.of(Estimators.hybrid(), 200_000),
                Arguments.of(Estimators.scoreFunction(), 400_000),
                Arguments.of(Estimators.scoreFunctionWithBaseline(), 400_000),
                Arguments.of(Estimators.finiteDifference(0.02), 900_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimators")
    void everyEntryOfAThreeOutputJacobianIsUnbiased(Estimator estimator, int samples) {
        JacobianEstimate j = estimator.jacobian(PROGRAM, new double[] {P, LAMBDA},
                EstimateRequest.samples(samples).seed(11));
        assertThat(j.outputs()).isEqualTo(3);
        assertThat(j.parameters()).isEqualTo(2);
        assertThat(j.value(1)).isCloseTo(LAMBDA * P, org.assertj.core.data.Offset.offset(0.02));
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                double exact = EXACT[i][k];
                String label = estimator.name() + " J[" + i + "][" + k + "]: " + j.mean(i, k) + " ± "
                        + j.standardError(i, k) + ", exact " + exact;
                // 5 % of the exact value must lie beyond 5 standard errors (for the exact zeros, 5 % of the
                // column's largest entry)
                double scale = exact != 0 ? Math.abs(exact) : Math.max(Math.abs(EXACT[0][k]), Math.abs(EXACT[2][k]));
                assertThat(j.standardError(i, k)).as(label).isLessThanOrEqualTo(0.01 * scale);
                double bias = estimator.name().startsWith("finite") ? 1e-3 : 0;   // O(h²) of min(N, 3)
                assertThat(Math.abs(j.mean(i, k) - exact)).as(label)
                        .isLessThanOrEqualTo(5 * j.standardError(i, k) + bias + 1e-12);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimators")
    void oneOutputIsTheScalarEstimateBitForBit(ChunkedEstimator estimator, int samples) {
        StochasticProgram scalar = (s, th) -> s.binomial(5, th[0]).square().plus(s.poisson(th[1]));
        VectorProgram vector = (s, th) -> new StochasticTriple[] {scalar.run(s, th)};
        EstimateRequest r = EstimateRequest.samples(5_000).seed(3);
        GradientEstimate g = estimator.estimate(scalar, new double[] {P, LAMBDA}, r);
        JacobianEstimate j = estimator.jacobian(vector, new double[] {P, LAMBDA}, r);
        assertThat(j.value(0)).isEqualTo(g.value());
        assertThat(j.mean()[0]).isEqualTo(g.mean());
        assertThat(j.standardError()[0]).isEqualTo(g.standardError());
        assertThat(j.variance()[0]).isEqualTo(g.variance());
        assertThat(j.output(0).mean()).isEqualTo(g.mean());
    }

    @Test
    void theJacobianDoesNotDependOnTheThreadCount() {
        EstimateRequest r = EstimateRequest.samples(10_000).seed(5);
        JacobianEstimate one = Estimators.hybrid().withParallelism(1).jacobian(PROGRAM, new double[] {P, LAMBDA}, r);
        JacobianEstimate four = Estimators.hybrid().withParallelism(4).jacobian(PROGRAM, new double[] {P, LAMBDA}, r);
        assertThat(four.mean()).isEqualTo(one.mean());
        assertThat(four.standardError()).isEqualTo(one.standardError());
    }

    @Test
    void toStringShowsOneLinePerOutput() {
        JacobianEstimate j = Estimators.stochasticAd().jacobian(PROGRAM, new double[] {P, LAMBDA},
                EstimateRequest.samples(100).seed(1));
        String[] lines = j.toString().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("E[f0] = ").contains("∂ = [").contains(" ± ");
        assertThat(lines[3]).startsWith("100 samples, ");
    }

    @Test
    void combineIsTheLinearCombinationOfTheRows() {
        JacobianEstimate j = Estimators.stochasticAd().jacobian(PROGRAM, new double[] {P, LAMBDA},
                EstimateRequest.samples(1_000).seed(1));
        GradientEstimate c = j.combine(new double[] {1, -2, 0.5});
        for (int k = 0; k < 2; k++) {
            assertThat(c.mean(k)).isEqualTo(j.mean(0, k) - 2 * j.mean(1, k) + 0.5 * j.mean(2, k));
        }
        assertThatThrownBy(() -> j.combine(new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 coefficients for 3 outputs");
    }

    @Test
    void aProgramWhoseOutputCountChangesIsRefused() {
        VectorProgram ragged = (s, th) -> s.bernoulli(th[0]).value() == 1
                ? new StochasticTriple[] {th[0]} : new StochasticTriple[] {th[0], th[0]};
        assertThatThrownBy(() -> Estimators.scoreFunction().jacobian(ragged, new double[] {0.5},
                EstimateRequest.samples(100).seed(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outputs");
        assertThatThrownBy(() -> Estimators.scoreFunction().jacobian((s, th) -> new StochasticTriple[0],
                new double[] {0.5}, EstimateRequest.samples(100).seed(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no outputs");
    }
}
