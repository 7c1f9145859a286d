package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.cli.lund.HadronDefaults;
import org.stochad.cli.lund.FitWarnings;
import org.stochad.cli.lund.HadronReports;
import org.stochad.lund.EventRunner;
import org.stochad.lund.LundSettings;
import org.stochad.lund.fit.FitReport;
import org.stochad.lund.fit.FitStudy;
import org.stochad.lund.fit.FitSummary;
import org.stochad.lund.fit.FitTarget;
import org.stochad.lund.fit.HistogramLoss;
import org.stochad.lund.fit.HistogramSpec;
import org.stochad.lund.fit.LundFit;
import org.stochad.lund.fit.PseudoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad hadron fit}: fits the Lund (a, b) to pseudo-data or a histogram file. */
@Command(name = "fit", header = "Fit the Lund (a, b) to pseudo-data or a YODA/CSV histogram.",
        mixinStandardHelpOptions = true, usageHelpWidth = 100, resourceBundle = HadronDefaults.BUNDLE,
        defaultValueProvider = HadronDefaults.FitSeed.class,
        description = {"Fits the Lund parameters (a, b) — σ and ρ held at the settings' values — on a histogram"
                + " loss by stochastic Gauss-Newton steps (the χ² metric from the score of each step's events, or from"
                + " its Jacobian estimate with --gradient jacobian) or"
                + " Adam, with gradients (i) by RSA reweighting of one base sample generated at the start"
                + " ('rsa'; valid while its effective sample size lasts) or (ii) re-simulated at the current (a, b)"
                + " every step with the hybrid, stochastic-AD or law-score estimator ('resim'). Each (method, start) is"
                + " repeated with different seeds; the fitted value is the mean over the repeats, ± its"
                + " uncertainty (their spread/√repeats and, for χ², the data's statistical share from the loss"
                + " curvature, in quadrature). Without --data the data are the generator's own multiplicity and x_E histograms at"
                + " --truth (pseudo-data). Settings default to pions-only u-ū at 100 GeV. Writes fits.md,"
                + " fits-trajectories.csv and hadronization-gradients-fit-{paths,loss,neff}.png. With --spark (and --method"
                + " resim) the pseudo-data, each step's histogram events and its gradient estimate run on Spark"
                + " (the same numbers, bit for bit); only per-event bin entries and RSA scores come back.", ""})
public final class HadronFitCommand extends ReportCommand {

    /** How a fit obtains its gradients. */
    enum MethodChoice {
        /** RSA reweighting of a fixed base sample. */
        RSA,
        /** RSA reweighting, with a new base sample whenever N_eff/N falls below one half. */
        REBASED,
        /** Re-simulation at every step. */
        RESIM,
        /** RSA and re-simulation, RSA first. */
        BOTH,
        /** RSA, rebased RSA and re-simulation. */
        ALL
    }

    /** The histogram loss. */
    enum LossChoice {
        /** The pseudo-χ² of the RSA study. */
        CHI2,
        /** The 1-D Wasserstein distance. */
        WASSERSTEIN
    }

    @Mixin
    LundSettingsOptions lund;

    @Option(names = "--figures", paramLabel = "DIR", description = "Folder for the PNG figures (default: --out).")
    Path figures;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Histogram file to fit (.yoda or .csv, e.g. from 'hadron generate'); default: pseudo-data.")
    Path data;

    @Option(names = "--histogram", paramLabel = "PATH",
            description = "Part of the path of the histogram to use in --data (default: the first).")
    String histogram;

    @Option(names = "--observable", paramLabel = "NAME", defaultValue = "multiplicity",
            description = "What the --data histogram bins: multiplicity, rapidity, xE, pT or pT2"
                    + " (default: ${DEFAULT-VALUE}; must agree with the histogram's name when that is one of them).")
    String observable;

    @Option(names = "--truth", paramLabel = "A,B", description = "(a, b) of the pseudo-data (default: the settings').")
    String truth;

    @Option(names = "--pseudo-events", paramLabel = "N",
            description = "Events of the pseudo-data (default: ${bundle:default.fit.pseudo-events}).")
    Integer pseudoEvents;

