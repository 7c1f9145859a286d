package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.cli.report.StudyCharts;
import org.stochad.examples.Comparison;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.SinBernoulli;
import org.stochad.examples.Table;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;
import org.stochad.study.VarianceStudy;

/**
 * The demo's first part: every estimator on f(x) = x² + Bernoulli(sin²(2x)) at five points, next
 * to the exact derivative and the ordinary-AD answer, with the variance-study plot.
 */
final class SinBernoulliTour implements DemoSection {

    @Override
    public Report run(RunSettings settings) {
        int samples = settings.samplesOr(20_000);
        double[] xs = {0.2, 0.5, 0.8, 1.1, 1.4};
        List<double[]> points = new ArrayList<>();
        for (double x : xs) {
            points.add(new double[] {x});
        }
        StudyResult study = VarianceStudy.of(SinBernoulli.program(),
                        SinBernoulli.estimators(settings.threads()).stream().map(settings::place).toList(),
                        points, samples, settings.seed())
                .withTitle("sin-bernoulli").withParallelism(settings.threads()).withProgress(ConsoleProgress.of(settings.progress())).run();
        Table.Builder t = Table.builder("d/dx E[x² + Bernoulli(sin²(2x))]: " + samples
                        + " samples per estimator and point", "x", "estimator", "estimate", "std.err", "exact", "z",
                "ordinary AD", "sd/sample", "cost/primal", "var×cost");
        for (StudyRow r : study.rows()) {
            double x = r.theta()[0];
            double exact = SinBernoulli.exactDerivative(x);
            t.row(x, r.estimator(), r.mean(), r.standardError(), exact, (r.mean() - exact) / r.standardError(),
                    SinBernoulli.ordinaryAdDerivative(x), r.sdPerSample(), r.costRelativeToPrimal(),
                    r.workNormalisedVariance());
        }
        List<Path> files = new ArrayList<>();
        files.add(StudyCharts.writePlot(study, settings.file("demo-sin-bernoulli-variance.png")));
        files.add(StudyCharts.writeCsv(study, settings.file("demo-sin-bernoulli.csv")));
        files.add(SinBernoulli.curvePlot(settings, samples, "demo-sin-bernoulli-derivative.png"));
        return new Report("demo: f(x) = x² + Bernoulli(sin²(2x))", List.of(t.build()), List.of(
                "exact d/dx E[f] = 2x + 2·sin(4x); ordinary AD treats the draw as a constant and answers 2x",
                "z = (estimate − exact)/std.err: unbiased estimators stay within a few units;"
                        + " var×cost = per-sample variance × cost relative to one plain run (lower is better)"),
                files);
    }
}
