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
import org.stochad.shower.LossScan;
import org.stochad.shower.ToyShower;
import org.stochad.study.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad shower scan}: the loss landscape E[ℓ](θ) and mean depth E[D](θ) on a grid. */
@Command(name = "scan", header = "Loss landscape E[loss](θ) and mean depth on a grid of θ; its minimum.",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH,
        description = {"Scans the loss E[(D − 2)²] and the mean depth E[D] over a grid of inner radii θ, with the"
                + " same seeds at every point (common random numbers), and locates the minimum. Writes a CSV"
                + " file and a figure, each named toy-shower-scan-CONFIG.", ""})
public final class ShowerScanCommand extends ReportCommand {

    private static final LossScan.Options DEFAULTS = LossScan.Options.defaults();

    @Mixin
    ShowerConfigOption config;

    @Option(names = "--from", paramLabel = "THETA", description = "First θ of the grid (default: ${DEFAULT-VALUE}).")
    double from = DEFAULTS.from();

    @Option(names = "--to", paramLabel = "THETA", description = "Last θ of the grid (default: ${DEFAULT-VALUE}).")
    double to = DEFAULTS.to();

    @Option(names = "--points", paramLabel = "N", description = "Grid points, at least 3 (default: ${DEFAULT-VALUE}).")
    int points = DEFAULTS.points();

    @Option(names = "--events", paramLabel = "N",
            description = "Showers per grid point, at least 40, used in 20 batches for the standard error"
                    + " (default: ${DEFAULT-VALUE}; --samples is a synonym).")
    int events = DEFAULTS.events();

    @Override
    List<Report> reports(RunSettings settings) {
        int n = events(events, 2 * LossScan.BATCHES);
        if (!(Double.isFinite(from) && Double.isFinite(to) && to > from)) {
            throw new IllegalArgumentException("--from = " + from + ", --to = " + to + " is not a finite range"
                    + " with from < to");
        }
        if (from < 0) {
            throw new IllegalArgumentException("--from = " + from + " is negative (θ is a radius, >= 0)");
        }
        if (points < 3) {
            throw new IllegalArgumentException("--points = " + points + " is less than 3");
        }
        LossScan.Options options = new LossScan.Options(from, to, points, n);
        List<Report> reports = new ArrayList<>();
        for (ToyShower shower : config.showers()) {
            String label = shower.config().label();
            LossScan scan = LossScan.of(shower, options, settings.seed()).withParallelism(settings.threads());
            if (!settings.inProcess()) {
                scan = scan.withRunner(settings.tasks());
            }
            LossScan.Result r;
            try (Progress bar = Progress.start(settings, "scan " + label, scan.workUnits())) {
                r = scan.withProgress(bar::step).run();
            }
            String base = ShowerOutputs.base("scan", label);
            Path csv = OutputFiles.writeString(settings.file(base + ".csv"), ShowerOutputs.scanCsv(r));
            Path png = ShowerCharts.scan(r, settings.file(base + ".png"));
            Table.Builder t = Table.builder(label + " configuration: " + r.events() + " showers per point, seed "
                    + settings.seed(), "θ", "E[loss]", "std.err", "E[depth]", "std.err");
            for (LossScan.Point p : r.points()) {
                t.row(p.theta(), p.loss(), p.lossSe(), p.depth(), p.depthSe());
            }
            reports.add(new Report("shower scan: " + label, List.of(t.build()), List.of(
                    String.format(Locale.ROOT, "minimum at θ = %.3f (parabola through the best grid point %.3f and"
                            + " its neighbours); %.1f s", r.minimum(), r.gridMinimum(), r.nanos() / 1e9),
                    "published minimum: θ ≈ 1.1 (shower), ≈ 0.85 (eloss); mean depth ≈ θ + 0.85 (shower)"),
                    List.of(png, csv)));
        }
        return reports;
    }
}
