package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replay on programs whose control flow depends on discrete draws, against exact derivatives. */
class ReplayControlFlowTest {

    private static final Estimator REPLAY = Estimators.stochasticAd();
    private static final Estimator SCORE = Estimators.scoreFunctionWithBaseline();

    private static void assertUnbiased(GradientEstimate g, double exact, double maxRelativeSe) {
        assertThat(g.standardError(0)).as("standard error").isLessThan(maxRelativeSe * Math.abs(exact));
        assertThat(Math.abs(g.mean(0) - exact)).as("|mean − exact| for exact %s, got %s", exact, g)
                .isLessThanOrEqualTo(5 * g.standardError(0));
    }

    /** Flip Bernoulli(p) until success; f = (number of tries)². */
    private static final StochasticProgram TRIES_SQUARED = (s, t) -> {
        int tries = 1;
        while (s.bernoulli(t[0]).value() == 0) {
            tries++;
        }
        return StochasticTriple.constant((double) tries * tries);
    };

    @Test
    void geometricLoopMatchesClosedForm() {
        for (double p : new double[] {0.35, 0.65}) {
            // E[T²] = (2 − p)/p², so d/dp = −4/p³ + 1/p²
            double exact = -4 / (p * p * p) + 1 / (p * p);
            assertUnbiased(REPLAY.estimate(TRIES_SQUARED, new double[] {p}, 1_500_000, 11), exact, 0.004);
        }
    }

    @Test
    void geometricLoopWithNegativeTangent() {
        // the same loop written in q = 1 − p: the tangent of the success probability is −1
        StochasticProgram mirrored = (s, t) -> TRIES_SQUARED.run(s, new StochasticTriple[] {t[0].neg().plus(1)});
        double q = 0.4;
        double p = 1 - q;
        double exact = -(-4 / (p * p * p) + 1 / (p * p));
        assertUnbiased(REPLAY.estimate(mirrored, new double[] {q}, 1_000_000, 12), exact, 0.004);
    }

    /** Each individual has two children with probability p, none otherwise; four generations. */
    private static StochasticProgram branching(boolean squared) {
        return (s, t) -> {
            long[] generation = {1};
            for (int g = 0; g < 4; g++) {
                long[] next = new long[2 * generation.length];
                int n = 0;
                for (long id : generation) {
                    if (s.fork(id).bernoulli(t[0]).value() == 1) {
                        next[n++] = 2 * id;
                        next[n++] = 2 * id + 1;
                    }
                }
                generation = java.util.Arrays.copyOf(next, n);
            }
            double z = generation.length;
            return StochasticTriple.constant(squared ? z * z : z);
        };
    }

    /** Exact E[Z₄] or E[Z₄²] by propagating the distribution of the population size. */
    private static double branchingExpectation(double p, boolean squared) {
        double[] dist = {0, 1};
        for (int g = 0; g < 4; g++) {
            double[] next = new double[2 * dist.length];
            for (int z = 0; z < dist.length; z++) {
                if (dist[z] == 0) {
                    continue;
                }
                // number of reproducing individuals k ~ Binomial(z, p) gives 2k individuals
                for (int k = 0; k <= z; k++) {
                    next[2 * k] += dist[z] * binomialPmf(z, k, p);
                }
            }
            dist = next;
        }
        double e = 0;
        for (int z = 0; z < dist.length; z++) {
            e += dist[z] * (squared ? (double) z * z : z);
        }
        return e;
    }

