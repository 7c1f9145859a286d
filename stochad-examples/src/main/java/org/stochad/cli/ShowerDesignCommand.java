package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.Estimator;
import org.stochad.Samplers;
import org.stochad.StochasticTriple;
import org.stochad.cli.chart.DesignCharts;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.shower.DesignObjective;
import org.stochad.shower.DesignOptimization;
import org.stochad.shower.SegmentedShower;
import org.stochad.shower.ShowerEvent;
import org.stochad.shower.ToyShower;
import org.stochad.study.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad shower design}: optimise a detector of K sectors, each with its own inner radius. */
@Command(name = "design", header = "Optimise K sectors' inner radii at once under a material budget.",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH,
        description = {"Cuts the material into K angular sectors, each with its own inner radius, and minimises"
                + " E[(D − 2)²] + λ·B(θ), B the priced extra material, over all K radii at once with Adam or SGD"
                + " from a uniform start, one gradient estimate per step from one primal run per event. Repeats"
                + " the runs with derived seeds, scores every final map with the same events, and writes the"
                + " optimised map with a shower on top, the objective and radius trajectories (10–90 %% bands),"
                + " a CSV file and a text table, named toy-shower-design-KN-CONFIG.", ""})
public final class ShowerDesignCommand extends ReportCommand {

    private static final DesignOptimization.Protocol DEFAULTS = DesignOptimization.Protocol.defaults();

    @Mixin
    ShowerConfigOption config;

    @Option(names = "--segments", paramLabel = "K", description = "Sectors, 1 to 64 (default: ${DEFAULT-VALUE}).")
    int segments = 16;

    @Option(names = "--steps", paramLabel = "N", description = "Steps per run (default: ${DEFAULT-VALUE}).")
    int steps = DEFAULTS.steps();

    @Option(names = "--runs", paramLabel = "N", description = "Runs per estimator (default: ${DEFAULT-VALUE}).")
    int runs = DEFAULTS.runs();

    @Option(names = "--events", paramLabel = "N",
            description = "Showers per gradient step (default: ${DEFAULT-VALUE}; --samples is a synonym).")
    int events = DEFAULTS.eventsPerStep();

    @Option(names = "--stepper", paramLabel = "NAME",
            description = "Gradient step: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DesignOptimization.Stepper stepper = DEFAULTS.stepper();

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Initial step size; falls linearly by 90 %% (default: ${DEFAULT-VALUE}).")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--start", paramLabel = "THETA", split = ",",
            description = "Uniform starting radius; several, comma-separated, are used in turn (default: 3.0).")
    double[] starts = DEFAULTS.starts();

    @Option(names = "--budget", paramLabel = "LAMBDA",
            description = "Weight λ of the material budget (default: ${DEFAULT-VALUE}).")
    double budget = DesignObjective.defaults().budgetWeight();

    @Option(names = "--price", paramLabel = "A",
            description = "Price modulation a of the material, 1 + a·cos α (default: ${DEFAULT-VALUE}).")
    double price = DesignObjective.defaults().priceAmplitude();

    @Option(names = "--evaluation-events", paramLabel = "N",
            description = "Showers that score every final map (default: ${DEFAULT-VALUE}).")
    int evaluationEvents = DEFAULTS.evaluationEvents();

    @Option(names = "--estimators", paramLabel = "NAME", split = ",", completionCandidates = EstimatorChoice.Keys.class,
            description = "Estimators, comma-separated from: ${COMPLETION-CANDIDATES} (default: sad,sad4,hybrid,"
                    + "score-baseline).")
    List<String> estimators;

