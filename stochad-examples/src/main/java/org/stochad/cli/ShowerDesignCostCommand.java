package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.Estimator;
import org.stochad.cli.chart.DesignCharts;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.shower.DesignObjective;
import org.stochad.shower.DesignStudy;
import org.stochad.shower.ToyShower;
import org.stochad.study.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad shower design-cost}: how each estimator's cost and variance grow with the number of sectors. */
@Command(name = "design-cost", header = "Cost and variance of the gradient estimators against the number of sectors.",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH,
        description = {"For K = 1, 2, 4, …, 64 sectors at a uniform inner radius: each estimator's cost per"
                + " shower relative to a primal shower (one thread, each batch timed between two primal batches of"
                + " the same showers, median over rounds), the per-shower variance of every gradient component and"
                + " the work-normalised variance. Writes a figure, a CSV file and a text table, named"
                + " toy-shower-design-cost-CONFIG. --threads does not apply.", ""})
public final class ShowerDesignCostCommand extends ReportCommand {

    private static final DesignStudy.Options DEFAULTS = DesignStudy.Options.defaults();

    @Mixin
    ShowerConfigOption config;

    @Option(names = "--segments", paramLabel = "K", split = ",",
            description = "Numbers of sectors, comma-separated (default: 1,2,4,8,16,32,64).")
    List<Integer> segments = DEFAULTS.segments();

    @Option(names = "--theta", paramLabel = "THETA", description = "Uniform inner radius (default: ${DEFAULT-VALUE}).")
    double theta = DEFAULTS.theta();

    @Option(names = "--events", paramLabel = "N",
            description = "Showers per timed batch (default: ${DEFAULT-VALUE}; --samples is a synonym).")
    int events = DEFAULTS.events();

    @Option(names = "--runs", paramLabel = "N", description = "Timing rounds (default: ${DEFAULT-VALUE}).")
    int rounds = DEFAULTS.rounds();

    @Option(names = "--estimators", paramLabel = "NAME", split = ",", completionCandidates = EstimatorChoice.Keys.class,
            description = "Estimators, comma-separated from: ${COMPLETION-CANDIDATES} (default: sad,sad4,hybrid,"
                    + "score-baseline,fd).")
    List<String> estimators;

    @Override
    List<Report> reports(RunSettings settings) {
        DesignStudy.Options options = new DesignStudy.Options(theta, events(events, 2), rounds, segments);
        List<Estimator> chosen = EstimatorChoice.estimators(estimators, DesignStudy.defaultEstimators());
        List<Report> reports = new ArrayList<>();
        for (ToyShower base : config.showers()) {
            String label = base.config().label();
            DesignStudy.Result r = DesignStudy.of(base.config(), DesignObjective.defaults(), options)
                    .withEstimators(chosen).withProgress(ConsoleProgress.of(settings.progress())).run();
            String name = "toy-shower-design-cost-" + label;
            Path png = DesignCharts.scaling(r, settings.file(name + ".png"));
            StringBuilder csv = new StringBuilder("segments,estimator,cost_ratio,primal_us,mean_variance,"
                    + "work_normalised_variance,component,mean,variance\n");
            Table.Builder t = Table.builder(label + " at uniform θ = " + theta + ": " + options.events()
                    + " showers per batch, median of " + rounds + " round(s), one thread", "K", "estimator",
                    "cost/primal", "mean var", "var × cost", "primal µs");
            for (DesignStudy.Row row : r.rows()) {
                t.row(row.segments(), row.estimator(), row.costRatio(), row.meanVariance(),
                        row.workNormalisedVariance(), row.primalMicros());
                double[] mean = row.mean();
                double[] var = row.variance();
                for (int j = 0; j < var.length; j++) {
                    csv.append(String.format(Locale.ROOT, "%d,\"%s\",%.4f,%.2f,%.6g,%.6g,%d,%.6g,%.6g%n",
                            row.segments(), row.estimator(), row.costRatio(), row.primalMicros(), row.meanVariance(),
                            row.workNormalisedVariance(), j, mean[j], var[j]));
                }
            }
            List<String> notes = new ArrayList<>();
            for (String e : r.estimators()) {
                notes.add(String.format(Locale.ROOT, "%s: cost grows %.2f× from K = %d to K = %d", e,
                        r.costGrowth(e), options.segments().get(0), options.segments().get(options.segments().size() - 1)));
            }
            Table table = t.build();
            Path csvFile = OutputFiles.writeString(settings.file(name + ".csv"), csv.toString());
            Path txt = OutputFiles.writeString(settings.file(name + ".txt"), ReportPrinter.aligned(table) + System.lineSeparator()
                    + String.join(System.lineSeparator(), notes) + System.lineSeparator());
            reports.add(new Report("shower design-cost: " + label, List.of(table), notes, List.of(png, csvFile, txt)));
        }
        return reports;
    }
}
