package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stochad.Estimators;

class ToolsTest {

    @Test
    void scanWritesItsFilesAndReportsItsSmallestPoint(@TempDir Path dir) throws Exception {
        LossScan.Result r = LossScan.of(ToyShower.eloss(), 0.3, 2.1, 4, 40, 3).withParallelism(2).runAndWrite(dir);
        assertThat(r.points()).hasSize(4);
        assertThat(Files.readAllLines(dir.resolve("toy-shower-scan-eloss.csv"))).hasSize(5);
        assertThat(Files.size(dir.resolve("toy-shower-scan-eloss.png"))).isGreaterThan(1000);
        LossScan.Point best = r.points().stream().min(java.util.Comparator.comparingDouble(LossScan.Point::loss))
                .orElseThrow();
        assertThat(r.gridMinimum()).isEqualTo(best.theta());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("toy-shower-scan"));
        }
    }

    @Test
    void displayShowsTwoWorldsThatDifferFirstAtTheFlip(@TempDir Path dir) throws Exception {
        EventDisplay.Result r = EventDisplay.of(ToyShower.shower(), 1.5, 11).runAndWrite(dir);
        assertThat(r.primal().hits().subList(0, r.flipIndex()))
                .isEqualTo(r.alternative().hits().subList(0, r.flipIndex()));
        assertThat(r.alternative().hits().get(r.flipIndex()).kind()).isNotEqualTo(r.flippedHit().kind());
        assertThat(r.sample()).isCloseTo(r.weight() * (r.alternative().loss() - r.primal().loss()),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.weight()).isPositive();
        assertThat(Files.size(dir.resolve("toy-shower-display-shower.png"))).isGreaterThan(10_000);
    }

    @Test
    void optimisationRecordsEveryRun() {
        ShowerOptimization.Result r = ShowerOptimization.of(ToyShower.eloss(), 5)
                .withEstimators(List.of(Estimators.stochasticAd())).withStepsAndRuns(60, 2).withParallelism(2).run();
        ShowerOptimization.EstimatorRuns e = r.estimators().get(0);
        assertThat(e.runs()).hasSize(2);
        assertThat(e.meanTheta()).hasSize(61);
        assertThat(e.meanTheta()[0]).isEqualTo(3.0);
        assertThat(e.finalTheta()).isLessThan(3.0);
        assertThat(e.lossQuantile(0.1)[10]).isLessThanOrEqualTo(e.lossQuantile(0.9)[10]);
    }

    @Test
    void mainRejectsBadInputWithOneReadableMessage() {
        assertThatThrownBy(() -> ToyShowerMain.run("bogus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bogus");
        assertThatThrownBy(() -> ToyShowerMain.run("scan", "--nope=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--nope");
        assertThatThrownBy(() -> ToyShowerMain.run("scan", "--events=many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--events = many");
        assertThatThrownBy(() -> ToyShowerMain.run("scan", "--config=muon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config = muon");
        assertThatThrownBy(() -> LossScan.of(ToyShower.shower(), 1, 0, 5, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1.0, 0.0]");
        assertThatThrownBy(() -> EventDisplay.of(ToyShower.shower(), -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("theta = -1");
    }
}