    @Override
    List<Report> reports(RunSettings settings) {
        int n = events(events, 2);
        DesignOptimization.Protocol protocol = new DesignOptimization.Protocol(stepper, learningRate, DEFAULTS.decay(),
                starts, steps, n, runs, evaluationEvents);
        DesignObjective objective = new DesignObjective(budget, price);
        List<Estimator> chosen = EstimatorChoice.estimators(estimators, DesignOptimization.defaultEstimators());
        List<Report> reports = new ArrayList<>();
        for (ToyShower base : config.showers()) {
            SegmentedShower shower = SegmentedShower.of(base.config(), segments, objective);
            String label = base.config().label();
            DesignOptimization opt = DesignOptimization.of(shower, settings.seed()).withEstimators(chosen)
                    .withProtocol(protocol).withParallelism(settings.threads()).withRunner(settings.tasks())
                    .withProgress(ConsoleProgress.of(settings.progress()));
            DesignOptimization.Result r = opt.run();
            String name = "toy-shower-design-K" + segments + "-" + label;
            double[] best = r.bestTheta();
            StochasticTriple[] triples = new StochasticTriple[best.length];
            for (int k = 0; k < best.length; k++) {
                triples[k] = StochasticTriple.constant(best[k]);
            }
            ShowerEvent event = shower.event(Samplers.primal(settings.seed(), 0), triples);
            Path map = DesignCharts.map(shower.material(), best, event, String.format(Locale.ROOT,
                    "%s, %d sectors: the best optimised map (objective %.4f), λ = %s, a = %s", label, segments,
                    r.bestFinalLoss(), budget, price), settings.file(name + "-map.png"));
            Path traj = DesignCharts.trajectories(r, settings.file(name + ".png"));
            Path csv = OutputFiles.writeString(settings.file(name + ".csv"), csv(r));
            Table t = table(r, settings.seed());
            Path txt = OutputFiles.writeString(settings.file(name + ".txt"), ReportPrinter.aligned(t) + System.lineSeparator());
            reports.add(new Report("shower design: " + label + ", " + segments + " sectors", List.of(t), List.of(
                    "protocol: " + protocol,
                    String.format(Locale.ROOT, "best final objective %.5f; its radii: %s", r.bestFinalLoss(),
                            format(best)),
                    String.format(Locale.ROOT, "total wall time %.1f s (runs in parallel on %d thread(s))",
                            r.nanos() / 1e9, settings.threads())), List.of(map, traj, csv, txt)));
        }
        return reports;
    }

    private static Table table(DesignOptimization.Result r, long seed) {
        Table.Builder t = Table.builder(r.label() + ", " + r.segments() + " sectors: " + r.protocol().stepper() + ", "
                        + r.protocol().steps() + " steps of " + r.protocol().eventsPerStep() + " showers, "
                        + r.protocol().runs() + " run(s) per estimator, seed " + seed, "estimator", "final objective",
                "best", "min θ_k", "max θ_k", "s/run");
        for (DesignOptimization.EstimatorRuns e : r.estimators()) {
            double[] m = e.meanFinalTheta();
            t.row(e.estimator(), e.meanFinalLoss(), e.bestFinalLoss(), java.util.Arrays.stream(m).min().orElse(0),
                    java.util.Arrays.stream(m).max().orElse(0), e.secondsPerRun());
        }
        return t.build();
    }

    private static String csv(DesignOptimization.Result r) {
        int k = r.segments();
        StringBuilder sb = new StringBuilder("estimator,step,loss_mean,loss_q10,loss_q90");
        for (int j = 0; j < k; j++) {
            sb.append(",theta").append(j).append("_q50");
        }
        sb.append('\n');
        for (DesignOptimization.EstimatorRuns e : r.estimators()) {
            double[] lo = e.lossQuantile(0.1);
            double[] hi = e.lossQuantile(0.9);
            double[][] med = new double[k][];
            for (int j = 0; j < k; j++) {
                med[j] = e.thetaQuantile(j, 0.5);
            }
            for (int t = 0; t < lo.length; t++) {
                double mean = 0;
                for (var run : e.runs()) {
                    mean += run.loss()[t] / e.runs().size();
                }
                sb.append(String.format(Locale.ROOT, "\"%s\",%d,%.6g,%.6g,%.6g", e.estimator(), t, mean, lo[t], hi[t]));
                for (int j = 0; j < k; j++) {
                    sb.append(String.format(Locale.ROOT, ",%.6g", med[j][t]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String format(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return sb.append(']').toString();
    }
}
