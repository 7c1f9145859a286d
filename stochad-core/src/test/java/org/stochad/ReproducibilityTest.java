package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same seed, same numbers: estimates repeat bit for bit, for any thread count, and addressed
 * substreams do not depend on what was drawn before them.
 */
class ReproducibilityTest {

    static Stream<Estimator> estimators() {
        return Stream.of(
                Estimators.stochasticAd(StochasticAdOptions.propagate()),
                Estimators.stochasticAd(),
                Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(3)),
                Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive()),
                Estimators.scoreFunction(),
                Estimators.scoreFunctionWithBaseline(),
                Estimators.finiteDifference(0.05));
    }

    /** Pruning, forks, continuous and discrete draws, two parameters. */
    private static final StochasticProgram PROGRAM = (s, th) -> {
        StochasticTriple sum = StochasticTriple.constant(0);
        for (int i = 0; i < 8; i++) {
            Sampler particle = s.fork(i);
            sum = sum.plus(particle.bernoulli(th[0].times((i + 1) / 9.0)))
                    .plus(particle.poisson(th[1]).times(0.5))
                    .plus(particle.normal(th[1], StochasticTriple.constant(0.3)));
        }
        return sum.square().plus(s.geometric(th[0].times(0.5).plus(0.2)));
    };

    @ParameterizedTest
    @MethodSource("estimators")
    void sameSeedGivesTheSameEstimate(Estimator e) {
        double[] theta = {0.6, 1.5};
        GradientEstimate a = e.estimate(PROGRAM, theta, 3000, 77);
        GradientEstimate b = e.estimate(PROGRAM, theta, 3000, 77);
        assertThat(a).isEqualTo(b);
        assertThat(a.mean()).hasSize(2);
        assertThat(e.estimate(PROGRAM, theta, 3000, 78)).isNotEqualTo(a);
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void oneThreadAndTwoThreadsAreBitIdentical(Estimator e) {
        double[] theta = {0.6, 1.5};
        GradientEstimate one = e.withParallelism(1).estimate(PROGRAM, theta, 2001, 5);
        GradientEstimate two = e.withParallelism(2).estimate(PROGRAM, theta, 2001, 5);
        assertThat(one).isEqualTo(two);
        for (int j = 0; j < 2; j++) {
            assertThat(Double.doubleToRawLongBits(one.mean(j))).isEqualTo(Double.doubleToRawLongBits(two.mean(j)));
            assertThat(Double.doubleToRawLongBits(one.variance(j))).isEqualTo(Double.doubleToRawLongBits(two.variance(j)));
        }
        assertThat(Double.doubleToRawLongBits(one.value())).isEqualTo(Double.doubleToRawLongBits(two.value()));
    }

    /** Runs the program once per sample on one thread and collects what it recorded. */
    private static List<List<Double>> record(int samples, long seed, Recorder recorder) {
        List<List<Double>> out = new ArrayList<>();
        StochasticProgram p = (s, th) -> {
            List<Double> row = new ArrayList<>();
            recorder.draw(s, row);
            out.add(row);
            return th[0];
        };
        Estimators.scoreFunction().withParallelism(1).estimate(p, new double[] {0}, samples, seed);
        return out;
    }

    @FunctionalInterface
    private interface Recorder {
        void draw(Sampler s, List<Double> row);
    }

    private static void five(Sampler s, List<Double> row) {
        for (int i = 0; i < 5; i++) {
            row.add(s.uniform());
        }
    }

    @Test
    void forkedStreamIgnoresWhatWasDrawnBefore() {
        List<List<Double>> clean = record(50, 9, (s, row) -> five(s.fork(7), row));
        List<List<Double>> busy = record(50, 9, (s, row) -> {
            for (int i = 0; i < 13; i++) {
                s.uniform();
                s.poisson(3.0);
                s.fork(3).standardNormal();
            }
            Sampler child = s.fork(7);
            s.bernoulli(0.5);
            five(child, row);
        });
        assertThat(busy).isEqualTo(clean);
        // nested addresses too: fork(7).fork(2) is the same stream whatever its parent drew
        List<List<Double>> nested = record(20, 9, (s, row) -> five(s.fork(7).fork(2), row));
        List<List<Double>> nestedBusy = record(20, 9, (s, row) -> {
            Sampler parent = s.fork(7);
            five(parent, new ArrayList<>());
            five(parent.fork(2), row);
        });
        assertThat(nestedBusy).isEqualTo(nested);
    }

    @Test
    void streamsDifferByKeySampleAndSeed() {
        List<List<Double>> k7 = record(20, 9, (s, row) -> five(s.fork(7), row));
        List<List<Double>> k8 = record(20, 9, (s, row) -> five(s.fork(8), row));
        List<List<Double>> root = record(20, 9, ReproducibilityTest::five);
        List<List<Double>> otherSeed = record(20, 10, (s, row) -> five(s.fork(7), row));
        for (int i = 0; i < 20; i++) {
            assertThat(k7.get(i)).doesNotContainAnyElementsOf(k8.get(i))
                    .doesNotContainAnyElementsOf(root.get(i)).doesNotContainAnyElementsOf(otherSeed.get(i));
            if (i > 0) {
                assertThat(k7.get(i)).doesNotContainAnyElementsOf(k7.get(i - 1));
            }
        }
        // the same key twice names the same stream
        List<List<Double>> twice = record(5, 9, (s, row) -> {
            five(s.fork(7), row);
            five(s.fork(7), row);
        });
        for (List<Double> row : twice) {
            assertThat(row.subList(0, 5)).isEqualTo(row.subList(5, 10));
        }
    }

    @Test
    void uniformsAreUniform() {
        // 200 000 numbers in 20 bins: each bin within 5 sd of 1/20.
        int[] bins = new int[20];
        int n = 0;
        for (List<Double> row : record(40_000, 4, ReproducibilityTest::five)) {
            for (double u : row) {
                assertThat(u).isStrictlyBetween(0.0, 1.0);
                bins[(int) (u * 20)]++;
                n++;
            }
        }
        double sd = Math.sqrt(n * 0.05 * 0.95);
        for (int b : bins) {
            assertThat(Math.abs(b - n * 0.05)).isLessThanOrEqualTo(5 * sd);
        }
    }
}
