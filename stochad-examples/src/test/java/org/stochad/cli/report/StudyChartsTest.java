package org.stochad.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stochad.Estimators;
import org.stochad.StochasticProgram;
import org.stochad.study.StudyResult;
import org.stochad.study.VarianceStudy;

class StudyChartsTest {

    private static final StochasticProgram PROGRAM = (s, t) -> s.bernoulli(t[0]).plus(1).square();

    @Test
    void writesThePlotAndTheCsvAndNothingElse(@TempDir Path dir) throws Exception {
        StudyResult result = VarianceStudy.of(PROGRAM, List.of(Estimators.stochasticAd(), Estimators.scoreFunction()),
                List.of(new double[] {0.2}, new double[] {0.7}), 2_000, 3).withTitle("bernoulli").run();
        Path png = StudyCharts.writePlot(result, dir.resolve("study.png"));
        Path csv = StudyCharts.writeCsv(result, dir.resolve("study.csv"));
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(Files.readString(csv)).isEqualTo(result.toCsv()).startsWith("estimator,theta");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("study.png", "study.csv");
        }
    }
}
