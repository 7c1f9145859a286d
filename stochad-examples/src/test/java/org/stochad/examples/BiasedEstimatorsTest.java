package org.stochad.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stochad.EstimateRequest;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;

/**
 * The {@code biased} example: straight-through's mean on the intro program against its closed
 * form (both tangent signs), and the example's table — every biased row says so, the exact cases
 * are exact, and the programs that reach their draws only by branches or lookups get 0.
 */
class BiasedEstimatorsTest {

    /**
     * Straight-through on X = a·c·N, a = p(1 − p), b ~ Bin(10, p), c = 2b + 3B, N = b + a·Z: the
     * tangents are a′ = 1 − 2p, b′ = 10, B′ = 1, c′ = 23, N′ = 10 + a′Z, so the mean of the estimate
     * is a′·E[cb] + 23a·E[b] + 10a·E[c] with E[b] = 10p, E[b²] = 10p(1 − p) + 100p², E[c] = 23p,
     * E[cb] = 2E[b²] + 30p².
     */
    private static double straightThroughMean(double p) {
        double a = p * (1 - p);
        double eb2 = 10 * p * (1 - p) + 100 * p * p;
        double ecb = 2 * eb2 + 30 * p * p;
        return (1 - 2 * p) * ecb + 23 * a * 10 * p + 10 * a * 23 * p;
    }

    @Test
    void straightThroughOnTheIntroHasItsClosedFormMeanAndAVisibleBias() {
        double p = 0.6;
        assertThat(straightThroughMean(p)).isCloseTo(48.72, offset(1e-9));
        for (double sign : new double[] {1, -1}) {
            GradientEstimate g = Estimators.straightThrough().directional(Intro.program(), new double[] {p},
                    new double[] {sign}, EstimateRequest.samples(100_000).seed(3));
            assertThat(g.mean(0)).as("sign %s", sign).isCloseTo(sign * straightThroughMean(p),
                    offset(5 * g.standardError(0)));
            // the bias against the exact 47.76 is 0.96, far outside 5 se
            assertThat(5 * g.standardError(0)).isLessThan(0.2);
            assertThat(Math.abs(g.mean(0) - sign * Intro.exactDerivative(p))).isGreaterThan(0.5);
        }
    }

    @Test
    void theExampleTableLabelsTheBiasedRowsAndShowsWhereTheyFail(@TempDir Path dir) {
        Report r = new BiasedEstimators().run(new RunSettings(42, 1000, 1, dir, false), Map.of());
        Table t = r.tables().get(0);
        int estimator = t.columns().indexOf("estimator");
        int cases = t.columns().indexOf("case");
        int estimate = t.columns().indexOf("estimate");
        int reference = t.columns().indexOf("reference");
        int variance = t.columns().indexOf("variance");
        int biased = 0;
        for (List<Object> row : t.rows()) {
            String name = (String) row.get(estimator);
            if (!(name.contains("smoothed") || name.contains("straight-through"))) {
                continue;
            }
            biased++;
            assertThat(name).contains("(biased)");
            String c = (String) row.get(cases);
            double value = (double) row.get(estimate);
            if (c.startsWith("random walk") || c.startsWith("game of life") || c.startsWith("toy shower")) {
                assertThat(value).as(c + ": " + name).isZero();
            }
            if (c.startsWith("sin-Bernoulli") && name.contains("straight-through")) {
                assertThat(value).isCloseTo((double) row.get(reference), offset(1e-12));
                assertThat((double) row.get(variance)).isLessThan(1e-20);
            }
        }
        // 6 cases, 2 of them with two parameters, 2 biased estimators
        assertThat(biased).isEqualTo(2 * 8);
        assertThat(t.rows()).hasSize(5 * 8);
    }
}
