package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.cli.chart.ShowerCharts;
import org.stochad.examples.Progress;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.shower.ShowerOptimization;
import org.stochad.shower.ToyShower;
import org.stochad.study.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad shower optimize}: Adam on the inner radius, repeated runs per estimator. */
@Command(name = "optimize", header = "Adam on θ, repeated runs per estimator; loss and θ per step.",
        aliases = "optimise", mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH,
        resourceBundle = HelpValues.NAME,
        description = {"Minimises E[loss] over the inner radius θ with Adam as published: learning rate"
                + " ${bundle:shower.optimize.learningRate}, start θ = ${bundle:shower.optimize.start},"
                + " ${bundle:shower.optimize.eventsPerStep} showers per step, θ ≥ 0, independent runs per"
                + " estimator. Reports the mean loss over the last 50 steps, the final θ and the time per run."
                + " Writes a text table, a CSV file and a figure of loss and θ per step with 10–90 %% bands, each"
                + " named toy-shower-optimization-CONFIG.", ""})
public final class ShowerOptimizeCommand extends ReportCommand {

    private static final ShowerOptimization.Protocol DEFAULTS = ShowerOptimization.Protocol.published();

    @Mixin
    ShowerConfigOption config;

    @Option(names = "--steps", paramLabel = "N",
            description = "Adam steps per run, at least 50 (default: ${DEFAULT-VALUE}).")
    int steps = DEFAULTS.steps();

    @Option(names = "--runs", paramLabel = "N", description = "Independent runs per estimator (default: ${DEFAULT-VALUE}).")
    int runs = DEFAULTS.runs();

    @Option(names = "--estimators", paramLabel = "NAME", split = ",", completionCandidates = EstimatorChoice.Keys.class,
            description = "Estimators, comma-separated from: ${COMPLETION-CANDIDATES} (default:"
                    + " ${bundle:shower.optimize.estimators}).")
    List<String> estimators;

    @Override
    List<Report> reports(RunSettings settings) {
        noSamples("the published protocol uses " + DEFAULTS.eventsPerStep()
                + " showers per Adam step; set --steps and --runs");
        if (steps < 50) {
            throw new IllegalArgumentException("--steps = " + steps + " is less than 50");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs = " + runs + " is less than 1");
        }
        List<Report> reports = new ArrayList<>();
        for (ToyShower shower : config.showers()) {
            String label = shower.config().label();
            ShowerOptimization opt = ShowerOptimization.of(shower, settings.seed()).withStepsAndRuns(steps, runs)
                    .withParallelism(settings.threads()).withRunner(settings.tasks());
            if (estimators != null && !estimators.isEmpty()) {
                opt = opt.withEstimators(EstimatorChoice.estimators(estimators, List.of()));
            }
            ShowerOptimization.Result r;
            try (Progress bar = Progress.start(settings, "optimize " + label, opt.workUnits())) {
                r = opt.withProgress(bar::step).run();
            }
            String base = ShowerOutputs.base("optimization", label);
            Path png = ShowerCharts.optimization(r, settings.file(base + ".png"));
            Path csv = OutputFiles.writeString(settings.file(base + ".csv"), ShowerOutputs.optimizationCsv(r));
            Path txt = OutputFiles.writeString(settings.file(base + ".txt"), ShowerOutputs.optimizationTable(r));
            Table.Builder t = Table.builder(label + " configuration: Adam, " + steps + " steps, " + runs
                            + " run(s) per estimator, seed " + settings.seed(), "estimator", "last-50 loss", "std.err",
                    "final θ", "sd", "s/run");
            for (ShowerOptimization.EstimatorRuns e : r.estimators()) {
                t.row(e.estimator(), e.lastFiftyLoss(), e.lastFiftyLossSe(), e.finalTheta(), e.finalThetaSd(),
                        e.secondsPerRun());
            }
            reports.add(new Report("shower optimize: " + label, List.of(t.build()), List.of(
                    String.format(Locale.ROOT, "total wall time %.1f s (runs in parallel on %d thread(s))",
                            r.nanos() / 1e9, settings.threads()),
                    "paper (500 steps, 10 runs): last-50 loss 0.10 stochastic AD, 0.12 score function with baseline"),
                    List.of(png, csv, txt)));
        }
        return reports;
    }
}
