package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.cli.lund.HadronDefaults;
import org.stochad.cli.lund.HadronReports;
import org.stochad.lund.LundSettings;
import org.stochad.lund.study.ComparisonResult;
import org.stochad.lund.study.EstimateRow;
import org.stochad.lund.study.FinalTwoTerm;
import org.stochad.lund.study.GradientComparison;
import org.stochad.study.StudyRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad hadron compare}: the gradient estimators of Lund-parameter derivatives side by side. */
@Command(name = "compare", header = "Gradient estimators of Lund-parameter derivatives: bias and variance.",
        mixinStandardHelpOptions = true, usageHelpWidth = 100, resourceBundle = HadronDefaults.BUNDLE,
        defaultValueProvider = HadronDefaults.CompareSeed.class,
        description = {"Compares the gradient estimators on the Lund generator: (1) unbiasedness of d⟨N⟩,"
                + " d(rapidity bin |y| < 0.5), d⟨thrust⟩ and d(x_E bin [0.1, 0.2)) with respect to (a, b, σ) on pions-only strings by"
                + " stochastic AD (replay), the hybrid, the score function with baseline and the RSA derivative,"
                + " the Lund law's score (restarts conditioned, per-step control variates; --estimator law-score of"
                + " hadron gradient), stochastic AD on the generator's pathwise mode (Lund:differentiation = pathwise, joint stop,"
                + " finalTwo plane, restarts conditioned on three pilot runs per θ: Lund:pathwiseRestarts = conditioned),"
                + " each against a common-random-number central difference; (2) the size of the finalTwo ordering"
                + " term of d/db; (3) d⟨z⟩/da of one z draw against quadrature; (4) a variance study of d⟨N⟩/dθ for"
                + " all four parameters (a, b, σ, ρ) at the settings' point. Writes gradients-comparison.md,"
                + " gradients-variance.csv, hadronization-gradients-pulls.png and"
                + " hadronization-gradients-variance.png. --samples sets the samples per estimator of (1)"
                + " (default: ${bundle:default.compare.samples}). With --spark the estimates and the finalTwo events"
                + " run on Spark with the same numbers (the cost columns are timings).", ""})
public final class HadronCompareCommand extends ReportCommand {

    @Mixin
    LundSettingsOptions lund;

    @Option(names = "--figures", paramLabel = "DIR", description = "Folder for the PNG figures (default: --out).")
    Path figures;

    @Option(names = "--quick", description = "Small statistics (about a minute on two cores) instead of the"
            + " documented ones.")
    boolean quick;

    @Option(names = "--fd-samples", paramLabel = "N",
            description = "Samples of the finite-difference reference (default:"
                    + " ${bundle:default.compare.fd-samples}).")
    Integer fdSamples;

    @Option(names = "--study-samples", paramLabel = "N",
            description = "Samples per estimator in the variance study (default:"
                    + " ${bundle:default.compare.study-samples}).")
    Integer studySamples;

    @Option(names = "--z-samples", paramLabel = "N",
            description = "Samples per estimator for the single z draw (default:"
                    + " ${bundle:default.compare.z-samples}).")
    Integer zSamples;


