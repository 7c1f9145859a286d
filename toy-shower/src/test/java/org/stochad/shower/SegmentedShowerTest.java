package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.optim.Adam;
import org.stochad.optim.OptimizationResult;

/** The segmented detector: K = 1 is today's shower bit for bit, the symmetric case's known optimum, the parts. */
class SegmentedShowerTest {

    private static final SegmentedShower ONE = SegmentedShower.of(ShowerConfig.shower(), 1, DesignObjective.depthOnly());

    @Test
    void oneSectorGivesTodaysEstimatesBitForBit() {
        List<Estimator> all = List.of(Estimators.stochasticAd(),
                Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4)), Estimators.hybrid(),
                Estimators.scoreFunction(), Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(0.05));
        for (Estimator e : all) {
            GradientEstimate today = e.estimate(ToyShower.shower(), new double[] {2.5}, 200, 11L);
            GradientEstimate segmented = e.estimate(ONE, new double[] {2.5}, 200, 11L);
            assertThat(segmented.value()).as(e.name()).isEqualTo(today.value());
            assertThat(segmented.mean()).as(e.name()).containsExactly(today.mean());
            assertThat(segmented.variance()).as(e.name()).containsExactly(today.variance());
        }
    }

    @Test
    void oneSectorGivesTodaysOptimisationBitForBit() {
        Adam adam = Adam.of(0.01).withBounds(new double[] {0}, new double[] {Double.POSITIVE_INFINITY});
        OptimizationResult today = adam.minimize(ToyShower.shower(), Estimators.stochasticAd().withParallelism(1),
                new double[] {3.0}, 60, 2, 5L);
        OptimizationResult segmented = adam.minimize(ONE, Estimators.stochasticAd().withParallelism(1),
                new double[] {3.0}, 60, 2, 5L);
        assertThat(segmented.loss()).containsExactly(today.loss());
        for (int t = 0; t < today.parameters().length; t++) {
            assertThat(segmented.parameters()[t]).containsExactly(today.parameters()[t]);
        }
    }

    @Test
    void oneSectorMapIsTodaysMapBitForBit() {
        SegmentedMaterial one = SegmentedMaterial.of(1);
        for (double x = -12; x <= 12; x += 0.37) {
            for (double y = -12; y <= 12; y += 0.41) {
                assertThat(one.probability(x, y, new double[] {1.3})).isEqualTo(MaterialMap.probability(x, y, 1.3));
                assertThat(one.derivative(x, y, new double[] {1.3})).isEqualTo(MaterialMap.thetaDerivative(x, y, 1.3));
            }
        }
    }

    @Test
    void atAUniformPointTheComponentsAddUpToTodaysGradient() {
        SegmentedShower eight = SegmentedShower.of(ShowerConfig.shower(), 8, DesignObjective.depthOnly());
        for (Estimator e : List.of(Estimators.stochasticAd(), Estimators.scoreFunctionWithBaseline())) {
            GradientEstimate today = e.estimate(ToyShower.shower(), new double[] {2.5}, 200, 3L);
            GradientEstimate segmented = e.estimate(eight, eight.uniform(2.5), 200, 3L);
            double sum = 0;
            for (int j = 0; j < 8; j++) {
                sum += segmented.mean(j);
            }
            assertThat(sum).as(e.name()).isCloseTo(today.mean(0), Offset.offset(1e-9 * Math.abs(today.mean(0))));
            assertThat(segmented.value()).isEqualTo(today.value());
        }
    }

    @Test
    void symmetricCaseFindsTodaysOptimumInEverySector() {
        // two sectors swap under a rotation by π, which leaves the shower's law unchanged: the
        // optimum lies on the diagonal, at today's one-parameter minimum (≈ 1.14, PublishedReferenceTest)
        SegmentedShower two = SegmentedShower.of(ShowerConfig.shower(), 2, DesignObjective.depthOnly());
        DesignOptimization.Result r = DesignOptimization.of(two, 7L).withEstimators(List.of(Estimators.stochasticAd()))
                .withProtocol(DesignOptimization.Protocol.defaults().withBudget(300, 2, 8).withEvaluationEvents(200))
                .withParallelism(2).run();
        for (OptimizationResult run : r.estimators().get(0).runs()) {
            double[][] path = run.parameters();
            for (int j = 0; j < 2; j++) {
                double mean = 0;
                for (int t = path.length - 100; t < path.length; t++) {
                    mean += path[t][j] / 100;
                }
                assertThat(mean).as("sector %d", j).isBetween(0.95, 1.35);
            }
        }
    }

    @Test
    void sectorsPricesAndBudget() {
        SegmentedMaterial four = SegmentedMaterial.of(4);
        assertThat(four.sector(-1, -1e-9)).isEqualTo(0);
        assertThat(four.sector(-1, 1e-9)).isEqualTo(1);
        assertThat(four.sector(1, 1e-9)).isEqualTo(2);
        assertThat(four.sector(1, -1e-9)).isEqualTo(3);
        assertThat(four.sector(0, -1)).isEqualTo(3);
        DesignObjective o = new DesignObjective(2, 0.8);
        double mean = 0;
        for (int k = 0; k < 4; k++) {
            mean += o.price(four, k) / 4;
        }
        assertThat(mean).isCloseTo(1, Offset.offset(1e-12));
        assertThat(o.price(four, 1)).isGreaterThan(o.price(four, 0));
        double[] radii = {0.5, 1, 1.5, 2};
        double h = 1e-6;
        double[] up = radii.clone();
        up[2] += h;
        assertThat((o.budget(four, up) - o.budget(four, radii)) / h).isCloseTo(o.budgetDerivative(four, 2),
                Offset.offset(1e-6));
        double[] radiiDerivative = {0.5, 1, 1.5, 2};
        double x = 1.0;
        double y = 0.3;
        int k = four.sector(x, y);
        double[] bumped = radiiDerivative.clone();
        bumped[k] += h;
        assertThat((four.probability(x, y, bumped) - four.probability(x, y, radiiDerivative)) / h)
                .isCloseTo(four.derivative(x, y, radiiDerivative), Offset.offset(1e-5));
    }

    @Test
    void badInputIsRejectedWithItsValue() {
        assertThatThrownBy(() -> SegmentedMaterial.of(0)).hasMessageContaining("segments = 0");
        assertThatThrownBy(() -> SegmentedMaterial.of(65)).hasMessageContaining("segments = 65");
        assertThatThrownBy(() -> new DesignObjective(-1, 0)).hasMessageContaining("budgetWeight = -1");
        assertThatThrownBy(() -> new DesignObjective(1, 1)).hasMessageContaining("priceAmplitude = 1");
        SegmentedShower four = SegmentedShower.of(ShowerConfig.shower(), 4, DesignObjective.defaults());
        assertThatThrownBy(() -> Estimators.primal().estimate(four, new double[] {1, 2}, 2, 1))
                .hasMessageContaining("length 2");
        assertThatThrownBy(() -> Estimators.primal().estimate(four, new double[] {1, 2, Double.NaN, 1}, 2, 1))
                .hasMessageContaining("theta[2] = NaN");
        assertThatThrownBy(() -> new DesignStudy.Options(1, 10, 1, List.of(1, 128)))
                .hasMessageContaining("segments = 128");
    }
}
