package org.stochad.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;

class RandomWalkTest {

    /** E[X_n²] by enumerating all 2^n step sequences with their probabilities. */
    private static double enumerated(int n, double p) {
        double e = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            double prob = 1;
            int x = 0;
            for (int i = 0; i < n && prob > 0; i++) {
                double up = Math.exp(-x / p);
                if ((mask >> i & 1) == 0) {
                    prob *= up;
                    x++;
                } else {
                    prob *= 1 - up;
                    x--;
                }
            }
            if (prob > 0) {
                e += prob * x * x;
            }
        }
        return e;
    }

    @Test
    void transitionMatrixMatchesPathEnumerationAndItsDerivative() {
        for (double p : new double[] {2, 7.5}) {
            assertThat(RandomWalk.exact(12, p)[0]).isCloseTo(enumerated(12, p), Offset.offset(1e-9));
            double h = 1e-5;
            double fd = (enumerated(12, p + h) - enumerated(12, p - h)) / (2 * h);
            assertThat(RandomWalk.exact(12, p)[1]).isCloseTo(fd, Offset.offset(1e-5));
        }
        double h = 1e-4;
        double fd = (RandomWalk.exact(100, 50 + h)[0] - RandomWalk.exact(100, 50 - h)[0]) / (2 * h);
        assertThat(RandomWalk.exact(100, 50)[1]).isCloseTo(fd, Offset.offset(1e-6 * Math.abs(fd)));
    }

    @Test
    void stochasticAdMatchesTheExactDerivative() {
        int[][] cases = {{50, 100}, {100, 50}};
        for (int[] c : cases) {
            double exact = RandomWalk.exact(c[0], c[1])[1];
            for (StochasticAdOptions o : new StochasticAdOptions[] {StochasticAdOptions.propagate(),
                StochasticAdOptions.replay()}) {
                GradientEstimate g = Estimators.stochasticAd(o).estimate(RandomWalk.program(c[0]),
                        new double[] {c[1]}, 20_000, 3);
                assertThat(Math.abs(g.mean(0) - exact)).as("n=%d p=%d %s", c[0], c[1], o.strategy())
                        .isLessThanOrEqualTo(5 * g.standardError(0));
                assertThat(5 * g.standardError(0)).isLessThan(0.06 * exact);
            }
        }
    }

    @Test
    void byNTableLabelsEachEstimatorsOwnColumn() {
        List<Estimator> estimators = RandomWalk.estimators();
        assertThat(RandomWalk.LABELS).hasSize(estimators.size());
        // each label names its estimator: propagate, replay, hybrid, score function, score function + baseline
        assertThat(estimators.get(0).name()).contains("propagate");
        assertThat(estimators.get(1).name()).contains("replay");
        assertThat(estimators.get(2).name()).containsIgnoringCase("hybrid");
        assertThat(estimators.get(3).name()).contains("score").doesNotContain("baseline");
        assertThat(estimators.get(4).name()).contains("score", "baseline");
        double[][] sd = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}};
        Table t = RandomWalk.byNTable(new int[] {10, 20}, new double[] {0.5, 0.25}, sd);
        assertThat(t.columns()).containsExactly("n", "exact", "SAD propagate", "SAD replay", "hybrid", "score",
                "score+baseline", "score+baseline / SAD replay");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0)).containsExactly(10, 0.5, 1.0, 3.0, 5.0, 7.0, 9.0, 3.0);
        assertThat(t.rows().get(1)).containsExactly(20, 0.25, 2.0, 4.0, 6.0, 8.0, 10.0, 2.5);
    }

    @Test
    void theExampleReportsEveryEstimatorUnderItsOwnLabel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        Report r = new RandomWalk().run(RunSettings.defaults(tmp).withSamples(40), java.util.Map.of());
        Table byN = r.tables().get(1);
        assertThat(byN.columns()).hasSize(2 + RandomWalk.LABELS.size() + 1);
        for (List<Object> row : byN.rows()) {
            assertThat(row).hasSize(byN.columns().size());
            double replay = ((Number) row.get(3)).doubleValue();
            double baseline = ((Number) row.get(6)).doubleValue();
            assertThat(((Number) row.get(7)).doubleValue()).isEqualTo(baseline / replay);
        }
    }
}
