package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stochad.Estimator;
import org.stochad.examples.Progress;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.shower.CostMeasurement;
import org.stochad.shower.ShowerStudy;
import org.stochad.shower.ToyShower;
import org.stochad.study.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad shower cost}: each estimator's cost relative to a plain shower, measured on one thread. */
@Command(name = "cost", header = "Each estimator's cost relative to a plain shower (one thread).",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH, resourceBundle = HelpValues.NAME,
        description = {"Measures each gradient estimator's time per shower relative to a plain (primal) shower at"
                + " one θ, on one thread: each estimator's batch is timed between two primal batches of the same"
                + " showers and the median ratio over rounds is reported (robust on a busy machine). Writes a"
                + " text table named toy-shower-cost-CONFIG. --threads does not apply.", ""})
public final class ShowerCostCommand extends ReportCommand {

    private static final CostMeasurement.Options DEFAULTS = CostMeasurement.Options.defaults();

    @Mixin
    ShowerConfigOption config;

    @Option(names = "--theta", paramLabel = "THETA", description = "Inner radius (default: ${DEFAULT-VALUE}).")
    double theta = DEFAULTS.theta();

    @Option(names = "--events", paramLabel = "N",
            description = "Showers per timed batch (default: ${DEFAULT-VALUE}; --samples is a synonym).")
    int events = DEFAULTS.events();

    @Option(names = "--runs", paramLabel = "N",
            description = "Timing rounds; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs = DEFAULTS.rounds();

    @Mixin
    ShowerEstimatorOption estimators;

    @Override
    List<Report> reports(RunSettings settings) {
        int n = events(events, 2);
        if (runs < 1) {
            throw new IllegalArgumentException("--runs = " + runs + " is less than 1");
        }
        if (!(theta >= 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("--theta = " + theta + " is not a finite number >= 0");
        }
        CostMeasurement.Options options = new CostMeasurement.Options(theta, n, runs);
        List<Estimator> chosen = estimators.chosen(ShowerStudy.defaultEstimators());
        List<Report> reports = new ArrayList<>();
        for (ToyShower shower : config.showers()) {
            String label = shower.config().label();
            List<CostMeasurement.Cost> costs;
            try (Progress bar = Progress.start(settings, "cost " + label,
                    CostMeasurement.workUnits(chosen, options))) {
                costs = CostMeasurement.measure(shower, chosen, options, bar::step);
            }
            Path txt = OutputFiles.writeString(settings.file(ShowerOutputs.base("cost", label) + ".txt"),
                    ShowerOutputs.costTable(label, theta, costs));
            Table.Builder t = Table.builder(label + " configuration at θ = " + theta + ": " + n + " showers per"
                    + " batch, median of " + runs + " round(s), one thread", "estimator", "cost/primal",
                    "primal µs/shower");
            for (CostMeasurement.Cost c : costs) {
                t.row(c.estimator(), c.medianRatio(), c.primalMicros());
            }
            reports.add(new Report("shower cost: " + label, List.of(t.build()), List.of(
                    "goal: stochastic AD ≤ 2.5 × a plain shower; wall times depend on the machine's load"),
                    List.of(txt)));
        }
        return reports;
    }
}
