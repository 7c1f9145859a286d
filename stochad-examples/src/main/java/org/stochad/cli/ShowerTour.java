package org.stochad.cli;

import java.nio.file.Path;
import java.util.List;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.cli.report.StudyCharts;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.shower.ShowerStudy;
import org.stochad.shower.ToyShower;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;

/**
 * The demo's second part: one design point of the Kagan–Heinrich toy shower (inner radius
 * θ = 2.5 of the material), with the toy-shower module's own estimator comparison.
 */
final class ShowerTour implements DemoSection {

    /** The design point shown. */
    static final double THETA = 2.5;

    @Override
    public Report run(RunSettings settings) {
        int samples = Math.max(2, settings.samplesOr(20_000) / 10);
        StudyResult study = ShowerStudy.of(ToyShower.shower(), samples, settings.seed()).withPoints(List.of(THETA))
                .withEstimators(ShowerStudy.defaultEstimators().stream().map(settings::place).toList())
                .withProgress(ConsoleProgress.of(settings.progress())).run().study();
        Table.Builder t = Table.builder("toy shower at inner radius θ = " + THETA + ": dE[(D − 2)²]/dθ, " + samples
                        + " showers per estimator", "estimator", "estimate", "std.err", "sd/sample", "cost/primal",
                "var×cost");
        for (StudyRow r : study.rows()) {
            t.row(r.estimator(), r.mean(), r.standardError(), r.sdPerSample(), r.costRelativeToPrimal(),
                    r.workNormalisedVariance());
        }
        Path csv = StudyCharts.writeCsv(study, settings.file("demo-toy-shower.csv"));
        Agreement agreement = agreement(study.rows());
        return new Report("demo: toy shower, one design point", List.of(t.build()), List.of(
                "the shower's loss jumps when a particle interacts or not; no closed form exists for the full"
                        + " shower, so the estimators are checked against each other: " + agreement.statement(),
                "more: stochad shower compare covers θ = " + ShowerStudy.DEFAULT_POINTS.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", "))), List.of(csv));
    }

    /**
     * @param rows the study's rows at one point
     * @return how well their estimates agree, at the stated tolerance
     */
    static Agreement agreement(List<StudyRow> rows) {
        return Agreement.of(rows.stream().map(r -> new Agreement.Estimate(r.estimator(), r.mean(),
                r.standardError())).toList(), Agreement.DEFAULT_TOLERANCE);
    }
}
