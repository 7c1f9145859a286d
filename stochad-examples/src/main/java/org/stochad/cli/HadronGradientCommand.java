package org.stochad.cli;

import java.util.List;
import java.util.Locale;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observables;
import org.stochad.lund.study.GradientComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad hadron gradient}: one gradient estimate of a Lund observable with respect to (a, b, σ, ρ). */
@Command(name = "gradient", header = "One gradient of a Lund observable with respect to (a, b, σ, ρ).",
        mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Estimates d⟨observable⟩/dθ for θ = (a, b, σ, ρ) at the settings' point with one estimator and"
                + " prints each component with its standard error. Sample i depends only on the seed and i: the"
                + " estimate is the same for any --threads, and with --spark for any cluster.", ""})
public final class HadronGradientCommand extends ReportCommand {

    /** Samples when neither --samples nor the settings say otherwise. */
    static final int DEFAULT_SAMPLES = 20_000;

    @Mixin
    LundSettingsOptions lund;

    @Option(names = "--observable", paramLabel = "SPEC", defaultValue = "multiplicity",
            description = "The observable: multiplicity, charged, thrust, sphericity, sum:QUANTITY or"
                    + " bin:QUANTITY:LO:HI (default: ${DEFAULT-VALUE}).")
    String observable;

    @Option(names = "--estimator", paramLabel = "NAME", defaultValue = "sad",
            completionCandidates = EstimatorChoice.Keys.class,
            description = "The estimator: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String estimator;

    @Override
    List<Report> reports(RunSettings settings) {
        LundSettings s = lund.load();
        LundProgram program = LundProgram.of(s, Observables.parse(observable));
        EstimatorChoice choice = EstimatorChoice.parse(estimator);
        SparkRun spark = common.spark();
        Estimator e = choice.estimatorFor(program);
        int samples = settings.samplesOr(DEFAULT_SAMPLES);
        double[] theta = s.theta();
        EstimateRequest request = EstimateRequest.samples(samples).seed(settings.seed())
                .progress(ConsoleProgress.of(settings.progress()));
        // on Spark the program travels with the estimator (the law score is made for that very program)
        GradientEstimate g = spark == null ? e.withParallelism(settings.threads()).estimate(program, theta, request)
                : spark.estimate(e, program, theta, request);
        Table.Builder t = Table.builder(String.format(Locale.ROOT, "d⟨%s⟩/dθ by %s: %d samples, seed %d", observable,
                e.name(), samples, settings.seed()), "d/d", "at", "estimate", "std.err");
        for (int j = 0; j < theta.length; j++) {
            t.row(GradientComparison.NAMES.get(j), theta[j], g.mean(j), g.standardError(j));
        }
        List<String> notes = new java.util.ArrayList<>(List.of(String.format(Locale.ROOT, "⟨%s⟩ = %s; %.2f s on %s",
                observable, g.value(), g.nanos() / 1e9,
                spark != null ? "Spark " + spark.master() : settings.threads() + " thread(s)")));
        if (!g.note().isEmpty()) {
            notes.add(g.note()); // e.g. the law score's: its s.e. includes its pilot's error
        }
        return List.of(new Report("hadron gradient", List.of(t.build()), notes, List.of()));
    }
}