    @Option(names = "--start", paramLabel = "A,B",
            description = "A starting (a, b) (repeatable; default: ${bundle:default.fit.starts}).")
    List<String> starts = new ArrayList<>();

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "both",
            description = "rsa, rebased, resim, both (rsa and resim) or all (default: ${DEFAULT-VALUE}).")
    MethodChoice method;

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "chi2",
            description = "chi2 or wasserstein (default: ${DEFAULT-VALUE}).")
    LossChoice loss;

    @Option(names = "--quick", description = "Small statistics instead of the documented ones.")
    boolean quick;

    @Option(names = "--steps", paramLabel = "N", description = "Steps (default: ${bundle:default.fit.steps}).")
    Integer steps;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (default: ${bundle:default.fit.lr}).")
    Double learningRate;

    @Option(names = "--repeats", paramLabel = "N", description = "Fits per method and start (default: ${bundle:default.fit.repeats}).")
    Integer repeats;

    @Option(names = "--base-events", paramLabel = "N",
            description = "RSA base sample size (default: ${bundle:default.fit.base-events}).")
    Integer baseEvents;

    @Option(names = "--hist-events", paramLabel = "N",
            description = "Re-simulation: histogram events per step (default: ${bundle:default.fit.hist-events}).")
    Integer histogramEvents;

    @Option(names = "--grad-samples", paramLabel = "N",
            description = "Re-simulation: gradient samples per step (default:"
                    + " ${bundle:default.fit.grad-samples}).")
    Integer gradientSamples;

    @Option(names = "--gradient", paramLabel = "HOW", description = "Re-simulation: how a step gets dh/dθ: scalar"
            + " (one estimate of the program Σ ∂L/∂h·h; the χ² metric from the score of an RSA-weighted half of the"
            + " step's events; the published fits) or jacobian (one Jacobian estimate of every bin, contracted with"
            + " ∂L/∂h from two plain event halves, the metric from the Jacobian; about 0.7× the cost per step)"
            + " (default: ${bundle:default.fit.gradient}).")
    String gradient;

    @Option(names = "--estimator", paramLabel = "NAME", description = "Re-simulation's gradient estimator: hybrid"
            + " (stochastic AD mixed with the score function), sad (stochastic AD, replay) or law-score (the Lund law's"
            + " score with restarts conditioned and per-step control variates; scalar steps; its three pilot runs of"
            + " half the gradient samples each count as events) (default: ${bundle:default.fit.estimator}; hybrid"
            + " with --gradient jacobian).")
    String estimator;

    @Option(names = "--stepper", paramLabel = "RULE", description = "Update rule: gauss-newton (damped stochastic"
            + " Gauss-Newton with the chi2 metric; chi2 loss only) or adam (default: gauss-newton for chi2, adam"
            + " otherwise).")
    String stepper;

    @Override
    List<Report> reports(RunSettings settings) {
        noSamples("set --base-events, --hist-events and --grad-samples");
        checkDataOptions();
        LundSettings s = lund.load(LundSettings.pionsOnly());
        LundFit.Options d = quick ? LundFit.Options.quick() : LundFit.Options.docs();
        int n = positive("--steps", steps, d.steps(), 1);
        HistogramLoss l = loss == LossChoice.CHI2 ? HistogramLoss.CHI2 : HistogramLoss.WASSERSTEIN;
        LundFit.Options o = new LundFit.Options(positive("--base-events", baseEvents, d.baseEvents(), 10),
                positive("--hist-events", histogramEvents, d.histogramEvents(), 10),
                positive("--grad-samples", gradientSamples, d.gradientSamples(), 2), n, rate(d.learningRate()),
                positive("--repeats", repeats, d.repeats(), 1),
                steps == null ? d.averageLast() : Math.min(d.averageLast(), Math.max(1, n / 4)),
                l, resimulation(estimator, gradient(gradient) == LundFit.Gradient.JACOBIAN
                        ? LundFit.Resimulation.HYBRID : d.estimator()), stepper(stepper, l),
                seedGiven() ? settings.seed() : d.seed(), settings.threads(), settings.progress());
        LundFit.Gradient how = gradient(gradient);
        if (gradient != null && (method == MethodChoice.RSA || method == MethodChoice.REBASED)) {
            throw new IllegalArgumentException("--gradient " + gradient + " applies to re-simulated fits, not --method "
                    + method.toString().toLowerCase(Locale.ROOT));
        }
        List<double[]> from = new ArrayList<>();
        for (String st : starts) {
            from.add(pair("--start", st));
        }
        if (from.isEmpty()) {
            from = FitStudy.defaultStarts();
        }
        List<LundFit.Method> methods = switch (method) {
            case RSA -> List.of(LundFit.Method.RSA);
            case REBASED -> List.of(LundFit.Method.RSA_REBASED);
            case RESIM -> List.of(LundFit.Method.RESIMULATED);
            case BOTH -> List.of(LundFit.Method.RSA, LundFit.Method.RESIMULATED);
            case ALL -> List.of(LundFit.Method.RSA, LundFit.Method.RSA_REBASED, LundFit.Method.RESIMULATED);
        };
        if (common.spark != null && method != MethodChoice.RESIM) {
            // only the re-simulated fit has per-step estimates to distribute; refuse rather than run locally
            throw new IllegalArgumentException("--spark = " + common.spark + " with --method "
                    + method.toString().toLowerCase(java.util.Locale.ROOT)
                    + ": only --method resim runs on Spark (the RSA fits reweight one local sample)");
        }
        Path pictures = figures == null ? settings.out() : figures;
        CommonOptions.prepare(pictures, "--figures");
        double[] t = null;
        List<FitTarget> targets;
        if (data == null) {
            t = truth == null ? new double[] {s.aLund(), s.bLund()} : pair("--truth", truth);
            int events = positive("--pseudo-events", pseudoEvents, PseudoData.DOCS_EVENTS, 10);
            double[] ab = t;
            EventRunner runner = common.spark() == null ? EventRunner.threads(o.threads()) : common.spark().events();
            targets = LundSettingsOptions.explainingRetries(s, () -> PseudoData.targets(s.withAB(ab[0], ab[1]),
                    PseudoData.defaultHistograms(), events, o.seed() ^ PseudoData.SEED_OFFSET, runner));
        } else {
            targets = List.of(readTarget());
        }
        List<FitTarget> fitTargets = targets;
        List<double[]> starting = from;
        double[] truthAb = t;
        LundFit fit = LundFit.of(s, fitTargets, o).withLog(spec.commandLine().getErr()::println)
                .withPlacement(settings.placement()).withGradient(how);
        LundFit placed = common.spark() == null ? fit : fit.withEvents(common.spark().events());
        FitReport r = LundSettingsOptions.explainingRetries(s, () -> FitStudy.of(placed).run(starting, methods, truthAb));
        List<Path> files = HadronReports.writeFits(r, settings.out(), pictures);
        StringBuilder fitted = new StringBuilder();
        for (FitTarget target : targets) {
            fitted.append(fitted.length() == 0 ? "" : ", ").append(target.spec().name()).append(" (")
                    .append(target.spec().bins()).append(" bins, data ").append(target.data().path()).append(')');
        }
        Table.Builder tb = Table.builder(String.format(Locale.ROOT, "%s, %d steps%s, %d repeat(s), loss %s;"
                        + " histograms %s", o.stepper() == LundFit.Stepper.ADAM ? "Adam" : "Gauss-Newton", o.steps(),
                        o.stepper() == LundFit.Stepper.ADAM ? ", learning rate " + o.learningRate() : "", o.repeats(),
                        o.loss(), fitted),
                "method", "start a", "start b", "fitted a", "±", "fitted b", "±", "pull a", "pull b", "sd one fit a",
                "sd one fit b", "data sd a", "data sd b", "events/fit", "s/fit", "min N_eff", "warning");
        for (FitSummary f : r.summaries()) {
            double[] u = f.uncertainty();
            double[] pull = f.pull(t);
            tb.row(f.method().toString(), f.start()[0], f.start()[1], f.mean()[0], u[0], f.mean()[1], u[1],
                    pull[0], pull[1], f.sd()[0], f.sd()[1], f.dataSd()[0],
                    f.dataSd()[1], f.events(), f.seconds(), f.minNeff(), FitWarnings.flag(f, o.averageLast()));
        }
        List<String> notes = new ArrayList<>();
        notes.add("fitted = mean over the repeats; ± = its uncertainty: the repeats' spread / √repeats and the data's"
                + " statistical share (χ² loss, from the loss curvature) in quadrature");
        if (t != null) {
            notes.add(String.format(Locale.ROOT, "truth (a, b) = (%s, %s); pull = (fitted − truth)/±", t[0], t[1]));
        }
        if (methods.contains(LundFit.Method.RESIMULATED)) {
            notes.add("re-simulated steps: dh/dθ by --gradient " + HadronDefaults.gradientName(how) + " ("
                    + (how == LundFit.Gradient.JACOBIAN ? "one Jacobian estimate of every bin, metric from it"
                    : "one estimate of Σ ∂L/∂h·h, metric from the score of the step's events") + ")");
        }
        notes.add("the fitted value is the mean of the last " + o.averageLast() + " path points of each fit;"
                + " N_eff = (Σw)²/Σw² of the RSA base sample (" + o.baseEvents() + " events)");
        for (String w : FitWarnings.of(r)) {
            notes.add("WARNING: " + w);
            spec.commandLine().getErr().println("warning: " + w);
        }
        spec.commandLine().getErr().flush();
        return List.of(new Report("hadron fit", List.of(tb.build()), notes, files));
    }

    /** What --observable accepts, for error messages. */
    static final String OBSERVABLES = "multiplicity, rapidity, xE, pT, pT2";

    /** The --estimator choice, or the default. */
    static LundFit.Resimulation resimulation(String name, LundFit.Resimulation fallback) {
        try {
            return name == null ? fallback : LundFit.Resimulation.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--estimator: " + e.getMessage(), e);
        }
    }

    /** Checks --data, --truth, --histogram and --observable together, before any work or output. */
    private void checkDataOptions() {
        if (data == null) {
            if (histogram != null || matched("--observable")) {
                throw new IllegalArgumentException((histogram != null ? "--histogram " + histogram
                        : "--observable " + observable) + " applies to --data only (the pseudo-data are the"
                        + " multiplicity and x_E histograms)");
            }
            return;
        }
        if (truth != null) {
            throw new IllegalArgumentException("--truth " + truth + " applies to pseudo-data only, not with --data "
                    + data);
        }
        if (java.nio.file.Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is a folder, not a histogram file");
        }
        if (!java.nio.file.Files.isReadable(data)) {
            throw new IllegalArgumentException("cannot read --data " + data + " (it does not exist or is not readable)");
        }
        observableName(observable);
    }

    /**
     * @param name an --observable value
     * @return its canonical name
     * @throws IllegalArgumentException naming --observable and the choices when it is none of them
     */
    private static String observableName(String name) {
        try {
            return HistogramSpec.of(name, new double[] {0, 1}).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--observable = " + name + " is not one of " + OBSERVABLES, e);
        }
    }

    /**
     * Reads the --data histogram and refuses one whose path names a different observable than
     * --observable (e.g. a rapidity histogram fitted as a multiplicity).
     */
    private FitTarget readTarget() {
        FitTarget target;
        try {
            target = FitTarget.read(data, histogram, observable);
        } catch (java.io.UncheckedIOException e) {
            throw new java.io.UncheckedIOException("cannot read --data " + data + " ("
                    + IoProblem.describe(e.getCause()) + ")", e.getCause());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--data " + data + ": " + e.getMessage(), e);
        }
        String path = target.data().path();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String given = observableName(observable);
        String named;
        try {
            named = HistogramSpec.of(last, new double[] {0, 1}).name();
        } catch (IllegalArgumentException e) {
            if (last.toLowerCase(Locale.ROOT).contains("charged") || last.equalsIgnoreCase("thrust")) {
                throw new IllegalArgumentException("--data histogram " + path + " cannot be fitted: --observable"
                        + " takes " + OBSERVABLES, e);
            }
            return target;
        }
        if (!named.equals(given)) {
            throw new IllegalArgumentException("--observable = " + observable + " does not match the histogram "
                    + path + (histogram == null ? "" : " chosen by --histogram " + histogram) + " (give --observable "
                    + last + ")");
        }
        return target;
    }

    /**
     * @param name gauss-newton (or gn) or adam, any case; null for the loss's default
     * @param loss the loss: Gauss–Newton by default for the χ², Adam otherwise
     * @return the update rule
     */
    static LundFit.Gradient gradient(String name) {
        if (name == null) {
            return LundFit.DEFAULT_GRADIENT;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "scalar" -> LundFit.Gradient.SCALAR_PROXY;
            case "jacobian" -> LundFit.Gradient.JACOBIAN;
            default -> throw new IllegalArgumentException("--gradient = " + name + " is not scalar or jacobian");
        };
    }

    static LundFit.Stepper stepper(String name, HistogramLoss loss) {
        if (name == null) {
            return loss == HistogramLoss.CHI2 ? LundFit.Stepper.GAUSS_NEWTON : LundFit.Stepper.ADAM;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gauss-newton", "gn" -> LundFit.Stepper.GAUSS_NEWTON;
            case "adam" -> LundFit.Stepper.ADAM;
            default -> throw new IllegalArgumentException("--stepper = " + name + " is not gauss-newton or adam");
        };
    }

    private double rate(double fallback) {
        if (learningRate == null) {
            return fallback;
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--lr = " + learningRate + " is not a finite number > 0");
        }
        return learningRate;
    }

    private static int positive(String name, Integer given, int fallback, int minimum) {
        if (given == null) {
            return fallback;
        }
        if (given < minimum) {
            throw new IllegalArgumentException(name + " = " + given + " is less than " + minimum);
        }
        return given;
    }

    private static double[] pair(String name, String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException(name + " = " + text + " is not of the form A,B");
        }
        try {
            double a = Double.parseDouble(parts[0].strip());
            double b = Double.parseDouble(parts[1].strip());
            if (!(Double.isFinite(a) && Double.isFinite(b))) {
                throw new NumberFormatException();
            }
            return new double[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " = " + text + " is not two numbers A,B");
        }
    }
}
