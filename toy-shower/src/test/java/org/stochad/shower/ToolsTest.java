package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;

class ToolsTest {

    @Test
    void scanReportsItsSmallestPointAndItsProgress() {
        AtomicInteger ticks = new AtomicInteger();
        LossScan scan = LossScan.of(ToyShower.eloss(), 0.3, 2.1, 4, 40, 3).withParallelism(2)
                .withProgress(ticks::incrementAndGet);
        LossScan.Result r = scan.run();
        assertThat(r.points()).hasSize(4);
        LossScan.Point best = r.points().stream().min(java.util.Comparator.comparingDouble(LossScan.Point::loss))
                .orElseThrow();
        assertThat(r.gridMinimum()).isEqualTo(best.theta());
        assertThat(ticks.get()).isEqualTo(scan.workUnits()).isEqualTo(4 * LossScan.BATCHES);
    }

    @Test
    void displayShowsTwoWorldsThatDifferFirstAtTheFlip() {
        EventDisplay.Result r = EventDisplay.of(ToyShower.shower(), 1.5, 11).find();
        assertThat(r.primal().hits().subList(0, r.flipIndex()))
                .isEqualTo(r.alternative().hits().subList(0, r.flipIndex()));
        assertThat(r.alternative().hits().get(r.flipIndex()).kind()).isNotEqualTo(r.flippedHit().kind());
        assertThat(r.sample()).isCloseTo(r.weight() * (r.alternative().loss() - r.primal().loss()),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.weight()).isPositive();
        assertThat(r.label()).isEqualTo("shower");
    }

    @Test
    void optimisationRecordsEveryRun() {
        AtomicInteger ticks = new AtomicInteger();
        ShowerOptimization opt = ShowerOptimization.of(ToyShower.eloss(), 5)
                .withEstimators(List.of(Estimators.stochasticAd())).withStepsAndRuns(60, 2).withParallelism(2)
                .withProgress(ticks::incrementAndGet);
        ShowerOptimization.Result r = opt.run();
        ShowerOptimization.EstimatorRuns e = r.estimators().get(0);
        assertThat(e.runs()).hasSize(2);
        assertThat(e.meanTheta()).hasSize(61);
        assertThat(e.meanTheta()[0]).isEqualTo(3.0);
        assertThat(e.finalTheta()).isLessThan(3.0);
        assertThat(e.lossQuantile(0.1)[10]).isLessThanOrEqualTo(e.lossQuantile(0.9)[10]);
        assertThat(ticks.get()).isEqualTo(opt.workUnits()).isEqualTo(2);
    }

    @Test
    void costMeasurementReportsEachTiming() {
        AtomicInteger ticks = new AtomicInteger();
        List<CostMeasurement.Cost> costs = CostMeasurement.measure(ToyShower.eloss(),
                List.of(Estimators.stochasticAd(), Estimators.scoreFunction()),
                new CostMeasurement.Options(2.5, 10, 2), ticks::incrementAndGet);
        assertThat(costs).hasSize(2);
        assertThat(costs.get(0).ratios()).hasSize(2);
        assertThat(ticks.get()).isEqualTo(4);
    }

    @Test
    void badInputIsRejectedWithOneReadableMessage() {
        assertThatThrownBy(() -> LossScan.of(ToyShower.shower(), 1, 0, 5, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1.0, 0.0]");
        assertThatThrownBy(() -> EventDisplay.of(ToyShower.shower(), -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("theta = -1");
        assertThatThrownBy(() -> new CostMeasurement.Options(1, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds = 0");
        assertThatThrownBy(() -> new ShowerOptimization.Protocol(0.01, 3, 10, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps = 10");
    }

    @Test
    void defaultsAreThePublishedProtocol() {
        assertThat(LossScan.Options.defaults()).isEqualTo(new LossScan.Options(0.2, 4.0, 31, 2000));
        assertThat(ShowerOptimization.Protocol.published())
                .isEqualTo(new ShowerOptimization.Protocol(0.01, 3.0, 500, 2, 10));
        assertThat(CostMeasurement.Options.defaults()).isEqualTo(new CostMeasurement.Options(2.5, 3000, 5));
    }
}