    @Override
    List<Report> reports(RunSettings settings) {
        GradientComparison.Options o = quick ? GradientComparison.Options.quick() : GradientComparison.Options.docs();
        o = new GradientComparison.Options(events(null, o.samples(), 2, "--events"),
                at("--fd-samples", fdSamples, o.fdSamples()), o.fdStep(),
                at("--study-samples", studySamples, o.studySamples()), at("--z-samples", zSamples, o.singleZSamples()),
                seedGiven() ? settings.seed() : o.seed(), settings.threads(), settings.progress());
        LundSettings point = lund.load();
        LundSettings pions = point.with(LundSettings.PIONS_ONLY, true);
        Path pictures = figures == null ? settings.out() : figures;
        CommonOptions.prepare(pictures, "--figures");
        GradientComparison.Options options = o;
        GradientComparison comparison = GradientComparison.of(pions, point, options)
                .withLog(spec.commandLine().getErr()::println).withPlacement(settings.placement());
        GradientComparison placed = common.spark() == null ? comparison : comparison.withEvents(common.spark().events());
        ComparisonResult r = LundSettingsOptions.explainingRetries(pions, placed::run);
        List<Path> files = HadronReports.writeComparison(r, settings.out(), pictures);
        List<Table> tables = new ArrayList<>();
        Table.Builder u = Table.builder(String.format(Locale.ROOT, "unbiasedness: pions-only strings, E_CM = %s GeV,"
                        + " (a, b, σ) = (%s, %s, %s), seed %d", fmt(pions.eCM()), fmt(pions.aLund()),
                fmt(pions.bLund()), fmt(pions.sigma()), o.seed()), "observable", "d/d", "estimator", "estimate",
                "std.err", "sd/sample", "pull vs FD", "samples", "s");
        for (EstimateRow e : r.unbiasedness()) {
            double pull = r.pull(e);
            u.row(e.observable(), e.component(), HadronReports.estimatorLabel(e), e.mean(), e.standardError(), e.sdPerSample(), pull,
                    e.samples(), e.seconds());
        }
        tables.add(u.build());
        Table.Builder f = Table.builder("the finalTwo ordering term of d/db (RSA score decomposition)", "observable",
                "ordering term", "std.err", "whole d/db", "std.err", "orderings/event");
        for (FinalTwoTerm t : r.finalTwo()) {
            f.row(t.observable(), t.term(), t.termError(), t.total(), t.totalError(), t.orderingsPerEvent());
        }
        tables.add(f.build());
        Table.Builder z = Table.builder(String.format(Locale.ROOT, "one z draw: d⟨z⟩/da at (a, b, mT²) = (0.68, 0.98,"
                + " 0.2436), quadrature %.5f", r.singleZExact()), "estimator", "estimate", "std.err", "pull",
                "sd/sample", "cost/primal", "var×cost");
        for (EstimateRow e : r.singleZ()) {
            double cost = r.singleZCost().getOrDefault(e.estimator(), Double.NaN);
            z.row(e.estimator(), e.mean(), e.standardError(), (e.mean() - r.singleZExact()) / e.standardError(),
                    e.sdPerSample(), cost, e.sdPerSample() * e.sdPerSample() * cost);
        }
        tables.add(z.build());
        Table.Builder v = Table.builder(r.study().title() + ": " + r.study().samples() + " samples per estimator",
                "estimator", "d/d", "estimate", "std.err", "sd/sample", "cost/primal", "var×cost");
        for (StudyRow row : r.study().rows()) {
            v.row(row.estimator(), row.component() < GradientComparison.NAMES.size() ? GradientComparison.NAMES.get(row.component())
                    : String.valueOf(row.component()), row.mean(), row.standardError(), row.sdPerSample(),
                    row.costRelativeToPrimal(), row.workNormalisedVariance());
        }
        tables.add(v.build());
        if (common.format == OutputFormat.CSV) {
            tables.add(csvTable(r));
        }
        return List.of(new Report("hadron compare", tables, List.of(
                "pull vs FD = (estimate − central difference)/combined std.err: unbiased estimators stay within a few"
                        + " units; var×cost = sd² × cost relative to one plain event (lower is better)",
                "rows marked '" + HadronReports.BIASED_BY_DESIGN + "' differentiate σ through the pT draws pathwise,"
                        + " which misses the jumps of the stop test and the vetoes: their pulls are expected to be"
                        + " large; the ', pT score' rows are the unbiased σ-derivatives",
                HadronReports.VARIANCE_SIGMA_NOTE), files));
    }

    /**
     * One row per estimator × observable × parameter of the unbiasedness runs: cost = time per
     * sample (after a short warm-up run of the same estimator and program, which pays pilots and JIT
     * compilation) over the time of one primal event measured in the same run, var_x_cost = sd² × cost.
     */
    private static Table csvTable(ComparisonResult r) {
        Table.Builder t = Table.builder("estimator × observable × parameter, cost relative to one primal event (timed after a warm-up run)",
                "estimator", "observable", "parameter", "mean", "se", "sd",
                "cost", "var_x_cost");
        for (EstimateRow e : r.unbiasedness()) {
            double cost = r.cost(e);
            t.row(e.estimator(), e.observable(), e.component(), e.mean(), e.standardError(), e.sdPerSample(), cost,
                    e.sdPerSample() * e.sdPerSample() * cost);
        }
        return t.build();
    }

    private static int at(String name, Integer given, int fallback) {
        if (given == null) {
            return fallback;
        }
        if (given < 2) {
            throw new IllegalArgumentException(name + " = " + given + " is less than 2");
        }
        return given;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