    private static double binomialPmf(int n, int k, double p) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c * Math.pow(p, k) * Math.pow(1 - p, n - k);
    }

    @Test
    void branchingProcessMatchesEnumeration() {
        double p = 0.6;
        double h = 1e-5;
        for (boolean squared : new boolean[] {false, true}) {
            double exact = (branchingExpectation(p + h, squared) - branchingExpectation(p - h, squared)) / (2 * h);
            if (!squared) {
                assertThat(exact).isCloseTo(64 * p * p * p, org.assertj.core.data.Offset.offset(1e-6));
            }
            assertUnbiased(REPLAY.estimate(branching(squared), new double[] {p}, 100_000, 21), exact, 0.004);
        }
    }

    @Test
    void rejectionSamplerWithParameterDependentNormalisation() {
        // density ∝ exp(−θz) on [0,1] by rejection from U(0,1); d/dθ E[z] = −Var(z), by quadrature
        StochasticProgram program = (s, t) -> {
            double z = s.rejection(Sampler::uniform, x -> t[0].times(-x).exp(), 10_000);
            return StochasticTriple.constant(z);
        };
        double theta = 1.5;
        double m1 = simpson(z -> z * Math.exp(-theta * z)) / simpson(z -> Math.exp(-theta * z));
        double m2 = simpson(z -> z * z * Math.exp(-theta * z)) / simpson(z -> Math.exp(-theta * z));
        double exact = -(m2 - m1 * m1);
        assertUnbiased(REPLAY.estimate(program, new double[] {theta}, 600_000, 31), exact, 0.004);
        assertUnbiased(SCORE.estimate(program, new double[] {theta}, 600_000, 32), exact, 0.004);
    }

    private static double simpson(java.util.function.DoubleUnaryOperator f) {
        int n = 20_000;
        double h = 1.0 / n;
        double s = f.applyAsDouble(0) + f.applyAsDouble(1);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(i * h);
        }
        return s * h / 3;
    }

    @Test
    void exhaustiveReplayOfOneDrawHasZeroVariance() {
        StochasticProgram program = (s, t) -> s.poisson(t[0]).times(7).minus(3);
        GradientEstimate g = Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive())
                .estimate(program, new double[] {2.5}, 1000, 41);
        assertThat(g.mean(0)).isEqualTo(7.0);
        assertThat(g.variance(0)).isZero();
    }

    @Test
    void exhaustiveReplayIsTheExactConditionalDerivativeOfTwoDraws() {
        // f = (B1 + 2·B2)² encodes both outcomes in its value
        StochasticProgram program = (s, t) -> s.bernoulli(t[0]).plus(s.bernoulli(t[0]).times(2)).square();
        double p = 0.3;
        ChunkedEstimator exhaustive = Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive());
        for (long seed = 0; seed < 40; seed++) {
            GradientEstimate g = exhaustive.sampleEstimate(program, new double[] {p}, seed, 0);
            int sum = (int) Math.round(Math.sqrt(g.value()));
            int b1 = sum & 1;
            int b2 = sum >> 1;
            double expected = 0;
            if (b1 == 0) {
                expected += ((sum + 1) * (sum + 1) - sum * sum) / (1 - p);
            }
            if (b2 == 0) {
                expected += ((sum + 2) * (sum + 2) - sum * sum) / (1 - p);
            }
            assertThat(g.mean(0)).as("seed %d, outcome (%d, %d)", seed, b1, b2)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void exhaustiveReplayRefusesTooManyPaths() {
        StochasticProgram program = (s, t) -> {
            StochasticTriple sum = StochasticTriple.constant(0);
            for (int i = 0; i < 10; i++) {
                sum = sum.plus(s.poisson(t[0]));
            }
            return sum;
        };
        Estimator capped = Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive().maxPaths(3));
        assertThatThrownBy(() -> capped.estimate(program, new double[] {1.0}, 10, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxPaths = 3");
    }

    @Test
    void moreAlternativesCutTheVariance() {
        StochasticProgram program = branching(true);
        GradientEstimate one = REPLAY.estimate(program, new double[] {0.6}, 20_000, 51);
        GradientEstimate four = Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4))
                .estimate(program, new double[] {0.6}, 20_000, 51);
        assertThat(Math.abs(one.mean(0) - four.mean(0)))
                .isLessThan(5 * Math.hypot(one.standardError(0), four.standardError(0)));
        assertThat(four.variance(0)).isLessThan(0.9 * one.variance(0));
    }

    @Test
    void nonDeterministicProgramIsDetected() {
        StochasticProgram program = (s, t) -> {
            StochasticTriple a = s.bernoulli(t[0]);
            StochasticTriple b = s.bernoulli(t[0].times(0.5 + 0.5 * Math.random()));
            StochasticTriple c = s.bernoulli(t[0]);
            return a.plus(b).plus(c).square();
        };
        assertThatThrownBy(() -> REPLAY.withParallelism(1).estimate(program, new double[] {0.5}, 2000, 61))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not deterministic");
    }

    @Test
    void replayFollowsControlFlowWherePropagationRefuses() {
        StochasticProgram program = (s, t) -> s.bernoulli(t[0]).gt(0.5)
                ? StochasticTriple.constant(3) : StochasticTriple.constant(1);
        Estimator propagate = Estimators.stochasticAd(StochasticAdOptions.propagate());
        assertThatThrownBy(() -> propagate.estimate(program, new double[] {0.5}, 100, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REPLAY");
        assertUnbiased(REPLAY.estimate(program, new double[] {0.5}, 80_000, 2), 2.0, 0.004);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        StochasticProgram program = branching(true);
        for (Estimator e : List.of(REPLAY, Estimators.stochasticAd(StochasticAdOptions.propagate()), SCORE,
                Estimators.scoreFunction(), Estimators.finiteDifference(0.05))) {
            StochasticProgram p = e.name().contains("propagate")
                    ? (s, t) -> s.binomial(5, t[0]).square() : program;
            GradientEstimate single = e.withParallelism(1).estimate(p, new double[] {0.6}, 3001, 71);
            GradientEstimate two = e.withParallelism(2).estimate(p, new double[] {0.6}, 3001, 71);
            GradientEstimate three = e.withParallelism(3).estimate(p, new double[] {0.6}, 3001, 71);
            assertThat(two).as(e.name()).isEqualTo(single);
            assertThat(three).as(e.name()).isEqualTo(single);
        }
    }
}
