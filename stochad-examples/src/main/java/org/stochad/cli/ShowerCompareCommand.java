package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stochad.Estimator;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.cli.report.StudyCharts;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.shower.ShowerStudy;
import org.stochad.shower.ToyShower;
import org.stochad.study.OutputFiles;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;
import org.stochad.study.VarianceStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad shower compare}: the gradient estimators side by side at a few design points. */
@Command(name = "compare", header = "Gradient estimators side by side: bias, spread, cost.",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH, resourceBundle = HelpValues.NAME,
        description = {"Compares the gradient estimators of dE[loss]/dθ at a few inner radii with one budget and"
                + " seed: estimate, standard error, per-shower standard deviation, cost relative to a plain"
                + " shower and their product (lower is better). Writes a text table, a CSV"
                + " file and a figure, each named toy-shower-study-CONFIG.", ""})
public final class ShowerCompareCommand extends ReportCommand {

    @Mixin
    ShowerConfigOption config;

    @Option(names = "--theta", paramLabel = "THETA", split = ",",
            description = "Inner radii to compare at, comma-separated (default: ${bundle:shower.study.theta}).")
    List<Double> theta;

    @Option(names = "--events", paramLabel = "N",
            description = "Showers per estimator and point (default: ${DEFAULT-VALUE}; --samples is a synonym).")
    int events = ShowerStudy.DEFAULT_SAMPLES;

    @Mixin
    ShowerEstimatorOption estimators;

    @Override
    List<Report> reports(RunSettings settings) {
        int n = events(events, 2);
        List<Double> points = theta == null || theta.isEmpty() ? ShowerStudy.DEFAULT_POINTS : theta;
        for (double t : points) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("--theta = " + t + " is not a finite number >= 0");
            }
        }
        List<Estimator> chosen = estimators.chosen(ShowerStudy.defaultEstimators()).stream().map(settings::place)
                .toList();
        List<Report> reports = new ArrayList<>();
        for (ToyShower shower : config.showers()) {
            String label = shower.config().label();
            StudyResult r = VarianceStudy.of(shower.withObservable(ToyShower.Observable.LOSS), chosen,
                            points.stream().map(t -> new double[] {t}).toList(), n, settings.seed())
                    .withTitle(label + " configuration, dE[ℓ]/dθ").withParallelism(settings.threads())
                    .withProgress(ConsoleProgress.of(settings.progress())).run();
            String base = ShowerOutputs.base("study", label);
            Path png = StudyCharts.writePlot(r, settings.file(base + ".png"));
            Path csv = StudyCharts.writeCsv(r, settings.file(base + ".csv"));
            Path txt = OutputFiles.writeString(settings.file(base + ".txt"), r.toTable());
            Table.Builder t = Table.builder(label + " configuration, dE[loss]/dθ: " + n
                            + " showers per estimator and point, seed " + settings.seed(), "θ", "estimator",
                    "estimate", "std.err", "sd/shower", "cost/primal", "var×cost");
            for (StudyRow row : r.rows()) {
                t.row(row.theta()[0], row.estimator(), row.mean(), row.standardError(), row.sdPerSample(),
                        row.costRelativeToPrimal(), row.workNormalisedVariance());
            }
            reports.add(new Report("shower compare: " + label, List.of(t.build()), List.of(
                    "sd/shower is the per-event standard deviation (paper at θ = 2.5, shower: 6.4 stochastic AD,"
                            + " 4.4 score function with baseline); cost/primal is time per estimate over the time of"
                            + " one plain shower; var×cost = sd² × cost/primal"), List.of(png, csv, txt)));
        }
        return reports;
    }
}
